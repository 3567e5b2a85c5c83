"""`make bench`: what one machine serves, under gunicorn, next to a bare Django view.

    .venv/bin/python scripts/bench_throughput.py [--keep DIR] [--seconds 10] [--rounds 3]

Builds a throwaway site in a temporary folder (SQLite file, or the DATABASE_URL server's test_
database; the demo content; one article with 5 photos and 3 library pictures in its text;
collected static files), then:

1. CPU per page in-process: Django's test client against the production settings, warm caches,
   ``time.process_time`` over many requests (the issue's target: at most 5 ms a page).
2. Requests/s under gunicorn (2 sync workers, production settings with a generated secret) with
   wrk (``apt-get install wrk``), 16 connections, three interleaved rounds: a bare Django view
   returning the article page's bytes (scripts/bench_bare.py, same server), then the article
   and list pages without and with the page cache; the figure is each page's share of the bare
   view's.

The project's own database, media and cache are never touched.
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
HOST = "127.0.0.1"
# What nginx adds in production (deploy/nginx.conf): the request came over HTTPS.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


def site_environment(workdir):
    """Production settings, pointed at the throwaway folder."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=f"{HOST},localhost",
        DJANGO_MEDIA_ROOT=str(workdir / "media"),
        DJANGO_STATIC_ROOT=str(workdir / "static"),
        DJANGO_CACHE_DIR=str(workdir / "cache"),
        DJANGO_LOG_LEVEL="WARNING",
        # The pages themselves; the "cached" server below switches the page cache on.
        DJANGO_PAGE_CACHE_SECONDS="0",
        PYTHONPATH=str(ROOT),
    )
    if not os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'db.sqlite3'}"
    return env


# Stage run in a child process with the site's settings: data, then the CPU figures.

BODY_PICTURES = 3
PHOTOS = 5


def prepare():
    """Demo content, plus the bench article: 5 photos and library pictures in its text."""
    from django.core.management import call_command

    from news.models import Article, Photo
    from portal.photos.models import Picture

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    call_command("load_demo", photos_per_article=PHOTOS, stdout=open(os.devnull, "w"))
    article = Article.objects.published().exclude(cover="").order_by("-published_at").first()
    pictures = list(Picture.objects.order_by("pk")[:BODY_PICTURES])
    photos = list(Photo.objects.exclude(article=article).order_by("pk"))
    for order in range(article.photos.count() + 1, PHOTOS + 1):
        source = photos[order]
        Photo.objects.create(
            article=article,
            order=order,
            image=source.image.name,
            caption=source.caption,
            alt_text=source.alt_text,
            credit=source.credit,
        )
    paragraphs = re.findall(r"<p>.*?</p>", article.body, flags=re.S) or ["<p>Nội dung.</p>"]
    figures = [
        f'<figure class="article-figure"><img src="{p.image.url}" alt="{p.alt_text}">'
        f"<figcaption>{p.caption}</figcaption></figure>"
        for p in pictures
    ]
    body = []
    for index, paragraph in enumerate(paragraphs):
        body.append(paragraph)
        if index < len(figures):
            body.append(figures[index])
    article.body = "".join(body) + "".join(figures[len(paragraphs) :])
    article.save()
    call_command("make_renditions", stdout=open(os.devnull, "w"))
    return article.get_absolute_url()


def cpu(pages, requests):
    """Median CPU ms per page over ``requests`` requests, after a warm-up."""
    from django.test import Client

    client = Client(headers=PROXY_HEADERS, HTTP_HOST=HOST)
    figures = {}
    for name, url in pages.items():
        for _ in range(5):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        samples = []
        for _ in range(requests):
            start = time.process_time()
            client.get(url)
            samples.append((time.process_time() - start) * 1000)
        figures[name] = statistics.median(samples)
    return figures


def child(args):
    import django

    django.setup()
    if args.stage == "prepare":
        print(prepare())
        return
    pages = {"article": args.article, "list": "/tin-tuc/"}
    if args.stage == "save":
        from django.test import Client

        html = Client(headers=PROXY_HEADERS, HTTP_HOST=HOST).get(args.article).content
        Path(args.output).write_bytes(html)
        return
    if args.stage == "profile":
        import cProfile
        import pstats

        cpu(pages, 5)
        profiler = cProfile.Profile()
        profiler.enable()
        cpu({args.profile: pages[args.profile]}, 200)
        profiler.disable()
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.limit)
        return
    for name, ms in cpu(pages, args.requests).items():
        print(f"{name} {ms:.2f}")


