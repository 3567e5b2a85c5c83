import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from news import renditions
from news.models import Article
from tests.factories import ArticleFactory, CategoryFactory, PhotoFactory, StaffFactory

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def site():
    """Two categories with published, featured, draft and scheduled articles."""
    union = CategoryFactory(name="Hoạt động Công đoàn", slug="hoat-dong-cong-doan", order=1)
    law = CategoryFactory(name="Chính sách - Pháp luật", slug="chinh-sach-phap-luat", order=2)
    now = timezone.now()
    return {
        "union": union,
        "law": law,
        "featured": ArticleFactory(
            title="Đại hội Công đoàn ngành Y tế nhiệm kỳ mới",
            category=union,
            is_featured=True,
            published_at=now - dt.timedelta(hours=3),
        ),
        "older": ArticleFactory(
            title="Tập huấn nghiệp vụ cho cán bộ công đoàn cơ sở",
            category=union,
            published_at=now - dt.timedelta(days=2),
        ),
        "law_news": ArticleFactory(
            title="Điểm mới của Luật Công đoàn sửa đổi",
            category=law,
            published_at=now - dt.timedelta(hours=1),
        ),
        "draft": ArticleFactory(
            title="Bản nháp chưa duyệt về thỏa ước", category=union, draft=True
        ),
        "future": ArticleFactory(
            title="Thông báo hẹn giờ về Tháng Công nhân", category=law, scheduled=True
        ),
    }


def main_column(html):
    """The page without its sidebar, whose "Tin mới" lists the newest articles of any category."""
    return html.split('<aside class="layout__aside"', 1)[0]


def titles_in(html, site):
    """Which of the fixture's articles the page's main column shows."""
    html = main_column(html)
    return {key for key, obj in site.items() if isinstance(obj, Article) and obj.title in html}


def test_home_shows_featured_and_latest_per_category(client, site):
    html = text(client.get(reverse("news:home")))
    assert titles_in(html, site) == {"featured", "older", "law_news"}
    assert "Tin nổi bật" in html
    # Each category block links to its page.
    assert site["union"].get_absolute_url() in html
    assert site["law"].get_absolute_url() in html


def test_article_list_newest_first_without_drafts_or_future(client, site):
    html = text(client.get(reverse("news:article-list")))
    assert titles_in(html, site) == {"featured", "older", "law_news"}
    positions = [html.index(site[key].title) for key in ("law_news", "featured", "older")]
    assert positions == sorted(positions)


def test_list_items_have_thumbnail_title_date_and_summary(client):
    article = ArticleFactory(with_cover=True, summary="Đoàn viên được tặng quà dịp cuối năm.")
    renditions.make(article.cover.name)
    html = text(client.get(reverse("news:article-list")))
    assert article.title in html
    assert "Đoàn viên được tặng quà dịp cuối năm." in html
    assert timezone.localtime(article.published_at).strftime("%d/%m/%Y") in html
    assert re.search(r'<img src="/media/renditions/news/covers/[^"]+/card@1x\.jpg"', html)


def test_category_page_lists_only_its_articles(client, site):
    html = text(client.get(site["union"].get_absolute_url()))
    assert titles_in(html, site) == {"featured", "older"}
    assert "<h1" in html and "Hoạt động Công đoàn" in html


def test_list_is_paginated(client):
    category = CategoryFactory()
    ArticleFactory.create_batch(13, category=category)
    first = text(client.get(reverse("news:article-list")))
    second = text(client.get(reverse("news:article-list"), {"page": 2}))
    assert first.count('class="card__title"') == 12
    assert second.count('class="card__title"') == 1
    assert 'href="?page=2"' in first


