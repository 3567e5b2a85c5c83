import pytest
from django.urls import reverse

from news.models import Article
from tests.builders import ADD_URL, article_form, image_bytes, upload
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    PhotoFactory,
    StaffFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = StaffFactory(username="bientapvien")
    client.force_login(user)
    return user


def photo(caption, alt_text):
    content = image_bytes(640, 400, "JPEG", color=(20, 80, 160))
    return {"image": upload("anh.jpg", content, "image/jpeg"), "caption": caption,
            "alt_text": alt_text, "credit": "Thanh Tâm"}  # fmt: skip


def test_article_with_two_photos_created_in_the_admin_appears_on_the_site(client, editor):
    category = CategoryFactory()
    data = article_form(
        category,
        title="Công đoàn Khu công nghiệp trao quà Tết cho công nhân",
        author_name="Thanh Tâm",
        author_unit=str(UnitFactory(short_name="CĐCKCN").pk),
        published_at_0="20/01/2021",
        published_at_1="14:00:00",
        cover=upload("bia.png", image_bytes(800, 500), "image/png"),
        cover_caption="Quang cảnh buổi trao quà",
        cover_alt="Công nhân xếp hàng nhận quà trước nhà văn hóa",
        photos=[
            photo("Đồng chí Nguyễn Văn Bình trao quà cho công nhân", "Hai người bắt tay"),
            photo("Công nhân phấn khởi nhận quà Tết", "Nhóm công nhân cầm túi quà"),
        ],
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    article = Article.objects.get()
    assert article.slug == "cong-doan-khu-cong-nghiep-trao-qua-tet-cho-cong-nhan"
    assert article.created_by == editor
    assert article.cover
    assert [p.caption for p in article.photos.all()] == [
        "Đồng chí Nguyễn Văn Bình trao quà cho công nhân",
        "Công nhân phấn khởi nhận quà Tết",
    ]

    client.logout()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Đồng chí Nguyễn Văn Bình trao quà cho công nhân" in html
    assert "Công nhân phấn khởi nhận quà Tết" in html
    assert "Quang cảnh buổi trao quà" in html
    assert "Thanh Tâm - CĐCKCN" in html
    assert "Thứ Tư, 20/01/2021 14:00" in html


def test_a_clashing_slug_from_the_admin_gets_a_suffix(client, editor):
    existing = ArticleFactory(title="Hội nghị kiểm điểm")
    data = article_form(existing.category, title="Hội nghị kiểm điểm", slug="hoi-nghi-kiem-diem")
    response = client.post(ADD_URL, data)
    assert response.status_code == 302
    assert Article.objects.filter(slug="hoi-nghi-kiem-diem-2").exists()


def test_photo_without_alt_text_is_refused_with_a_message(client, editor):
    category = CategoryFactory()
    data = article_form(category, photos=[photo("Chú thích", "")])
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert not Article.objects.exists()
    assert "Trường này là bắt buộc" in response.content.decode()


def test_changelist_columns_filters_and_search(client, editor):
    ArticleFactory(title="Hội thao công nhân lao động", with_cover=True)
    ArticleFactory(title="Tọa đàm về an toàn lao động", draft=True)
    url = reverse("admin:news_article_changelist")
    html = client.get(url).content.decode()
    columns = ("ảnh", "tiêu đề", "chuyên mục", "trạng thái", "đơn vị", "sửa cuối", "xuất bản")
    for column in columns:
        assert column.lower() in html.lower()
    assert '<img src="/media/thumbs/' in html
    drafts = client.get(url, {"trang_thai": "draft"}).content.decode()
    assert "Tọa đàm về an toàn lao động" in drafts and "Hội thao công nhân" not in drafts
    found = client.get(url, {"q": "hội thao"}).content.decode()
    assert "Hội thao công nhân lao động" in found and "Tọa đàm" not in found


def test_publish_action_goes_through_the_workflow_and_stamps_the_time(client, editor):
    draft = ArticleFactory(draft=True)
    url = reverse("admin:news_article_changelist")
    client.post(url, {"action": "publish_selected", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert draft.is_published()
    assert draft.transitions.get().actor == editor


def test_change_form_has_view_on_site_and_photo_preview(client, editor):
    article = ArticleFactory()
    PhotoFactory(article=article)
    html = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert reverse("admin:view_on_site", args=[_content_type_id(), article.pk]) in html
    assert "/media/thumbs/news/photos/" in html
    assert "ckeditor" in html


def _content_type_id():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Article).pk


def test_staff_without_permission_cannot_reach_the_article_admin(client):
    client.force_login(StaffFactory(role_name=None))
    assert client.get(reverse("admin:news_article_add")).status_code == 403