# The parent: builds the site, starts the servers, runs wrk.


def run_child(env, *arguments, capture=True):
    result = subprocess.run(
        [PYTHON, __file__, "--child", *arguments],
        env=env,
        cwd=ROOT,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_gunicorn(env, app, port):
    process = subprocess.Popen(
        [GUNICORN, app, "--workers", "2", "--bind", f"{HOST}:{port}", "--log-level", "warning"],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection((HOST, port), timeout=0.5).close()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"gunicorn {app} did not start")


def wrk(url, seconds):
    headers = [arg for name, value in PROXY_HEADERS.items() for arg in ("-H", f"{name}: {value}")]
    out = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", *headers, url],
        check=True,
        text=True,
        capture_output=True,
    ).stdout
    found = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if "Non-2xx" in out or not found:
        raise SystemExit(f"wrk {url}:\n{out}")
    return float(found.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--stage", default="cpu", help=argparse.SUPPRESS)
    parser.add_argument("--article", help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    parser.add_argument("--profile", default="article", help=argparse.SUPPRESS)
    parser.add_argument("--sort", default="cumulative", help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, default=60, help=argparse.SUPPRESS)
    parser.add_argument("--requests", type=int, default=300, help="requests per page for CPU")
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved wrk rounds")
    parser.add_argument("--keep", type=Path, help="build the site here once and reuse it")
    parser.add_argument("--cpu-only", action="store_true", help="skip gunicorn and wrk")
    args = parser.parse_args()
    if args.child:
        return child(args)

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="portal-throughput-"))
    try:
        bench(args, workdir)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


def bench(args, workdir):
    workdir.mkdir(parents=True, exist_ok=True)
    env = site_environment(workdir)
    marker = workdir / "article-url"
    if not marker.exists():
        print("Building the site (demo content, renditions, static files)…", flush=True)
        marker.write_text(run_child(env, "--stage", "prepare").strip().splitlines()[-1])
    article = marker.read_text()

    print(f"CPU per page in-process (median of {args.requests} requests, warm caches):")
    for line in run_child(env, "--article", article, "--requests", str(args.requests)).split("\n"):
        if line:
            name, ms = line.split()
            print(f"  {name:<10}{float(ms):>7.2f} ms")
    if args.cpu_only:
        return
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk).")

    page = workdir / "article.html"
    run_child(env, "--stage", "save", "--article", article, "--output", str(page))
    bare_env = dict(env, DJANGO_SETTINGS_MODULE="bench_bare", BENCH_BARE_FILE=str(page))
    bare_env["PYTHONPATH"] = f"{ROOT / 'scripts'}:{ROOT}"
    servers = {
        "bare": start_gunicorn(bare_env, "bench_bare:application", free_port()),
        "site": start_gunicorn(env, "portal.wsgi:application", free_port()),
        "cached": start_gunicorn(
            dict(env, DJANGO_PAGE_CACHE_SECONDS="300"), "portal.wsgi:application", free_port()
        ),
    }
    ports = {name: server.args[server.args.index("--bind") + 1] for name, server in servers.items()}
    targets = {
        "bare Django view": f"http://{ports['bare']}/",
        "article, uncached": f"http://{ports['site']}{article}",
        "list, uncached": f"http://{ports['site']}/tin-tuc/",
        # The anonymous page cache (portal/pagecache), in production's file cache.
        "article, cached": f"http://{ports['cached']}{article}",
        "list, cached": f"http://{ports['cached']}/tin-tuc/",
    }
    try:
        results = {name: [] for name in targets}
        for url in targets.values():
            wrk(url, 2)  # warm every worker
        for _ in range(args.rounds):
            for name, url in targets.items():
                results[name].append(wrk(url, args.seconds))
    finally:
        for server in servers.values():
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    size = page.stat().st_size
    print(
        f"\nRequests/s: gunicorn, 2 sync workers, wrk -t2 -c16 -d{args.seconds}s, "
        f"median of {args.rounds} interleaved rounds; article page {size / 1024:.1f} KB"
    )
    bare = statistics.median(results["bare Django view"])
    for name, figures in results.items():
        median = statistics.median(figures)
        print(f"  {name:<20}{median:>9.0f}{median / bare:>8.1%}")


if __name__ == "__main__":
    main()
