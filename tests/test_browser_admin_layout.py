"""The admin in a real Chromium: the article list on a 1366×768 laptop, CKEditor in Vietnamese."""

import datetime as dt

import pytest
from django.contrib import admin
from django.utils import timezone

from news.models import Article
from tests.conftest import sign_in
from tests.factories import ArticleFactory, CategoryFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}
# Long titles as the federation writes them (90 to 160 characters).
TITLES = [
    "Liên đoàn Lao động tỉnh tổ chức Hội nghị tổng kết công tác công đoàn năm 2025, triển khai "
    "nhiệm vụ trọng tâm năm 2026",
    "Công đoàn Khu công nghiệp trao 500 suất quà Tết cho công nhân lao động có hoàn cảnh khó "
    "khăn nhân dịp Xuân Bính Ngọ",
    "Ban Thường vụ Liên đoàn Lao động tỉnh làm việc với Công đoàn cơ sở Công ty TNHH Giày da "
    "Mỹ Phước về thỏa ước lao động tập thể",
    "Hơn 1.200 đoàn viên, người lao động tham gia Giải chạy “Vì sức khỏe công nhân” lần thứ "
    "ba tại Quảng trường tỉnh",
    "Tập huấn nghiệp vụ công tác kiểm tra, giám sát cho cán bộ Ủy ban Kiểm tra công đoàn các "
    "cấp năm 2025",
    "Đối thoại giữa người sử dụng lao động và người lao động tại doanh nghiệp: nâng cao hiệu "
    "quả thực hiện quy chế dân chủ ở cơ sở",
    "Trao nhà “Mái ấm Công đoàn” cho đoàn viên nữ công nhân xí nghiệp may có hoàn cảnh đặc "
    "biệt khó khăn ở huyện biên giới",
    "Phát động Tháng Công nhân và Tháng hành động về an toàn, vệ sinh lao động năm 2026 với "
    "chủ đề “Tăng cường chuyển đổi số”",
    "Chủ tịch Liên đoàn Lao động tỉnh thăm, tặng quà công nhân làm việc xuyên Tết tại các "
    "nhà máy điện, bệnh viện và công trình giao thông",
    "Hội thi “Cán bộ công đoàn cơ sở giỏi” khu vực doanh nghiệp ngoài nhà nước năm 2025 thu "
    "hút 48 thí sinh dự thi",
]


@pytest.fixture
def editor_page(page, live_server):
    sign_in(page, live_server, StaffFactory(username="bientap"))
    page.set_viewport_size(LAPTOP)
    return page


@pytest.fixture
def twenty_articles():
    """Twenty articles in three categories; returns the first category."""
    categories = [
        CategoryFactory(name="Hoạt động Công đoàn", slug="hoat-dong"),
        CategoryFactory(name="Chính sách pháp luật", slug="chinh-sach"),
        CategoryFactory(name="Văn hóa - Thể thao", slug="van-hoa"),
    ]
    now = timezone.now()
    for n in range(20):
        ArticleFactory(
            title=TITLES[n % len(TITLES)] + ("" if n < len(TITLES) else " (tiếp theo)"),
            category=categories[n % 3],
            author_name="Nguyễn Thị Minh Thư",
            author_unit="CĐ Ngành Giáo dục và Đào tạo",
            published_at=now - dt.timedelta(hours=n),
            is_featured=n % 4 == 0,
            draft=n % 5 == 0,
            with_cover=n < 4,
        )
    return categories[0]


@admin.display(description="trạng thái xuất bản")
def state_label(article):
    return "Hẹn giờ 08:00 25/11"


@admin.display(description="đơn vị")
def unit_short_name(article):
    return "CĐ GD-ĐT"


@admin.display(description="người sửa cuối")
def last_changed_by(article):
    return "Nguyễn Thị Minh Thư"


@pytest.fixture(params=["today's columns", "the columns to come"])
def columns(request, monkeypatch):
    """The list as it is, and as issue 7 will make it (state label, unit, last editor)."""
    if request.param == "the columns to come":
        model_admin = admin.site._registry[Article]
        to_come = ["cover_thumbnail", "title", "category", state_label, unit_short_name,
                   last_changed_by, "published_at", "is_featured"]  # fmt: skip
        monkeypatch.setattr(model_admin, "list_display", to_come)


def measure(page):
    return page.evaluate(
        """() => {
        const table = document.querySelector('#result_list').getBoundingClientRect()
        const titles = [...document.querySelectorAll('#result_list tbody .field-title')]
        return {
            scrollWidth: document.documentElement.scrollWidth,
            viewport: window.innerWidth,
            tableRight: table.right,
            filterLeft: document.querySelector('#changelist-filter').getBoundingClientRect().left,
            // The height of the title's text (the cell is as tall as its row), in lines.
            titles: titles.map((cell) => {
                const text = document.createRange()
                text.selectNodeContents(cell)
                const lines = text.getBoundingClientRect().height
                    / parseFloat(getComputedStyle(cell).lineHeight)
                return {text: cell.innerText.slice(0, 40), lines: Math.round(lines * 10) / 10}
            }),
        }
    }"""
    )


@pytest.mark.parametrize(
    "query",
    ["", "?status__exact=published", "?q=cong+doan", "?category__id__exact={category}&_facets=1"],
)
def test_article_list_fits_a_laptop_screen(
    editor_page, live_server, twenty_articles, columns, query
):
    page = editor_page
    page.goto(f"{live_server.url}/admin/news/article/{query.format(category=twenty_articles.pk)}")
    size = measure(page)
    assert size["scrollWidth"] <= size["viewport"], size
    assert size["tableRight"] <= size["viewport"], size
    assert size["tableRight"] <= size["filterLeft"], "the filters cover the table"
    assert size["titles"], "no article listed"
    too_tall = [title for title in size["titles"] if title["lines"] > 3]
    assert too_tall == [], size["titles"]


def test_ckeditor_speaks_vietnamese(editor_page, live_server):
    page = editor_page
    page.goto(f"{live_server.url}/admin/news/article/add/")
    page.frame_locator("iframe.cke_wysiwyg_frame").locator("body").click()
    page.locator(".cke_combo__format .cke_combo_button").click()
    formats = page.frame_locator("iframe.cke_panel_frame").locator(".cke_panel_listItem")
    formats.first.wait_for()
    assert formats.all_inner_texts() == [
        "Đoạn văn", "Tiêu đề mục", "Tiêu đề mục nhỏ", "Tiêu đề phụ"
    ]  # fmt: skip
    page.keyboard.press("Escape")

    page.locator(".cke_button__link").click()
    dialog = page.locator(".cke_dialog:visible")
    dialog.wait_for()
    text = ""
    for tab in dialog.locator(".cke_dialog_tab:visible").all():  # every tab the dialog shows
        tab.click()
        text += dialog.inner_text()
    for english in ("Display Text", "Force Download", "URL"):
        assert english not in text
    assert "Chữ hiển thị" in text
    page.keyboard.press("Escape")

    page.locator(".cke_button__image").click()
    dialog = page.locator(".cke_dialog:visible")
    dialog.wait_for()
    assert "Mô tả ảnh cho người không xem được ảnh (bắt buộc)" in dialog.inner_text()
    assert "Chú thích ảnh" not in dialog.inner_text().replace("Ảnh có chú thích", "")
