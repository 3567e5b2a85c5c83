"""Whatever a visitor types into the address bar, the answer is a page or a 4xx, never a 500."""

import pytest

from tests.factories import ArticleFactory

NUL = "\x00"
QUERIES = [
    "page=abc",
    "page=0",
    "page=-1",
    "page=1.5",
    "page=99999999999999999999",
    "page=" + "9" * 5000,
    "page=%00",
    "page=1%00",
    "page=" + "a" * 10240,
    "q=" + "ệ" * 5000,
    "q=%00%00",
    "q=%ff%fe",
    "page=2&page=abc",
    "page[]=1",
    "utm_source=" + "x" * 10240,
]
PATHS = [
    "/tin-tuc/khong-co-bai-nay/",
    "/chuyen-muc/khong-co-chuyen-muc/",
    "/tin-tuc/" + "a" * 10000 + "/",
    "/tin-tuc/%00/",
    "/tin-tuc/abc%00def/",
    "/chuyen-muc/%2e%2e/%2e%2e/etc/passwd/",
    "/tin-tuc/..%2f..%2fetc%2fpasswd/",
    "/media/../../etc/passwd",
    "/media/%2e%2e/%2e%2e/etc/passwd",
    "/media/..%2f..%2f..%2fetc%2fpasswd",
    "/media/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
    "/media/news/%00.jpg",
    "/media/....//....//etc/passwd",
    "/media//etc/passwd",
    "/static/../portal/settings/base.py",
    "/static/%2e%2e/portal/settings/base.py",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/tin-tuc/%E0%A4%A/",
    "/" + "x/" * 2000,
]


@pytest.fixture
def article(db):
    return ArticleFactory()


def public_urls(article):
    return {
        "home": "/",
        "list": "/tin-tuc/",
        "category": article.category.get_absolute_url(),
        "detail": article.get_absolute_url(),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["home", "list", "category", "detail"])
@pytest.mark.parametrize("query", QUERIES, ids=[q[:30] for q in QUERIES])
def test_hostile_query_strings(client, article, page, query):
    response = client.get(f"{public_urls(article)[page]}?{query}")
    assert response.status_code in {200, 404}, response.status_code
    if page in {"list", "category"} and query.startswith("page=") and query != "page=1%00":
        assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS, ids=[p[:40] for p in PATHS])
def test_hostile_paths(client, article, path):
    response = client.get(path)
    assert response.status_code in {400, 404}, response.status_code
    assert b"root:" not in response.content and b"SECRET_KEY" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["list", "category", "detail"])
def test_nul_and_long_values_in_the_path_of_each_page(client, article, page):
    url = public_urls(article)[page]
    for suffix in (NUL, "%00", "a" * 10240, "%ff"):
        response = client.get(url.rstrip("/") + suffix + "/")
        assert response.status_code in {301, 400, 404}, (suffix[:10], response.status_code)
