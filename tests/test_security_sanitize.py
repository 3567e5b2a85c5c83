"""nh3 cleaning of rich text: the allowlist, and every way a body reaches the database."""

import json

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from news.models import Article
from news.sanitize import ALLOWED_TAGS, REMOVED_WITH_CONTENT, clean_html
from tests.builders import HOSTILE_BODIES
from tests.factories import ArticleFactory, CategoryFactory

HOSTILE = "<p>Đoạn giữ lại.</p><img src=x onerror=alert(1)><script>alert(2)</script>"
CLEANED = "<p>Đoạn giữ lại.</p>"


def stored_body(pk):
    """The body as the database holds it, past any Python-side attribute."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT body FROM {Article._meta.db_table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


@pytest.mark.parametrize(
    "html",
    [
        "<p>Tin <strong>mới</strong> và <em>nóng</em>, <u>gạch</u> <s>xóa</s> H<sub>2</sub>O</p>",
        "<h2>Mục</h2><h3>Tiểu mục</h3><h4>Ý</h4><hr>",
        '<ul><li>một</li></ul><ol start="3"><li>ba</li></ol>',
        "<blockquote><p>Trích dẫn</p></blockquote>",
        '<figure class="article-figure align-left"><img src="/media/a.jpg" alt="Ảnh" '
        'width="300" height="200"><figcaption>Chú thích</figcaption></figure>',
        '<table><caption>Bảng</caption><thead><tr><th scope="col">A</th></tr></thead>'
        '<tbody><tr><td colspan="2">1</td></tr></tbody></table>',
        '<p class="text-center">Giữa</p>',
        '<a href="https://congdoan.vn/">Liên kết</a>',
        '<a href="mailto:ldld@example.gov.vn">Thư</a>',
        '<a href="/tin-tuc/bai-viet/">Bài khác</a>',
    ],
)
def test_news_markup_is_kept(html):
    assert clean_html(html).replace(' rel="noopener noreferrer"', "") == html


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<h1>Tiêu đề lớn</h1>", "Tiêu đề lớn"),
        ('<p style="text-align:center" class="do">Kiểu</p>', '<p class="text-center">Kiểu</p>'),
        ('<p style="color:red;font-family:Arial">Màu</p>', "<p>Màu</p>"),
        ('<a href="//evil.example/">X</a>', '<a rel="noopener noreferrer">X</a>'),
        ('<a href="\\\\evil.example/">X</a>', '<a rel="noopener noreferrer">X</a>'),
        ('<a href=" //evil.example/">X</a>', '<a rel="noopener noreferrer">X</a>'),
        ('<a href="ftp://evil.example/">X</a>', '<a rel="noopener noreferrer">X</a>'),
        ('<img src="https://evil.example/p.gif" alt="p">', ""),
        ('<img src="//evil.example/p.gif" alt="p">', ""),
        ("<svg><text>chữ</text></svg><math><mi>x</mi></math>sau", "sau"),
        ("<form><p>trong form</p></form>sau", "sau"),
    ],
)
def test_markup_outside_the_allowlist_goes(html, expected):
    assert clean_html(html) == expected


def test_links_get_noopener_noreferrer_even_if_they_bring_their_own_rel():
    cleaned = clean_html('<a href="https://example.org/" rel="opener" target="_blank">x</a>')
    assert cleaned == '<a href="https://example.org/" rel="noopener noreferrer">x</a>'


@pytest.mark.parametrize(("shape", "payload"), HOSTILE_BODIES, ids=[s for s, _ in HOSTILE_BODIES])
def test_hostile_body_is_cleaned_and_cleaning_is_stable(shape, payload):
    cleaned = clean_html("<p>an toàn</p>" + payload)
    assert cleaned.startswith("<p>an toàn</p>")
    lowered = cleaned.lower()
    for needle in (
        "<script",
        "javascript",
        "vbscript",
        "data:",
        "onerror",
        "onload",
        "style",
        'href="//',
        'src="',  # the one <img> with a src left is our own logo
    ):
        assert needle not in lowered or shape == "img onload on own media", (shape, cleaned)
    assert clean_html(cleaned) == cleaned


@pytest.mark.django_db
def test_save_cleans():
    article = ArticleFactory(body=HOSTILE)
    assert article.body == CLEANED
    assert stored_body(article.pk) == CLEANED


@pytest.mark.django_db
def test_queryset_update_and_bulk_create_clean():
    article = ArticleFactory()
    Article.objects.filter(pk=article.pk).update(body=HOSTILE)
    assert stored_body(article.pk) == CLEANED

    category = CategoryFactory()
    (created,) = Article.objects.bulk_create(
        [
            Article(
                title="Nhập từ hệ thống cũ",
                slug="nhap-tu-he-thong-cu",
                summary="Tóm tắt",
                body=HOSTILE,
                author_name="Lan Anh",
                category=category,
            )
        ]  # fmt: skip
    )
    assert stored_body(Article.objects.get(slug="nhap-tu-he-thong-cu").pk) == CLEANED


@pytest.mark.django_db
def test_fixtures_are_cleaned_although_loaddata_skips_save(tmp_path):
    category = CategoryFactory()
    fixture = tmp_path / "bai-viet.json"
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "news.article",
                    "pk": 9001,
                    "fields": {
                        "title": "Bài nhập từ tệp",
                        "slug": "bai-nhap-tu-tep",
                        "summary": "Tóm tắt",
                        "body": HOSTILE,
                        "author_name": "Hải Yến",
                        "category": category.pk,
                        "status": "published",
                        "published_at": "2024-05-01T08:00:00+07:00",
                        "created_at": "2024-05-01T08:00:00+07:00",
                        "updated_at": "2024-05-01T08:00:00+07:00",
                    },
                }
            ]
        ),
        encoding="utf-8",
    )
    call_command("loaddata", str(fixture), verbosity=0)
    assert stored_body(9001) == CLEANED


def test_editor_config_mirrors_the_allowlist():
    config = settings.CKEDITOR_CONFIGS["default"]
    rules = config["allowedContent"]
    allowed = {
        name for rule in rules.split(";") for name in rule.split("[")[0].split("(")[0].split()
    }
    assert allowed == ALLOWED_TAGS
    assert not allowed & REMOVED_WITH_CONTENT
    assert "{" not in rules  # no style="" allowed in the editor either
    buttons = {button for group in config["toolbar_news"] for button in group}
    assert not buttons & {"Source", "Flash", "Iframe", "Form", "Styles"}
    removed = set(config["removePlugins"].split(","))
    assert {"sourcearea", "sourcedialog", "flash", "iframe", "forms"} <= removed
    assert config["filebrowserBrowseUrl"] == ""
