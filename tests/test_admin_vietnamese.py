"""The admin speaks Vietnamese only, including what Django's and CKEditor's catalogues miss."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from news.models import Article
from tests.builders import ADD_URL, article_form, change_form
from tests.factories import ArticleFactory, CategoryFactory, ContentAdminFactory

pytestmark = pytest.mark.django_db

# English (and wrong Vietnamese) that editors have met in the admin; matched as whole words.
LEAKS = [
    "Please correct", "error below", "errors below", "Show counts", "Hide counts", "entry",
    "entries", "History", "Bản ghi nhớ", "Add", "Save", "Delete", "Change", "View", "Filter",
    "Search", "Home", "Log in", "Log out", "Password", "Username", "Today", "Now", "Yesterday",
    "Tomorrow", "Choose", "Select", "Clear", "Show all", "All", "Yes", "No", "Go", "Action",
    "Run", "Welcome", "Recent actions", "My actions", "Skip to main content", "Breadcrumbs",
    "Sidebar", "Toggle", "Error", "Added", "Changed", "Deleted", "Model name", "Forgotten",
    "Django", "Heading", "Display Text", "Force Download", "Site administration", "Thoát",
    "Đi đến", "Thêm vào", "True", "False", "None",
]  # fmt: skip
ATTRIBUTES_SHOWN = {"value", "placeholder", "title", "aria-label", "alt"}


class VisibleText(HTMLParser):
    """Text a reader sees or hears: text nodes, button values, placeholders, titles, labels."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "template"}:
            self.skipping += 1
        attrs = dict(attrs)
        for name in ATTRIBUTES_SHOWN:
            if not attrs.get(name):
                continue
            # Hidden inputs and filled-in fields carry data, not interface text.
            if name == "value" and attrs.get("type") not in {"submit", "button", "reset"}:
                continue
            self.parts.append(attrs[name])

    def handle_endtag(self, tag):
        if tag in {"script", "style", "template"}:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def leaks(text):
    return [word for word in LEAKS if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]


@pytest.fixture
def editor():
    client = Client()
    client.force_login(ContentAdminFactory(username="bientapvien"))
    return client


@pytest.fixture
def article(editor):
    """An article created then changed through the admin, so its history has entries."""
    category = CategoryFactory(name="Hoạt động Công đoàn")
    response = editor.post(ADD_URL, article_form(category, title="Tổng kết năm 2025"))
    assert response.status_code == 302
    article = Article.objects.get()
    change = change_form(article, title="Tổng kết năm 2025 của Công đoàn")
    response = editor.post(f"/admin/news/article/{article.pk}/change/", change)
    assert response.status_code == 302
    ArticleFactory.create_batch(3, category=category)
    return article


def test_the_leak_finder_sees_english_in_text_and_buttons():
    html = (
        '<p>Please correct the error below.</p><input type="submit" value="Save">'
        "<script>var Today = 1</script>"
    )
    assert leaks(visible_text(html)) == ["Please correct", "error below", "Save"]


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/news/",
        "/admin/news/article/",
        "/admin/news/article/?status__exact=published&_facets=True",
        "/admin/news/article/?q=t%E1%BB%95ng+k%E1%BA%BFt",
        "/admin/news/article/?q=khong+co+bai+nao",
        "/admin/news/article/add/",
        "/admin/news/article/{pk}/change/",
        "/admin/news/article/{pk}/history/",
        "/admin/news/article/{pk}/delete/",
        "/admin/news/category/",
        "/admin/news/category/add/",
        "/admin/password_change/",
    ],
)
def test_admin_pages_show_no_english(editor, article, url):
    response = editor.get(url.format(pk=article.pk))
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert leaks(text) == [], text


def test_history_names_itself_and_counts_in_vietnamese(editor, article):
    text = visible_text(editor.get(f"/admin/news/article/{article.pk}/history/").content.decode())
    assert "Lịch sử" in text
    assert "3 mục" in text  # added, published (the workflow step), changed


def test_filter_sidebar_offers_counts_in_vietnamese(editor, article):
    text = visible_text(editor.get("/admin/news/article/").content.decode())
    assert "Hiện số lượng" in text
    text = visible_text(editor.get("/admin/news/article/?_facets=True").content.decode())
    assert "Ẩn số lượng" in text


@pytest.mark.parametrize("errors", [1, 2])
def test_a_form_with_errors_says_so_in_vietnamese(editor, errors):
    category = CategoryFactory()
    data = article_form(category, title="")
    if errors == 2:
        data["summary"] = ""
    response = editor.post(ADD_URL, data)
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert "Vui lòng sửa các lỗi bên dưới." in text
    assert text.count("Trường này là bắt buộc.") == errors
    assert leaks(text) == [], text


