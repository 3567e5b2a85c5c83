"""What the public pages remember per process to render fast (issue 10, "fast without the cache"):
cards and rendition sets are keyed by what goes into them, so a change shows at once; a picture
still waiting for its renditions is looked for again; the menu, footer and sidebar blocks change
with their data; reverse() follows the script prefix."""

import datetime as dt

import pytest
from django.urls import reverse, set_script_prefix
from django.utils import timezone

from news import renditions
from news.templatetags import news_tags
from portal import urlcache
from portal.sitesettings.models import SiteSettings
from tests.factories import ArticleFactory, CategoryFactory, LinkFactory

pytestmark = pytest.mark.django_db
LIST_URL = "/tin-tuc/"


def test_a_card_shows_a_new_title_summary_and_category_name_at_once(client, media):
    category = CategoryFactory(name="Nữ công")
    article = ArticleFactory(category=category, title="Hội thi nữ công khéo tay")
    assert "Hội thi nữ công khéo tay" in client.get(LIST_URL).text

    article.title = "Hội thi nữ công khéo tay lần thứ hai"
    article.summary = "Mười hai đội tham gia hội thi năm nay."
    article.save()
    category.name = "Công tác nữ công"
    category.save()
    page = client.get(LIST_URL).text
    assert "Hội thi nữ công khéo tay lần thứ hai" in page
    assert "Mười hai đội tham gia hội thi năm nay." in page
    assert "Công tác nữ công" in page


def test_a_picture_without_renditions_is_looked_for_again_on_the_next_request(client, media):
    article = ArticleFactory(with_cover=True)  # on_commit never runs here: no renditions yet
    original = article.cover.url
    assert original in client.get(LIST_URL).text
    assert original in client.get(article.get_absolute_url()).text

    renditions.make(article.cover.name)
    card = renditions.base_url(article.cover.name) + "card@1x.jpg"
    figure = renditions.base_url(article.cover.name) + "article@1x.jpg"
    assert card in client.get(LIST_URL).text
    assert figure in client.get(article.get_absolute_url()).text


def test_the_picture_markup_is_the_partial_it_replaces(media):
    article = ArticleFactory(with_cover=True)
    renditions.make(article.cover.name)
    base = renditions.base_url(article.cover.name)
    sources = "".join(
        f'<source type="{renditions.MIME[fmt]}" srcset="{base}thumb@1x.{fmt} 1x, '
        f'{base}thumb@2x.{fmt} 2x">'
        for fmt in renditions.MODERN
    )
    assert news_tags.picture(article.cover, "thumb", alt='Hai "người" & <hoa>') == (
        f"<picture>{sources}"
        f'<img src="{base}thumb@1x.jpg" srcset="{base}thumb@1x.jpg 1x, {base}thumb@2x.jpg 2x" '
        'width="160" height="100" alt="Hai &quot;người&quot; &amp; &lt;hoa&gt;" loading="lazy" '
        'decoding="async"></picture>\n'
    )
    assert 'loading="lazy"' not in news_tags.picture(article.cover, "thumb", eager=True)


def test_remembered_reverse_follows_the_script_prefix():
    article = ArticleFactory()
    assert urlcache.reverse("news:article-detail", slug=article.slug) == reverse(
        "news:article-detail", kwargs={"slug": article.slug}
    )
    set_script_prefix("/cong/")
    try:
        assert article.get_absolute_url() == f"/cong/tin-tuc/{article.slug}/"
    finally:
        set_script_prefix("/")
    assert article.get_absolute_url() == f"/tin-tuc/{article.slug}/"


def test_the_menu_marks_the_current_category_and_shows_a_renamed_one(client):
    first, second = CategoryFactory(name="Tuyên truyền"), CategoryFactory(name="Nữ công")
    page = client.get(first.get_absolute_url()).text
    assert f'<a href="{first.get_absolute_url()}" aria-current="page">Tuyên truyền' in page
    page = client.get(second.get_absolute_url()).text
    assert f'<a href="{second.get_absolute_url()}" aria-current="page">Nữ công' in page
    assert f'<a href="{first.get_absolute_url()}">Tuyên truyền' in page

    first.name = "Tuyên truyền, giáo dục"
    first.save()
    assert "Tuyên truyền, giáo dục</a>" in client.get(second.get_absolute_url()).text


