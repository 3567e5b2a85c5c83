"""Versions of an article: made by every save that changes something, listed, compared, restored."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.storage import default_storage
from django.utils import timezone
from reversion.models import Version

from news import workflow
from news.models import Article, Photo
from news.revisions import versions_of
from tests.builders import article_form, change_form, image_bytes, upload
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    CorrespondentFactory,
    PhotoFactory,
    StaffFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = StaffFactory(full_name="Phạm Thị Biên Tập")
    client.force_login(user)
    return user


def change_url(article):
    return f"/admin/news/article/{article.pk}/change/"


def pages(article, rest=""):
    """The article's version pages: the list, or ``rest`` below it."""
    return f"/admin/news/article/{article.pk}/phien-ban/{rest}"


def form_of(article, **fields):
    """POST data for a plain save of ``article`` as stored, photos included."""
    article.refresh_from_db()
    return change_form(article, **fields)


def save(client, article, **fields):
    response = client.post(change_url(article), form_of(article, **fields))
    assert response.status_code == 302, (
        response.context["adminform"].form.errors
        if hasattr(response, "context") and response.context
        else response
    )
    article.refresh_from_db()
    return response


def compare_page(client, article, old, new):
    url = pages(article, "so-sanh/")
    return client.get(url, {"cu": old.pk, "moi": new.pk})


def test_a_changed_save_makes_one_version_with_who_and_note(client, editor):
    article = ArticleFactory(title="Tiêu đề cũ")
    save(client, article, title="Tiêu đề mới", version_note="Sửa tên hội nghị")
    versions = list(versions_of(article))
    # The stored state before the first change is kept as a baseline, then the change itself.
    assert len(versions) == 2
    newest = versions[0]
    assert newest.field_dict["title"] == "Tiêu đề mới"
    assert newest.revision.user == editor
    assert newest.revision.comment == "Sửa tên hội nghị"
    assert versions[1].field_dict["title"] == "Tiêu đề cũ"

    save(client, article, summary="Sa-pô mới.")
    assert versions_of(article).count() == 3
    assert versions_of(article).first().revision.comment == ""

    page = client.get(pages(article)).content.decode()
    html = re.search(r'<table class="versions">.*?</table>', page, re.S).group(0)
    assert "Phạm Thị Biên Tập" in html
    assert editor.username not in html
    assert "Sửa tên hội nghị" in html
    assert "sa-pô" in html and "tiêu đề" in html
    assert f"{timezone.localtime(newest.revision.date_created):%d/%m/%Y %H:%M}" in html


def test_an_unchanged_save_makes_no_version_and_no_log_entry(client, editor):
    article = ArticleFactory(body="<p>Đoạn một.</p><p>Đoạn <strong>hai</strong>.</p>")
    save(client, article, title="Tiêu đề đã sửa")
    versions, logs = versions_of(article).count(), LogEntry.objects.count()
    edit_version = article.edit_version

    save(client, article)  # the same form again
    save(client, article, version_note="chỉ ghi chú, không sửa gì")
    # The editor re-serialises the same body with other line breaks and indentation.
    save(client, article, body="<p>Đoạn một.</p>\n\n<p>\n  Đoạn <strong>hai</strong>.\n</p>\n")

    assert versions_of(article).count() == versions
    assert LogEntry.objects.count() == logs
    assert article.edit_version == edit_version


def test_photo_caption_add_and_remove_each_make_a_version_listed_by_compare(client, editor):
    article = ArticleFactory()
    first = PhotoFactory(article=article, caption="Chú thích cũ", order=0)
    second = PhotoFactory(article=article, caption="Ảnh sẽ bị bỏ", order=1)
    save(client, article, **{"photos-0-caption": "Chú thích mới"})
    after_caption = versions_of(article).first()
    baseline = versions_of(article).last()
    assert versions_of(article).count() == 2
    page = compare_page(client, article, baseline, after_caption).content.decode()
    assert "Sửa ảnh (chú thích)" in page
    assert "<del>Chú thích cũ</del>" in page and "<ins>Chú thích mới</ins>" in page

    data = form_of(article)
    data.update(
        {
            "photos-TOTAL_FORMS": "3",
            "photos-2-image": upload("moi.png", image_bytes(), "image/png"),
            "photos-2-caption": "Ảnh thêm vào",
            "photos-2-alt_text": "Đoàn viên nhận quà",
            "photos-2-order": "2",
            "photos-1-DELETE": "on",
        }
    )
    assert client.post(change_url(article), data).status_code == 302
    assert versions_of(article).count() == 3
    newest = versions_of(article).first()
    assert set(article.photos.values_list("caption", flat=True)) == {
        "Chú thích mới",
        "Ảnh thêm vào",
    }
    page = compare_page(client, article, after_caption, newest).content.decode()
    assert "Thêm ảnh:" in page and "Ảnh thêm vào" in page
    assert "Bỏ ảnh:" in page and "Ảnh sẽ bị bỏ" in page
    assert page.count("photo-change--") == 2
    history = client.get(pages(article)).content.decode()
    assert "ảnh trong bài: thêm 1, ảnh trong bài: bỏ 1" in history
    assert first.pk and second.pk


