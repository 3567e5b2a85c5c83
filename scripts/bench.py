"""`make bench`: time the public pages on a generated database and print the figures.

Runs in a throwaway test database (SQLite in memory, or a test_ copy on the DATABASE_URL server),
never in the project's own database.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
workdir = tempfile.mkdtemp(prefix="portal-bench-")
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DJANGO_MEDIA_ROOT"] = workdir

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "500"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "200"))


def build():
    from tests.factories import ArticleFactory, CategoryFactory, PhotoFactory

    categories = [CategoryFactory() for _ in range(6)]
    articles = [
        ArticleFactory(category=categories[i % 6], is_featured=i % 10 == 0, with_cover=i < 30)
        for i in range(ARTICLES)
    ]
    for _ in range(5):
        PhotoFactory(article=articles[0])
    return categories[0], articles[0]


def measure(client, url):
    client.get(url)  # warm caches and thumbnails
    executed = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: executed.append(sql) or execute(sql, *args)
    ):
        client.get(url)
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    timings.sort()
    return len(executed), statistics.median(timings), timings[int(len(timings) * 0.95)]


def main():
    test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run()
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)


def run():
    category, article = build()
    client = Client(HTTP_HOST="127.0.0.1")
    pages = {
        "home": "/",
        "list": "/tin-tuc/",
        "list page 20": "/tin-tuc/?page=20",
        "category": category.get_absolute_url(),
        "detail (5 photos)": article.get_absolute_url(),
        "search 2 words": "/tim-kiem/?q=hoi+nghi",
        "rss": "/rss/",
    }
    print(f"{connection.vendor}, {ARTICLES} articles, {ROUNDS} requests per page (test client)")
    print(f"{'page':<20}{'queries':>8}{'median ms':>11}{'p95 ms':>9}")
    for name, url in pages.items():
        queries, median, p95 = measure(client, url)
        print(f"{name:<20}{queries:>8}{median:>11.2f}{p95:>9.2f}")


if __name__ == "__main__":
    main()
