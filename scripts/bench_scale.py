"""`make bench`: the public pages, the sitemap, RSS and the admin at 1,000 and 100,000 articles.

    python scripts/bench_scale.py                # 1000 and 100000
    BENCH_SCALE_COUNTS=1000,20000 python scripts/bench_scale.py
    BENCH_SCALE_PAGES=admin python scripts/bench_scale.py   # the rows whose name starts so

PostgreSQL only (what production runs): the server from DATABASE_URL, or the local one that
scripts/postgres.sh finds. Each count gets its own database, portal_bench_<count>, filled once
through `manage.py import_articles` from `scripts/fake_articles.py <count>` and reused by later
runs (drop it to rebuild). Pages are timed in-process with the test client, uncached, median of
BENCH_SCALE_ROUNDS requests after one warm-up.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
COUNTS = [int(n) for n in os.environ.get("BENCH_SCALE_COUNTS", "1000,100000").split(",")]
ROUNDS = int(os.environ.get("BENCH_SCALE_ROUNDS", "7"))
# Comma-separated starts of page names ("admin", "search,list"); every page by default.
PAGES = [p.strip() for p in os.environ.get("BENCH_SCALE_PAGES", "").split(",") if p.strip()]


def server_url():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        found = subprocess.run(
            ["bash", str(ROOT / "scripts/postgres.sh")], capture_output=True, text=True
        )
        url = found.stdout.strip()
    if not url:
        sys.exit("bench_scale: no PostgreSQL (set DATABASE_URL or see scripts/postgres.sh)")
    return url


def with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def psql(url, sql):
    done = subprocess.run(["psql", url, "-qtAX", "-c", sql], capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else None


def ensure_database(server, count):
    """portal_bench_<count> with exactly ``count`` articles, built when missing."""
    name = f"portal_bench_{count}"
    url = with_database(server, name)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    if psql(url, "SELECT count(*) FROM news_article") == str(count):
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)  # new indexes
        psql(url, "VACUUM ANALYZE news_article")
        return url
    psql(server, f"DROP DATABASE IF EXISTS {name}")
    if psql(server, f"CREATE DATABASE {name}") is None:
        sys.exit(f"bench_scale: cannot create database {name}")
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as lines:
        subprocess.run(
            [sys.executable, str(ROOT / "scripts/fake_articles.py"), str(count)],
            stdout=lines,
            check=True,
        )
        lines.flush()
        started = time.perf_counter()
        subprocess.run([*manage, "import_articles", lines.name], env=env, check=True)
        print(f"  {count} articles imported in {time.perf_counter() - started:.0f} s", flush=True)
    psql(url, "VACUUM ANALYZE")
    return url


def counted(queries, execute, sql, *args):
    queries.append(sql)
    return execute(sql, *args)


def measure_here():
    """Child process: time every page against the database in DATABASE_URL, print JSON."""
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from news.models import Article, Category

    published = Article.objects.published()
    count = published.count()
    last_page = max(1, -(-count // 12))
    middle = published.order_by("-published_at", "-id")[count // 2]
    category = Category.objects.filter(articles__isnull=False).order_by("pk").first()
    user, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_staff": True, "is_superuser": True}
    )
    pages = {
        "home": "/",
        "list page 1": "/tin-tuc/",
        "deep list page": f"/tin-tuc/?page={last_page // 2}",
        "last list page": f"/tin-tuc/?page={last_page}",
        "category": category.get_absolute_url(),
        "article": middle.get_absolute_url(),
        "search common word": "/tim-kiem/?q=lao+dong",
        "search two words": "/tim-kiem/?q=hoi+nghi",
        "rss": "/rss/",
        "sitemap index": "/sitemap.xml",
        "sitemap page": None,
        "admin list": "/admin/news/article/",
        "admin search": "/admin/news/article/?q=hoi+nghi",
    }
    if PAGES:
        pages = {name: url for name, url in pages.items() if name.startswith(tuple(PAGES))}
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    anonymous = Client(HTTP_HOST="127.0.0.1")
    if "sitemap page" in pages:
        index = anonymous.get("/sitemap.xml").content.decode()
        # The index lists its pages; the newest articles' page when there is one.
        locs = [part.split("</loc>")[0] for part in index.split("<loc>")[1:]]
        sections = [urlsplit(loc) for loc in locs if "sitemap" in loc]
        articles = [loc for loc in sections if "articles" in loc.path] or sections
        newest = articles[-1] if articles else urlsplit("/sitemap.xml")
        pages["sitemap page"] = newest.path + (f"?{newest.query}" if newest.query else "")
    results = {}
    for name, url in pages.items():
        reader = client if name.startswith("admin") else anonymous
        reader.get(url)
        queries = []
        with connection.execute_wrapper(partial(counted, queries)):
            response = reader.get(url)
        assert response.status_code == 200, (url, response.status_code)
        timings = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            reader.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        results[name] = [statistics.median(timings), len(queries), url]
    print(json.dumps(results))


def main():
    server = server_url()
    figures = {}
    for count in COUNTS:
        print(f"{count} articles …", flush=True)
        url = ensure_database(server, count)
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
        done = subprocess.run(
            [sys.executable, __file__, "--measure"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        figures[count] = json.loads(done.stdout.strip().splitlines()[-1])
    small, large = COUNTS[0], COUNTS[-1]
    print(f"\nPostgreSQL, median of {ROUNDS} requests, uncached (ms; queries in brackets)")
    print(f"{'page':<20}{f'{small:,}':>12}{f'{large:,}':>14}{'ratio':>8}")
    for name, (ms, queries, _) in figures[small].items():
        big_ms, big_queries, _ = figures[large][name]
        print(f"{name:<20}{ms:>8.1f} ({queries}){big_ms:>10.1f} ({big_queries}){big_ms / ms:>8.2f}")


if __name__ == "__main__":
    if "--measure" in sys.argv:
        measure_here()
    else:
        main()