def test_compare_shows_a_word_level_diff_of_the_body_text(client, editor):
    article = ArticleFactory(body="<p>Hội nghị thông qua quy chế dân chủ.</p>")
    save(client, article, body="<p>Hội nghị <strong>nhất trí</strong> thông qua quy chế mới.</p>")
    new, old = versions_of(article)
    page = compare_page(client, article, new, old).content.decode()  # order does not matter
    body = re.search(r'<div class="version-body version-diff body-diff">(.*?)</div>', page, re.S)
    assert body, page
    assert body.group(1) == (
        "Hội nghị <ins>nhất trí</ins> thông qua quy chế <del>dân chủ.</del> <ins>mới.</ins>"
    )


def test_the_body_diff_escapes_the_text(client, editor):
    article = ArticleFactory(body="<p>Giá &lt;b&gt; cũ</p>")
    save(client, article, body="<p>Giá &lt;script&gt;alert(1)&lt;/script&gt; mới</p>")
    new, old = versions_of(article)
    page = compare_page(client, article, old, new).content.decode()
    assert "<script>alert(1)" not in page
    assert "<del>&lt;b&gt; cũ</del> <ins>&lt;script&gt;alert(1)&lt;/script&gt; mới</ins>" in page


def test_one_version_shows_its_content(client, editor):
    article = ArticleFactory(title="Bản đầu", body="<p>Nội dung bản đầu.</p>")
    PhotoFactory(article=article, caption="Ảnh bản đầu")
    save(client, article, title="Bản sau", body="<p>Nội dung bản sau.</p>")
    first = versions_of(article).last()
    page = client.get(pages(article, f"{first.pk}/")).content.decode()
    assert "Bản đầu" in page and "Nội dung bản đầu." in page and "Ảnh bản đầu" in page
    assert "Nội dung bản sau." not in page


@pytest.mark.parametrize("step, comment", [("publish", ""), ("withdraw", "Sai số liệu")])
def test_restore_brings_back_content_and_photos_but_keeps_the_state(client, editor, step, comment):
    article = ArticleFactory(draft=True, title="Bản nháp", body="<p>Chữ bản nháp.</p>")
    kept = PhotoFactory(article=article, caption="Ảnh giữ lại", order=0)
    dropped = PhotoFactory(article=article, caption="Ảnh bị bỏ rồi khôi phục", order=1)
    save(client, article, version_note="bản nháp")  # nothing changed: no version yet
    assert versions_of(article).count() == 0
    save(client, article, summary="Sa-pô nháp đã sửa.", version_note="bản nháp")
    draft_version = versions_of(article).first()
    assert draft_version.field_dict["status"] == Article.Status.DRAFT

    workflow.transition(article, "publish", by=editor)
    if step == "withdraw":
        workflow.transition(article, "withdraw", by=editor, comment=comment)
    data = form_of(article, title="Bản đã đăng", body="<p>Chữ bản đăng.</p>")
    data.update({"photos-0-caption": "Chú thích đã sửa", "photos-1-DELETE": "on"})
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    state = (article.status, article.published_at)
    assert not Photo.objects.filter(pk=dropped.pk).exists()
    count = versions_of(article).count()

    url = pages(article, f"{draft_version.pk}/khoi-phuc/")
    confirm = client.get(url)
    assert "Khôi phục phiên bản này" in confirm.content.decode()
    assert versions_of(article).count() == count  # a GET changes nothing
    response = client.post(url)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Bản nháp"
    assert article.summary == "Sa-pô nháp đã sửa."
    assert "Chữ bản nháp." in article.body
    assert (article.status, article.published_at) == state
    assert article.status != Article.Status.DRAFT
    captions = dict(article.photos.values_list("pk", "caption"))
    assert captions == {kept.pk: "Ảnh giữ lại", dropped.pk: "Ảnh bị bỏ rồi khôi phục"}

    assert versions_of(article).count() == count + 1
    newest = versions_of(article).first()
    when = timezone.localtime(draft_version.revision.date_created)
    note = f"Khôi phục phiên bản lúc {when:%H:%M %d/%m/%Y} của Phạm Thị Biên Tập"
    assert newest.revision.comment == note
    assert newest.revision.user == editor
    assert newest.field_dict["status"] == state[0]
    assert LogEntry.objects.filter(object_id=str(article.pk), change_message=note).exists()