def test_login_page_shows_no_english(client):
    for response in (
        client.get("/admin/login/?next=/admin/"),
        client.post("/admin/login/?next=/admin/", {"username": "ai", "password": "sai"}),
    ):
        assert response.status_code == 200
        text = visible_text(response.content.decode())
        assert leaks(text) == [], text


def test_password_change_with_errors_shows_no_english(editor):
    response = editor.post(
        "/admin/password_change/",
        {"old_password": "sai", "new_password1": "ngan", "new_password2": "khac"},
    )
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert leaks(text) == [], text


def test_admin_javascript_catalogue_has_the_calendar_and_clock_in_vietnamese(editor):
    response = editor.get("/admin/jsi18n/")
    script = response.content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S)[1])
    expected = {
        "Today": "Hôm nay", "Now": "Bây giờ", "Yesterday": "Hôm qua", "Tomorrow": "Ngày mai",
        "Choose a Time": "Chọn giờ", "Choose a Date": "Chọn ngày", "Midnight": "Nửa đêm",
        "Noon": "Giữa trưa", "Cancel": "Hủy bỏ", "Sunday": "Chủ nhật", "Monday": "Thứ Hai",
        "January": "Tháng Một", "Show": "Hiện", "Hide": "Ẩn",
    }  # fmt: skip
    assert {key: catalog.get(key) for key in expected} == expected
    assert catalog["abbrev. day Sunday\x04Sun"] == "CN"


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/auth/user/",
        "/admin/auth/user/add/",
        "/admin/auth/group/",
        "/admin/axes/accessattempt/",
        "/admin/axes/accessfailurelog/",
        "/admin/axes/accesslog/",
    ],
)
def test_superuser_pages_show_no_english(admin_client, url):
    response = admin_client.get(url)
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert leaks(text) == [], text


def newsroom_pages(article):
    """The newsroom's own pages: versions, trash, report, units, staff, password reset."""
    from django.urls import reverse

    from news.revisions import versions_of

    newer, older = list(versions_of(article))[:2]
    pk = article.pk
    return [
        reverse("admin:news_article_versions", args=[pk]),
        reverse("admin:news_article_version", args=[pk, older.pk]),
        reverse("admin:news_article_version_compare", args=[pk]) + f"?cu={older.pk}&moi={newer.pk}",
        reverse("admin:news_article_version_restore", args=[pk, older.pk]),
        reverse("admin:news_trashedarticle_changelist"),
        reverse("admin:newsroom_report") + "?thang=2026-11",
        reverse("admin:newsroom_report") + "?thang=abc",
        reverse("admin:newsroom_unit_changelist"),
        reverse("admin:newsroom_unit_add"),
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_add"),
    ]


def test_newsroom_pages_show_no_english(editor, article):
    from django.urls import reverse

    from news import trash
    from tests.factories import StaffFactory

    trashed = ArticleFactory(title="Bài đã xóa")
    trash.move_to_trash(trashed, by=StaffFactory())
    for url in newsroom_pages(article):
        response = editor.get(url)
        assert response.status_code == 200, url
        text = visible_text(response.content.decode())
        assert leaks(text) == [], (url, text)
    reset = Client().get(reverse("admin_password_reset"))
    assert reset.status_code == 200
    assert leaks(visible_text(reset.content.decode())) == []


def test_history_and_welcome_name_people_by_full_name_never_username(article):
    from tests.factories import StaffFactory

    person = StaffFactory(username="nvan", full_name="Nguyễn Văn An")
    client = Client()
    client.force_login(person)
    client.post(
        f"/admin/news/article/{article.pk}/change/",
        change_form(Article.objects.get(pk=article.pk), title="Tiêu đề An sửa"),
    )
    html = client.get(f"/admin/news/article/{article.pk}/history/").content.decode()
    assert "Nguyễn Văn An" in html and "Chào Nguyễn Văn An." in html
    assert "nvan" not in visible_text(html)


def test_a_browser_asking_for_english_gets_vietnamese_and_no_vary_on_language(client):
    """One language: no page varies on Accept-Language (nginx and a CDN keep one copy)."""
    english = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}
    page = client.get("/", **english)
    assert "Accept-Language" not in page.get("Vary", "")
    assert '<html lang="vi">' in page.text
    login = client.get("/admin/login/", **english)
    assert "Đăng nhập" in login.text
    assert "Log in" not in login.text