def test_the_footer_shows_changed_settings_and_links_at_once(client):
    site = SiteSettings.get_solo()
    site.federation_name = "Liên đoàn Lao động tỉnh Bắc Sơn"
    site.save()
    assert "Liên đoàn Lao động tỉnh Bắc Sơn" in client.get("/").text

    site.hotline = "0912 345 678"
    site.save()
    LinkFactory(site=site, kind="sister", name="LĐLĐ tỉnh Nam Sơn", url="https://namson.example")
    page = client.get("/").text
    assert 'href="tel:0912345678">0912 345 678' in page
    assert "LĐLĐ tỉnh Nam Sơn" in page


def test_the_latest_block_leaves_out_the_article_shown_and_shows_a_new_one(client):
    shown = ArticleFactory(title="Bài đang đọc")
    other = ArticleFactory(title="Bài mới khác")
    page = client.get(shown.get_absolute_url()).text
    latest = page.split('id="tin-moi"')[1].split("</section>")[0]
    assert "Bài mới khác" in latest
    assert "Bài đang đọc" not in latest
    latest = client.get(other.get_absolute_url()).text.split('id="tin-moi"')[1]
    assert "Bài đang đọc" in latest.split("</section>")[0]

    ArticleFactory(title="Bài vừa đăng")
    latest = client.get(shown.get_absolute_url()).text.split('id="tin-moi"')[1]
    assert "Bài vừa đăng" in latest.split("</section>")[0]


CHROME = [
    "includes/site_header.html",
    "includes/menu.html",
    "includes/site_footer.html",
    "includes/site_head_links.html",
    "includes/sidebar/latest.html",
    "includes/sidebar/links.html",
    "mostread/includes/sidebar_most_read.html",
    "documents/includes/sidebar_recent.html",
    "questions/includes/sidebar_recent.html",
]


def rendered(response):
    return {template.name for template in response.templates}


def test_the_site_chrome_is_rendered_once_per_state_of_the_content(client):
    """Banner, menu, footer and sidebar blocks are kept beside the shared data they show
    (portal.fragments.render_for): another page in the same state renders none of them, and
    a save anywhere renders them again, with the change."""
    # Two articles older than the six of "Tin mới", whose block leaves out the article shown.
    first, second = (
        ArticleFactory(published_at=timezone.now() - dt.timedelta(days=9)) for _ in "12"
    )
    ArticleFactory.create_batch(6)
    client.get(first.get_absolute_url())
    assert not rendered(client.get(second.get_absolute_url())) & set(CHROME)
    # The banner and menu mark the page's section: rendered once for the list.
    header = {"includes/site_header.html", "includes/menu.html"}
    assert rendered(client.get(LIST_URL)) & set(CHROME) == header
    assert not rendered(client.get(LIST_URL)) & set(CHROME)

    site = SiteSettings.get_solo()
    site.hotline = "0987 654 321"
    site.save()
    response = client.get(second.get_absolute_url())
    assert set(CHROME) <= rendered(response)
    assert 'href="tel:0987654321">0987 654 321' in response.text


def test_a_static_address_is_worked_out_once(settings, tmp_path):
    """portal.staticfiles.ManifestStorage: the manifest's answer, remembered."""
    from portal.staticfiles import ManifestStorage

    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text("body{}")
    storage = ManifestStorage(location=tmp_path, base_url="/static/")
    storage.hashed_files = {"css/site.css": "css/site.abc123.css"}
    assert storage.url("css/site.css") == "/static/css/site.abc123.css"
    storage.hashed_files = {"css/site.css": "css/site.def456.css"}
    assert storage.url("css/site.css") == "/static/css/site.abc123.css"
    assert storage.url("css/site.css", force=True) == "/static/css/site.def456.css"


def served(client, path, script_name=""):
    """The page under a script prefix, as a WSGI server sets it (the test client does not)."""
    set_script_prefix(script_name + "/")
    try:
        return client.get(path, SCRIPT_NAME=script_name).text
    finally:
        set_script_prefix("/")


def test_each_request_links_under_its_own_script_prefix(client):
    """portal.environment reads the prefix once per request, never across requests."""
    path = ArticleFactory(title="Bài dưới tiền tố").get_absolute_url()
    mounted = served(client, "/tin-tuc/", "/cong")
    assert f'href="/cong{path}"' in mounted
    assert 'href="/cong/"' in mounted
    plain = served(client, "/tin-tuc/")
    assert f'href="{path}"' in plain
    assert "/cong/" not in plain
