"""Site settings (portal/sitesettings): one cached row edited in the admin, and the layout that
shows it: banner, legal footer, sidebar; the home page showing each article once."""

import datetime as dt
import io
import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from news import trash, workflow
from news.context_processors import latest_articles
from news.models import LATEST_CACHE_KEY
from news.templatetags.news_tags import vn_day
from portal.sitesettings import demo
from portal.sitesettings.models import CACHE_KEY, Link, SiteSettings, current
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    ContentAdminFactory,
    LinkFactory,
    StaffFactory,
)
from tests.test_admin_vietnamese import leaks, visible_text

pytestmark = pytest.mark.django_db

ADMIN_URL = "/admin/sitesettings/sitesettings/"
BAD_URL_MESSAGE = "Nhập một địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https://."


def page(client, url="/"):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def between(html, start, end):
    return html.split(start, 1)[1].split(end, 1)[0]


def footer(html):
    return between(html, '<footer class="site-footer">', "</footer>")


def aside(html):
    return between(html, '<aside class="layout__aside"', "</aside>")


def main_column(html):
    return between(html, '<div class="layout__main">', '<aside class="layout__aside"')


@pytest.fixture
def editor():
    client = Client()
    client.force_login(ContentAdminFactory(username="quantri"))
    return client


@pytest.fixture
def filled():
    demo.load(io.StringIO())
    return current()


# --- the row and its cache ----------------------------------------------------------------


def test_the_migration_made_one_row_with_neutral_names():
    assert SiteSettings.objects.count() == 1
    row = SiteSettings.objects.get()
    assert row.federation_name == "Liên đoàn Lao động tỉnh"
    assert row.portal_name == "Cổng thông tin Liên đoàn Lao động tỉnh"
    assert row.logo_url.endswith("img/logo.svg")


def test_settings_cost_no_query_when_warm(django_assert_num_queries):
    from portal.pagecache import generation, schedule

    LinkFactory()
    schedule.next_change(generation.current())  # shared by every page of the content's state
    with django_assert_num_queries(2):  # the row and its links
        assert len(current().link_list) == 1
    with django_assert_num_queries(0):
        assert current().higher_links[0].url.startswith("https://")


def test_a_page_reads_no_settings_when_warm(client, filled):
    page(client)
    with CaptureQueriesContext(connection) as ctx:
        html = page(client)
    assert filled.federation_name in html
    assert not [q for q in ctx.captured_queries if "sitesettings" in q["sql"]]


def test_a_change_shows_on_the_next_page(client):
    page(client)  # cached
    row = SiteSettings.get_solo()
    row.portal_name = "Cổng thông tin Công đoàn tỉnh Bắc Hải"
    row.save()
    html = page(client)
    assert "<title>Cổng thông tin Công đoàn tỉnh Bắc Hải</title>" in html
    LinkFactory(name="Tổng Liên đoàn Lao động Việt Nam", url="https://www.congdoan.vn")
    assert "https://www.congdoan.vn" in footer(page(client))
    Link.objects.get().delete()
    assert "https://www.congdoan.vn" not in page(client)