def test_restore_says_which_photo_could_not_be_brought_back(client, editor):
    article = ArticleFactory(title="Trước")
    gone = PhotoFactory(article=article, caption="Ảnh mất tệp")
    save(client, article, version_note="có ảnh", title="Có ảnh")
    with_photo = versions_of(article).first()
    data = form_of(article, title="Sau")
    data["photos-0-DELETE"] = "on"
    assert client.post(change_url(article), data).status_code == 302
    default_storage.delete(gone.image.name)

    response = client.post(pages(article, f"{with_photo.pk}/khoi-phuc/"), follow=True)
    article.refresh_from_db()
    assert article.title == "Có ảnh"
    assert not article.photos.exists()
    assert "ảnh «Ảnh mất tệp» không còn tệp nên không khôi phục được" in response.content.decode()


def test_restore_leaves_the_library_link_empty_when_the_library_picture_is_gone(client, editor):
    from django.core.files.base import ContentFile

    from portal.photos.models import Picture

    shared = Picture.objects.create(
        image=ContentFile(image_bytes(64, 48), name="thu-vien.png"), alt_text="Ảnh thư viện"
    )
    article = ArticleFactory(title="Trước")
    PhotoFactory(article=article, image=shared.image.name, picture=shared, caption="Từ thư viện")
    save(client, article, title="Có ảnh thư viện")
    with_picture = versions_of(article).first()
    assert article.photos.get().picture == shared  # the form kept the link
    save(client, article, title="Sau")
    Picture.objects.filter(pk=shared.pk).delete()  # its file stays: the article names it

    response = client.post(pages(article, f"{with_picture.pk}/khoi-phuc/"), follow=True)
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.title == "Có ảnh thư viện"
    [photo] = article.photos.all()
    assert (photo.caption, photo.picture_id) == ("Từ thư viện", None)
    from django.db import connection

    connection.check_constraints()  # deferred foreign keys, which a rolled-back test never meets


def test_a_correspondent_of_another_unit_cannot_see_or_restore(client, editor):
    article = ArticleFactory(
        draft=True, title="Bài của đơn vị A", author_unit=UnitFactory(short_name="CĐ A")
    )
    save(client, article, title="Bài của đơn vị A, đã sửa")
    old = versions_of(article).last()
    client.force_login(CorrespondentFactory(unit=UnitFactory(short_name="CĐ B")))
    for url in [
        pages(article),
        pages(article, f"{old.pk}/"),
        pages(article, f"so-sanh/?cu={old.pk}&moi={old.pk}"),
        pages(article, f"{old.pk}/khoi-phuc/"),
    ]:
        assert client.get(url).status_code in {403, 404}, url
    assert client.post(pages(article, f"{old.pk}/khoi-phuc/")).status_code in {403, 404}
    article.refresh_from_db()
    assert article.title == "Bài của đơn vị A, đã sửa"
    assert versions_of(article).count() == 2


def test_a_correspondent_sees_their_units_versions_but_cannot_restore_a_pending_article(client):
    unit = UnitFactory(short_name="CĐ Ngành Y tế")
    writer = CorrespondentFactory(unit=unit, full_name="Lê Văn Viết")
    client.force_login(writer)
    article = ArticleFactory(draft=True, author_unit=unit, title="Bản đầu")
    save(client, article, title="Bản hai")
    workflow.transition(article, "submit", by=writer)
    first = versions_of(article).last()
    listing = client.get(pages(article))
    assert listing.status_code == 200
    assert "Lê Văn Viết" in listing.content.decode()
    assert "Khôi phục</a>" not in listing.content.decode()
    assert client.post(pages(article, f"{first.pk}/khoi-phuc/")).status_code == 403
    article.refresh_from_db()
    assert article.title == "Bản hai"


def test_a_version_of_another_article_is_not_found(client, editor):
    article, other = ArticleFactory(), ArticleFactory()
    save(client, other, title="Bài khác đã sửa")
    foreign = versions_of(other).first()
    assert client.get(pages(article, f"{foreign.pk}/")).status_code == 404
    assert client.post(pages(article, f"{foreign.pk}/khoi-phuc/")).status_code == 404
    assert Version.objects.get_for_object(article).count() == 0


def test_the_change_form_links_to_the_versions(client, editor):
    article = ArticleFactory()
    page = client.get(change_url(article)).content.decode()
    assert f'href="/admin/news/article/{article.pk}/phien-ban/"' in page
    assert "Ghi chú phiên bản" in page


def test_a_new_article_from_the_admin_has_its_first_version(client, editor):
    response = client.post(
        "/admin/news/article/add/",
        article_form(CategoryFactory(), version_note="Bài mới", _transition=""),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    version = versions_of(article).get()
    assert version.revision.comment == "Bài mới"
    assert version.revision.user == editor
