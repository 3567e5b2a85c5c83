"""The news pages' right column: every section's block, each once, nothing from the menu."""

import pytest

from tests.pages import build_site

pytestmark = pytest.mark.django_db

BLOCKS = ["Đọc nhiều trong tuần", "Văn bản mới", "Hỏi đáp pháp luật", "Liên kết"]


def aside(response):
    html = response.content.decode()
    return html[html.index('<aside class="layout__aside"') : html.index("</aside>")]


@pytest.mark.parametrize("page", ["home", "detail", "list"])
def test_every_block_is_in_the_sidebar_once(client, page):
    site = build_site()
    url = {"home": "/", "detail": site["main"].get_absolute_url(), "list": "/tin-tuc/"}[page]
    column = aside(client.get(url))
    for title in BLOCKS:
        assert column.count(f">{title}</h2>") == 1, title
    assert ("Tin mới</h2>" in column) is (page != "home")  # the home page's columns are the news
    assert (
        "Kế hoạch tổ chức Tháng Công nhân năm 2026" not in column
    )  # a type and number, not a summary
    assert site["main"].title in column  # the most read
    assert "Chuyên mục</h2>" not in column  # the menu is not repeated