def test_a_change_saved_in_the_admin_shows_on_the_next_page(client, editor, filled):
    page(client)
    form = admin_form(editor)
    form["hotline"] = "0297 3555 111"
    form["links-0-name"] = "Tổng Liên đoàn Lao động Việt Nam (trang mới)"
    response = editor.post(ADMIN_URL, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    html = page(client)
    assert '<a href="tel:02973555111">0297 3555 111</a>' in html
    assert "Tổng Liên đoàn Lao động Việt Nam (trang mới)" in footer(html)
    follow = editor.get(response["Location"]).content.decode()
    assert "Đã lưu thông tin chung" in follow


def test_the_cache_is_cleared_again_when_the_transaction_commits(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        row = SiteSettings.get_solo()
        row.short_name = "LĐLĐ tỉnh Bắc Hải"
        row.save()
        current()  # a page rendered before the commit caches the row...
        assert cache.get(CACHE_KEY) is not None
    assert cache.get(CACHE_KEY) is None  # ...and the commit drops it


# --- the admin --------------------------------------------------------------------------------


def admin_form(client):
    """The admin form's fields as the browser would send them back."""
    response = client.get(ADMIN_URL)
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields if name != "logo"}
    formset = response.context["inline_admin_formsets"][0].formset
    data.update(
        {
            f"{formset.prefix}-TOTAL_FORMS": str(len(formset.forms)),
            f"{formset.prefix}-INITIAL_FORMS": str(formset.initial_form_count()),
        }
    )
    for i, link_form in enumerate(formset.forms):
        for name in ("id", "kind", "name", "url", "order"):
            value = link_form[name].value()
            data[f"{formset.prefix}-{i}-{name}"] = "" if value is None else value
        data[f"{formset.prefix}-{i}-site"] = "1" if link_form.instance.pk else ""
    return data


def test_the_list_is_the_one_rows_form(editor, filled):
    html = editor.get(ADMIN_URL).content.decode()
    assert 'name="federation_name"' in html
    assert 'value="Liên đoàn Lao động tỉnh Đông Hải"' in html
    assert 'name="links-TOTAL_FORMS"' in html  # the links inline
    assert "https://www.congdoan.vn" in html
    assert not leaks(visible_text(html)), leaks(visible_text(html))


def test_the_history_page_is_vietnamese(editor, filled):
    form = admin_form(editor)
    assert editor.post(ADMIN_URL, form).status_code == 302
    html = editor.get(ADMIN_URL + "history/").content.decode()
    assert "Lịch sử" in html or "lịch sử" in html
    assert not leaks(visible_text(html)), leaks(visible_text(html))


def test_no_add_and_no_delete(editor):
    assert editor.get(ADMIN_URL + "add/").status_code == 403
    assert editor.get(ADMIN_URL + "1/delete/").status_code == 403
    assert editor.post(ADMIN_URL + "1/delete/", {"post": "yes"}).status_code == 403
    assert SiteSettings.objects.count() == 1
    index = editor.get("/admin/").content.decode()
    assert ADMIN_URL in index and ADMIN_URL + "add/" not in index


def test_an_editor_without_the_role_cannot_open_it():
    client = Client()
    client.force_login(StaffFactory())  # Biên tập viên
    assert client.get(ADMIN_URL).status_code == 403


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://ldld.example.vn/", "data:text/html,x", "http://"]
)
def test_a_bad_link_is_refused_in_vietnamese_and_nothing_is_lost(editor, filled, url):
    form = admin_form(editor)
    total = int(form["links-TOTAL_FORMS"])
    new = total - 1  # the extra, empty form
    form.update(
        {
            f"links-{new}-kind": Link.Kind.SISTER,
            f"links-{new}-name": "Đơn vị lạ",
            f"links-{new}-url": url,
            f"links-{new}-order": "9",
            "address": "Số 5 đường Hùng Vương, tỉnh Đông Hải",
        }
    )
    response = editor.post(ADMIN_URL, form)
    assert response.status_code == 200
    html = response.content.decode()
    assert BAD_URL_MESSAGE in html
    assert "Số 5 đường Hùng Vương, tỉnh Đông Hải" in html and "Đơn vị lạ" in html
    assert not Link.objects.filter(name="Đơn vị lạ").exists()
    assert SiteSettings.get_solo().address != "Số 5 đường Hùng Vương, tỉnh Đông Hải"


def test_a_phone_number_with_letters_is_refused(editor):
    form = admin_form(editor)
    form["hotline"] = "gọi 0297 ngay"
    html = editor.post(ADMIN_URL, form).content.decode()
    assert "Số điện thoại chỉ gồm chữ số" in html


def png(size=(300, 300)):
    buffer = io.BytesIO()
    Image.new("RGBA", size, (176, 16, 31, 255)).save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = "logo.png"
    return buffer