def test_detail_shows_everything_an_article_has(client):
    category = CategoryFactory(name="Nữ công", slug="nu-cong")
    article = ArticleFactory(
        with_cover=True,
        category=category,
        title="Hội thi nữ công nhân khéo tay",
        summary="Sáng 28/12, Công đoàn Khu công nghiệp tổ chức hội thi cho nữ công nhân.",
        body="<p>Hội thi thu hút 40 đội tham gia.</p>",
        author_name="Thúy Quyên",
        author_unit="CĐCKCN",
        cover_caption="Các đội thi trang trí mâm ngũ quả",
        published_at=dt.datetime(2020, 12, 28, 8, 30, tzinfo=dt.UTC),  # 15:30 in Vietnam
    )
    PhotoFactory(article=article, order=2, caption="Đồng chí Phạm Thị Lan trao giải nhất")
    PhotoFactory(article=article, order=1, caption="Đồng chí Võ Văn Tài phát biểu khai mạc")
    html = text(client.get(article.get_absolute_url()))
    assert "<h1" in html and "Hội thi nữ công nhân khéo tay" in html
    assert "Thứ Hai, 28/12/2020 15:30" in html
    assert "Công đoàn Khu công nghiệp tổ chức hội thi" in html
    assert "<p>Hội thi thu hút 40 đội tham gia.</p>" in html
    assert "Các đội thi trang trí mâm ngũ quả" in html
    assert "Thúy Quyên - CĐCKCN" in html
    assert f'href="{category.get_absolute_url()}"' in html
    captions = re.findall(r"<figcaption>(.*?)(?: <span|</figcaption>)", html, re.S)
    assert captions == [
        "Các đội thi trang trí mâm ngũ quả",
        "Đồng chí Võ Văn Tài phát biểu khai mạc",
        "Đồng chí Phạm Thị Lan trao giải nhất",
    ]
    assert html.count("<figure") == 3


def test_detail_related_articles_are_published_and_from_the_same_category(client, site):
    html = text(client.get(site["featured"].get_absolute_url()))
    related = main_column(html).split("Tin cùng chuyên mục", 1)[1]
    assert site["older"].title in related
    assert site["law_news"].title not in related
    assert site["draft"].title not in related


@pytest.mark.parametrize("key", ["draft", "future"])
def test_unpublished_articles_are_a_404_for_the_public(client, site, key):
    url = site[key].get_absolute_url()
    missing_url = reverse("news:article-detail", kwargs={"slug": "khong-co-bai-nay"})
    response, missing = client.get(url), client.get(missing_url)
    assert response.status_code == missing.status_code == 404
    # The same page, but for the address it echoes (canonical link).
    assert response.content.decode().replace(url, "") == missing.content.decode().replace(
        missing_url, ""
    )


@pytest.mark.parametrize("key", ["draft", "future"])
def test_staff_without_permission_get_the_same_404(client, site, key):
    client.force_login(StaffFactory(role_name=None))
    assert client.get(site[key].get_absolute_url()).status_code == 404


@pytest.mark.parametrize("key", ["draft", "future"])
def test_editors_preview_unpublished_articles_uncached(client, site, key):
    client.force_login(StaffFactory())
    response = client.get(site[key].get_absolute_url())
    html = text(response)
    assert site[key].title in html
    assert "Bản xem trước" in html
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_published_articles_carry_no_preview_banner_or_no_cache(client, site):
    response = client.get(site["featured"].get_absolute_url())
    assert "Bản xem trước" not in text(response)
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999999", "9" * 5000, "1.5", ""])
@pytest.mark.parametrize("url_name", ["news:article-list", "category"])
def test_bad_page_numbers_are_a_404_never_a_500(client, site, page, url_name):
    url = site["union"].get_absolute_url() if url_name == "category" else reverse(url_name)
    response = client.get(url, {"page": page})
    assert response.status_code == (200 if page == "" else 404)


def test_unknown_slugs_are_a_vietnamese_404(client):
    for url in ("/tin-tuc/khong-ton-tai/", "/chuyen-muc/khong-ton-tai/", "/khong-co-trang/"):
        response = client.get(url)
        assert response.status_code == 404
        assert "Không tìm thấy trang" in response.content.decode()


def test_500_page_is_vietnamese(client, settings):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert '<html lang="vi">' in html and "Hệ thống đang gặp sự cố" in html


def test_unpublishing_hides_an_article_at_once(client, site):
    url = site["older"].get_absolute_url()
    assert client.get(url).status_code == 200
    Article.objects.filter(pk=site["older"].pk).update(status=Article.Status.DRAFT)
    assert client.get(url).status_code == 404
