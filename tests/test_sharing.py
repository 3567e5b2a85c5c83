import json
import re
from html.parser import HTMLParser

import pytest
from django.utils import timezone
from PIL import Image

from news import renditions
from tests.factories import ArticleFactory, CategoryFactory

HOST = "http://testserver"
TRICKY_TITLE = 'Công nhân hỏi: "Lương < 5 triệu & tăng ca?" </script><script>alert(1)</script>'
TRICKY_SUMMARY = "Đoàn viên 'băn khoăn' về <b>thưởng Tết</b> & \"phụ cấp\"\u2028xăng xe."
ISO_LOCAL = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$")


class HeadParser(HTMLParser):
    """Meta tags by property/name, and the raw text of each JSON-LD script."""

    def __init__(self):
        super().__init__()
        self.meta, self.json_ld, self.scripts = {}, [], []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs["name"]
            assert key not in self.meta, f"{key} twice"
            self.meta[key] = attrs["content"]
        if tag == "script":
            self.scripts.append(attrs)
            self._in_json_ld = attrs.get("type") == "application/ld+json"
            if self._in_json_ld:
                self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def tricky(db):
    category = CategoryFactory(name="Chính sách & pháp luật", slug="chinh-sach-phap-luat")
    article = ArticleFactory(
        title=TRICKY_TITLE,
        summary=TRICKY_SUMMARY,
        author_name="Thúy Quyên, Minh Hòa",
        author_unit="CĐ Ngành Y tế",
        category=category,
        with_cover=True,
        cover_alt='Công nhân cầm bảng "Lương & thưởng"',
    )
    renditions.make(article.cover.name)  # as after the upload's commit
    return article


def test_opengraph_and_twitter_values_are_the_original_strings(client, tricky):
    page = head(client, tricky.get_absolute_url())
    url = f"{HOST}{tricky.get_absolute_url()}"
    meta = page.meta
    assert meta["og:title"] == TRICKY_TITLE
    # Cut to 60 words, so runs of white space (here a line separator) become one space.
    assert meta["og:description"] == " ".join(TRICKY_SUMMARY.split())
    assert meta["og:url"] == url
    assert meta["og:type"] == "article"
    assert meta["og:locale"] == "vi_VN"
    assert meta["og:site_name"] == "Cổng thông tin Liên đoàn Lao động tỉnh"
    assert meta["og:image:alt"] == 'Công nhân cầm bảng "Lương & thưởng"'
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:title"] == TRICKY_TITLE
    assert meta["twitter:description"] == meta["og:description"]
    assert meta["twitter:image"] == meta["og:image"]
    assert meta["article:section"] == "Chính sách & pháp luật"
    published = timezone.localtime(tricky.published_at).isoformat(timespec="seconds")
    assert meta["article:published_time"] == published
    assert ISO_LOCAL.match(meta["article:modified_time"])


def test_og_image_is_the_1200x630_rendition_with_its_real_size(client, tricky):
    meta = head(client, tricky.get_absolute_url()).meta
    og = renditions.folder(tricky.cover.name) / "og@1x.jpg"
    assert meta["og:image"] == f"{HOST}/media/{og.relative_to(tricky.cover.storage.location)}"
    with Image.open(og) as image:
        assert (int(meta["og:image:width"]), int(meta["og:image:height"])) == image.size
    # The 800×500 cover is cropped to 1.9:1 around its centre and enlarged to 1200×630.
    assert image.size == (1200, 630)


def test_json_ld_news_article(client, tricky):
    page = head(client, tricky.get_absolute_url())
    [raw] = page.json_ld
    assert "</script" not in raw.lower()
    assert "<" not in raw and ">" not in raw and "&" not in raw
    data = json.loads(raw)
    url = f"{HOST}{tricky.get_absolute_url()}"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == TRICKY_TITLE
    assert data["description"] == TRICKY_SUMMARY
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["datePublished"] == page.meta["article:published_time"]
    assert data["dateModified"] == page.meta["article:modified_time"]
    assert ISO_LOCAL.match(data["datePublished"]) and ISO_LOCAL.match(data["dateModified"])
    assert data["author"] == [
        {
            "@type": "Person",
            "name": name,
            "affiliation": {"@type": "Organization", "name": "CĐ Ngành Y tế tỉnh"},
        }
        for name in ("Thúy Quyên", "Minh Hòa")
    ]
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "Liên đoàn Lao động tỉnh"
    assert data["publisher"]["logo"]["url"] == f"{HOST}/static/img/logo.svg"
    [image] = data["image"]
    assert image["url"] == page.meta["og:image"]
    assert (image["width"], image["height"]) == (1200, 630)
    assert data["articleSection"] == "Chính sách & pháp luật"


def test_the_title_cannot_open_a_script_of_its_own(client, tricky):
    page = head(client, tricky.get_absolute_url())
    # Only the JSON-LD data block and the site's own script file: nothing the title opened.
    assert page.scripts == [
        {"type": "application/ld+json"},
        {"src": "/static/js/site.js", "defer": None},
    ]
    content = client.get(tricky.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in content


def test_article_without_cover_has_a_small_card_and_no_image(client, db):
    article = ArticleFactory(title="Tin ngắn không ảnh")
    page = head(client, article.get_absolute_url())
    assert page.meta["twitter:card"] == "summary"
    assert "og:image" not in page.meta
    assert "image" not in json.loads(page.json_ld[0])


def test_cover_file_missing_on_disk_leaves_out_the_image_not_the_page(client, tricky):
    tricky.cover.storage.delete(tricky.cover.name)
    renditions.remove(tricky.cover.name)
    page = head(client, tricky.get_absolute_url())
    assert "og:image" not in page.meta
    assert page.meta["og:title"] == TRICKY_TITLE


def test_other_pages_describe_the_site(client, tricky):
    for url in ("/", "/tin-tuc/", tricky.category.get_absolute_url()):
        page = head(client, url)
        assert page.meta["og:type"] == "website"
        assert page.meta["og:locale"] == "vi_VN"
        assert page.meta["og:site_name"] == "Cổng thông tin Liên đoàn Lao động tỉnh"
        assert page.meta["og:url"] == f"{HOST}{url}"
        assert page.json_ld == []


def test_detail_query_count_is_unchanged(client, tricky, django_assert_max_num_queries):
    client.get(tricky.get_absolute_url())  # fills the site-wide caches (tests/test_queries.py)
    with django_assert_max_num_queries(4):
        assert client.get(tricky.get_absolute_url()).status_code == 200