def test_an_uploaded_logo_replaces_the_default(client, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    form = admin_form(editor)
    form["logo"] = png()
    assert editor.post(ADMIN_URL, form).status_code == 302
    row = SiteSettings.get_solo()
    assert re.fullmatch(r"site/[0-9a-f]{32}\.png", row.logo.name)  # cleaned, renamed
    html = page(client)
    assert f'src="{row.logo.url}" alt="" width="300" height="300"' in html


def test_a_file_that_is_not_a_picture_is_refused(editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    form = admin_form(editor)
    fake = io.BytesIO(b"<html><script>alert(1)</script></html>")
    fake.name = "logo.png"
    form["logo"] = fake
    response = editor.post(ADMIN_URL, form)
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert not SiteSettings.get_solo().logo


# --- banner and footer --------------------------------------------------------------------------


def test_vietnamese_day():
    assert vn_day(dt.date(2026, 11, 30)) == "Thứ Hai, 30/11/2026"
    assert vn_day(dt.date(2026, 12, 6)) == "Chủ Nhật, 06/12/2026"


def test_the_banner_shows_names_local_date_and_hotline(client, filled):
    # 18:30 UTC on Sunday is already Monday 01:30 in Asia/Ho_Chi_Minh.
    sunday_evening_utc = dt.datetime(2026, 11, 29, 18, 30, tzinfo=dt.UTC)
    with mock.patch("django.utils.timezone.now", return_value=sunday_evening_utc):
        html = page(client)
    header = between(html, '<header class="site-header">', "</header>")
    assert '<time class="topbar__date" datetime="2026-11-30">Thứ Hai, 30/11/2026</time>' in header
    assert 'Đường dây nóng: <a href="tel:02973861999">0297 3861 999</a>' in header
    assert '<span class="banner__name">Liên đoàn Lao động tỉnh Đông Hải</span>' in header
    assert (
        '<span class="banner__org">Cổng thông tin điện tử Liên đoàn Lao động tỉnh Đông Hải</span>'
        in header
    )


def test_no_hotline_no_hotline_line(client):
    assert "Đường dây nóng" not in page(client)


def test_the_legal_footer(client, filled):
    html = footer(page(client))
    for text in [
        "Liên đoàn Lao động tỉnh Đông Hải",
        "Giấy phép số 08/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Đông Hải cấp",
        "Chịu trách nhiệm nội dung: Trịnh Thu Hà, Phó Chủ tịch Liên đoàn Lao động tỉnh Đông Hải",
        "Địa chỉ: Số 27 đường Lê Thánh Tông",
        '<a href="tel:02973861245">0297 3861 245</a>',
        '<a href="mailto:vanphong@ldld-donghai.example.vn">',
        "Cơ quan cấp trên",
        '<a href="https://www.congdoan.vn" rel="noopener">Tổng Liên đoàn Lao động Việt Nam</a>',
        "Đơn vị bạn",
        "Liên đoàn Lao động tỉnh Bắc Hải",
        "Mạng xã hội",
        "https://www.facebook.com/ldld.donghai.example",
        "Ghi rõ nguồn “Cổng thông tin điện tử Liên đoàn Lao động tỉnh Đông Hải”",
    ]:
        assert text in html, text


def test_empty_settings_leave_no_empty_labels(client):
    html = footer(page(client))
    for label in ("Giấy phép", "Chịu trách nhiệm", "Địa chỉ:", "Điện thoại:", "Cơ quan cấp trên"):
        assert label not in html


def test_feed_json_ld_and_mail_take_the_names(client, filled):
    article = ArticleFactory()
    html = page(client, article.get_absolute_url())
    assert '"publisher": {"@type": "Organization", "name": "Liên đoàn Lao động tỉnh Đông Hải"' in (
        html
    )
    assert '"alternateName": "LĐLĐ tỉnh Đông Hải"' in html
    assert '<meta property="og:site_name" content="Cổng thông tin điện tử Liên đoàn' in html
    feed = client.get(reverse("news:feed")).content.decode()
    assert "<title>Cổng thông tin điện tử Liên đoàn Lao động tỉnh Đông Hải</title>" in feed
    assert "Tin mới nhất của Liên đoàn Lao động tỉnh Đông Hải." in feed


def test_error_pages_read_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert "Cổng thông tin Liên đoàn Lao động tỉnh" in html
    csrf_client = Client(enforce_csrf_checks=True)
    with django_assert_num_queries(0):
        response = csrf_client.post(reverse("admin:login"), {"username": "a", "password": "b"})
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in response.content.decode()


# --- the home page and the sidebar ------------------------------------------------------------


@pytest.fixture
def news():
    union = CategoryFactory(name="Hoạt động Công đoàn", slug="hoat-dong-cong-doan", order=1)
    law = CategoryFactory(name="Chính sách - Pháp luật", slug="chinh-sach-phap-luat", order=2)
    now = timezone.now()
    articles = []
    for n in range(6):
        category = union if n % 2 else law
        articles.append(
            ArticleFactory(
                title=f"Bản tin số {n} về đời sống công nhân",
                category=category,
                is_featured=n in (0, 1),
                published_at=now - dt.timedelta(hours=n + 1),
            )
        )
    return {"union": union, "law": law, "articles": articles}


def test_home_shows_each_article_once(client, news):
    html = main_column(page(client))
    for article in news["articles"]:
        assert html.count(article.title) == 1, article.title
    featured = between(html, 'id="tieu-diem"', "</section>")
    assert news["articles"][0].title in featured and news["articles"][1].title in featured
    # The featured ones are the newest of their categories; the blocks start after them.
    union_block = between(html, 'id="cm-hoat-dong-cong-doan"', "</section>")
    assert news["articles"][3].title in union_block
    assert news["articles"][1].title not in union_block


def test_no_template_comment_leaks_into_pages(client, news):
    for url in ("/", reverse("news:article-list"), news["articles"][2].get_absolute_url()):
        html = page(client, url)
        assert "{#" not in html and "{%" not in html, url


def test_home_sidebar_repeats_no_article(client, news, filled):
    sidebar = aside(page(client))
    assert "Tin mới" not in sidebar
    assert not any(article.title in sidebar for article in news["articles"])
    assert "Liên kết" in sidebar and "https://www.congdoan.vn" in sidebar


@pytest.mark.parametrize("url", ["/", "/tin-tuc/", "category", "detail"])
def test_the_sidebar_does_not_repeat_the_menu(client, news, url):
    if url == "category":
        url = news["union"].get_absolute_url()
    elif url == "detail":
        url = news["articles"][2].get_absolute_url()
    html = page(client, url)
    menu = between(html, 'class="site-nav', "</nav>")
    assert news["law"].get_absolute_url() in menu
    assert news["law"].get_absolute_url() not in aside(html)
    assert "Chuyên mục" not in aside(html)


def test_the_latest_block_on_news_pages(client, news):
    sidebar = aside(page(client, reverse("news:article-list")))
    assert "Tin mới" in sidebar
    shown = re.findall(r"Bản tin số (\d)", sidebar)
    assert shown == ["0", "1", "2", "3", "4", "5"]  # newest first


def test_an_articles_page_does_not_list_itself_as_latest(client, news):
    reading = news["articles"][2]
    sidebar = aside(page(client, reading.get_absolute_url()))
    assert reading.title not in sidebar
    assert news["articles"][3].title in sidebar


def test_latest_costs_nothing_when_warm(news, django_assert_num_queries):
    from portal.pagecache import generation, schedule

    schedule.next_change(generation.current())  # shared by every page of the content's state
    with django_assert_num_queries(2):
        latest_articles()
    with django_assert_num_queries(0):
        assert len(latest_articles()) == 6


def test_latest_follows_publication_and_the_trash(client, news):
    url = reverse("news:article-list")
    page(client, url)  # cached
    editor = StaffFactory()
    draft = ArticleFactory(title="Tin vừa duyệt đăng về Tháng Công nhân", draft=True)
    assert draft.title not in aside(page(client, url))
    workflow.transition(draft, "publish", by=editor)
    assert draft.title in aside(page(client, url))
    trash.move_to_trash(draft, editor)
    assert draft.title not in aside(page(client, url))
    gone = news["articles"][0]
    gone.delete()
    assert gone.title not in aside(page(client, url))


def test_latest_expires_when_a_scheduled_article_is_due(news, monkeypatch):
    ArticleFactory(published_at=timezone.now() + dt.timedelta(seconds=40))
    timeouts = []
    real_set = cache.set
    monkeypatch.setattr(
        cache,
        "set",
        lambda key, value, timeout: (
            timeouts.append((key, timeout)),
            real_set(key, value, timeout),
        ),
    )
    latest_articles()
    timeouts = [timeout for key, timeout in timeouts if key == LATEST_CACHE_KEY]
    assert timeouts and 1 <= timeouts[0] <= 41


# --- query counts, warm ----------------------------------------------------------------------


# The list's total, each category's newest (the home page's blocks, an article's neighbours and
# related articles) and whether documents link an article are kept per state of the content
# (portal.pagecache.memo): the home page reads its featured articles, the list its page, the
# article page the article and its photos.
@pytest.mark.parametrize("name, queries", [("home", 1), ("list", 1), ("detail", 2)])
def test_pages_cost_what_they_did(client, news, filled, django_assert_num_queries, name, queries):
    url = {
        "home": "/",
        "list": reverse("news:article-list"),
        "detail": news["articles"][2].get_absolute_url(),
    }[name]
    page(client, url)
    with django_assert_num_queries(queries):
        page(client, url)


# --- demo data --------------------------------------------------------------------------------


def test_demo_is_idempotent_and_keeps_edits():
    out = io.StringIO()
    demo.load(out)
    links = Link.objects.count()
    assert links == len(demo.LINKS)
    row = SiteSettings.get_solo()
    row.hotline = "0297 3000 000"
    row.save()
    demo.load(out)
    assert Link.objects.count() == links
    assert SiteSettings.get_solo().hotline == "0297 3000 000"
    assert "liên kết: 7 (mới 0)" in out.getvalue()
