"""Hostile bodies, titles and captions saved through the admin form, then read by the public."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.test import Client

from news.models import Article
from tests.builders import ADD_URL, HOSTILE_BODIES, article_form, image_bytes, upload
from tests.factories import CategoryFactory, StaffFactory

FORBIDDEN_TAGS = {
    "script", "iframe", "object", "embed", "form", "input", "button", "svg", "math", "style",
    "link", "meta", "base", "video", "source", "details", "template", "title", "xmp", "body",
}  # fmt: skip
BODY = re.compile(r'<div class="article__body">(.*?)</div>', re.S)
HOSTILE_TEXT = "</title><script>alert('tiêu đề')</script>\"><img src=x onerror=alert(1)>"


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(html):
    parser = Elements()
    parser.feed(html)
    return parser.elements


def marker(n):
    return f"Đoạn văn an toàn số {n}."


def post_article(client, category, n, payload, **fields):
    data = article_form(
        category,
        title=f"Bài thử nội dung độc hại số {n}",
        body=f"<p>{marker(n)}</p>{payload}",
        **fields,
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Article.objects.get(title=f"Bài thử nội dung độc hại số {n}")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("n", "shape", "payload"),
    [(n, shape, payload) for n, (shape, payload) in enumerate(HOSTILE_BODIES)],
    ids=[shape for shape, _ in HOSTILE_BODIES],
)
def test_hostile_body_saved_in_admin_renders_without_active_content(
    staff_client, n, shape, payload
):
    article = post_article(staff_client, CategoryFactory(), n, payload)
    page = Client().get(article.get_absolute_url())
    assert page.status_code == 200
    body = BODY.search(page.content.decode()).group(1)
    assert marker(n) in body
    for tag, attrs in elements(body):
        assert tag not in FORBIDDEN_TAGS, (shape, body)
        for name, value in attrs.items():
            assert not name.startswith("on") and name not in {"style", "target", "srcdoc"}, shape
            if name in {"href", "src"}:
                url = re.sub(r"[\x00-\x20]", "", value or "").replace("\\", "/").lower()
                assert url.startswith(("http://", "https://", "mailto:", "/", "#")), shape
                assert not url.startswith("//"), shape
                if tag == "a":
                    assert attrs.get("rel") == "noopener noreferrer"


def test_there_are_at_least_thirty_shapes():
    assert len(HOSTILE_BODIES) >= 30


@pytest.mark.django_db
def test_hostile_title_summary_caption_alt_and_byline_are_text(staff_client, tmp_path):
    category = CategoryFactory()
    data = article_form(
        category,
        title=f"Tiêu đề {HOSTILE_TEXT}",
        summary=f"Sa-pô {HOSTILE_TEXT}",
        cover=upload("bia.png", image_bytes(120, 80)),
        cover_caption=f"Chú thích bìa {HOSTILE_TEXT}",
        cover_alt='Mô tả bìa" onerror="alert(1)',
        author_name=f"Tác giả {HOSTILE_TEXT}",
        photos=[
            {
                "image": upload("anh.jpg", image_bytes(90, 60, "JPEG")),
                "caption": f"Chú thích ảnh {HOSTILE_TEXT}",
                "alt_text": 'Mô tả ảnh" onload="alert(2)',
                "credit": f"Nguồn {HOSTILE_TEXT}",
            }
        ],
    )
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    html = Client().get(article.get_absolute_url()).content.decode()

    assert "<script>alert(" not in html
    assert "<img src=x" not in html
    assert 'onerror="alert(1)"' not in html and 'onload="alert(2)"' not in html
    assert "&lt;/title&gt;&lt;script&gt;alert(" in html
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "&lt;script&gt;" in title and "<" not in title
    description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert "&lt;script&gt;" in description or "&lt;/title&gt;" in description
    for tag, attrs in elements(html):
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "script":
            # Only data (JSON-LD) or files from our static folder.
            assert attrs.get("type") == "application/ld+json" or attrs.get("src", "").startswith(
                settings.STATIC_URL
            )
    for data in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        json.loads(data)
        assert "</" not in data


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_no_dialog_and_no_script_in_chromium(browser, live_server):
    """Every hostile article in Chromium, CSP switched off so that the sanitiser stands alone."""
    client = Client()
    client.force_login(StaffFactory())
    category = CategoryFactory()
    articles = [
        post_article(client, category, n, payload)
        for n, (_shape, payload) in enumerate(HOSTILE_BODIES)
    ]
    data = article_form(
        category,
        title=f"Tiêu đề {HOSTILE_TEXT}",
        summary=f"Sa-pô {HOSTILE_TEXT}",
        author_name=f"Tác giả {HOSTILE_TEXT}",
        photos=[
            {
                "image": upload("anh.png", image_bytes(90, 60)),
                "caption": f"Chú thích ảnh {HOSTILE_TEXT}",
            }
        ],
    )
    assert client.post(ADD_URL, data).status_code == 302
    titled = Article.objects.get(title=f"Tiêu đề {HOSTILE_TEXT}")

    context = browser.new_context(bypass_csp=True, locale="vi-VN")
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    inspect = """() => {
        const body = document.querySelector('.article__body');
        const active = body.querySelectorAll(
            'script, iframe, object, embed, form, input, svg, math, style, link, meta, base, '
            + '[style]');
        const handlers = [...body.querySelectorAll('*')].flatMap(
            (el) => [...el.attributes].map((a) => a.name).filter((name) => name.startsWith('on')));
        const links = [...body.querySelectorAll('a[href]')].map((a) => a.href);
        return {pwned: window.__pwned, title: document.title, text: body.innerText,
                active: active.length, handlers, links,
                fixed: [...body.querySelectorAll('*')].some(
                    (el) => getComputedStyle(el).position === 'fixed')};
    }"""
    try:
        for n, article in enumerate(articles):
            page.goto(live_server.url + article.get_absolute_url(), wait_until="load")
            result = page.evaluate(inspect)
            shape = HOSTILE_BODIES[n][0]
            assert result["pwned"] is None, shape
            assert result["title"].startswith(article.title), shape
            assert marker(n) in result["text"], shape
            assert result["active"] == 0 and result["handlers"] == [], shape
            assert all(
                link.startswith(("http://", "https://", "mailto:")) for link in result["links"]
            )
            assert not any(
                "evil.example" in link for link in result["links"] if shape != "target top"
            )
            assert not result["fixed"], shape
        page.goto(live_server.url + titled.get_absolute_url(), wait_until="load")
        assert page.text_content("h1.article__title").strip() == titled.title
        assert page.title().startswith(titled.title)
        assert f"Chú thích ảnh {HOSTILE_TEXT}" in page.text_content("main figcaption")
        assert f"Tác giả {HOSTILE_TEXT}" in page.text_content("main")
        assert page.locator("main img[src='x']").count() == 0
        assert page.evaluate("window.__pwned") is None
    finally:
        context.close()
    assert dialogs == []
