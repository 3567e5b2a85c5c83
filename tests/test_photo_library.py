"""The photo library (portal.photos): search, many uploads, pictures kept over a form error,
pictures picked for articles and stored once, existing files brought into the library."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from news import media_files
from news.images import MESSAGES
from news.models import Article, Photo
from portal.photos.models import Picture
from tests.builders import ADD_URL, article_form, change_form, image_bytes, upload
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    CorrespondentFactory,
    PhotoFactory,
    StaffFactory,
)

LIST_URL = "/admin/photos/picture/"
UPLOAD_URL = "/admin/photos/picture/tai-len/"


@pytest.fixture
def editor(client):
    user = StaffFactory(username="bientapvien")
    client.force_login(user)
    return user


def picture(caption="", alt_text="Ảnh thử", **fields):
    return Picture.objects.create(
        image=ContentFile(image_bytes(64, 48), name="anh.png"),
        caption=caption,
        alt_text=alt_text,
        **fields,
    )


def png(name="anh.png", color=(180, 16, 31)):
    return upload(name, image_bytes(64, 48, color=color), "image/png")


@pytest.mark.django_db
def test_search_finds_pictures_without_diacritics_whole_words_only(client, editor, media):
    picture("Hội nghị người lao động Công ty May Việt Tiến", "Hội trường đông người")
    picture("Trao quà Tết cho đoàn viên", "Hai người bắt tay", credit="Thanh Tâm")
    picture("Nghiệp vụ công đoàn", "Lớp tập huấn")

    def found(query):
        response = client.get(LIST_URL, {"q": query})
        assert response.status_code == 200
        return sorted(p.caption for p in response.context["cl"].result_list)

    assert found("hoi nghi nguoi lao dong") == ["Hội nghị người lao động Công ty May Việt Tiến"]
    assert found("HỘI NGHỊ") == ["Hội nghị người lao động Công ty May Việt Tiến"]
    assert found("thanh tam") == ["Trao quà Tết cho đoàn viên"]  # the credit too
    assert found("nghi") == ["Hội nghị người lao động Công ty May Việt Tiến"]  # not nghiệp
    assert found("khong co") == []


@pytest.mark.django_db
def test_many_uploads_at_once_each_checked_with_its_own_answer(client, editor, media):
    response = client.post(
        UPLOAD_URL,
        {"images": [png("hoi-nghi.png"), upload("thu.pdf", b"%PDF-1.4 not a picture")]},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    ok, refused = response.json()["results"]
    assert ok["ok"] and ok["name"] == "hoi-nghi.png"
    assert refused == {
        "name": "thu.pdf",
        "ok": False,
        "error": MESSAGES["format"],
    }
    stored = Picture.objects.get()
    assert stored.pk == ok["id"] and stored.uploaded_by == editor
    assert stored.image.name.startswith("library/") and (media / stored.image.name).is_file()
    # Without scripts the same form answers with a page listing each file.
    page = client.post(UPLOAD_URL, {"images": [upload("x.txt", b"hello")]})
    assert "x.txt: Chỉ nhận ảnh JPEG" in page.content.decode()
    assert Picture.objects.count() == 1


@pytest.mark.django_db
def test_only_the_uploader_or_an_editor_may_change_a_picture(client, media):
    writer, other = CorrespondentFactory(), CorrespondentFactory(username="ctv2")
    own = picture("Của tôi", uploaded_by=writer)
    theirs = picture("Của người khác", uploaded_by=other)
    client.force_login(writer)
    assert client.get(LIST_URL).status_code == 200
    assert client.get(UPLOAD_URL).status_code == 200
    change = reverse("admin:photos_picture_change", args=[theirs.pk])
    data = {"caption": "Sửa trộm", "alt_text": "x", "credit": "", "focal_x": "0.5"}
    client.post(change, {**data, "focal_y": "0.5"})
    theirs.refresh_from_db()
    assert theirs.caption == "Của người khác"
    response = client.post(
        reverse("admin:photos_picture_change", args=[own.pk]),
        {**data, "caption": "Đã sửa", "focal_y": "0.25"},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.caption, own.focal_y) == ("Đã sửa", 0.25)
    delete = reverse("admin:photos_picture_delete", args=[theirs.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    client.force_login(StaffFactory())
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Picture.objects.filter(pk=theirs.pk).exists()


def refilled(response, **fields):
    """The data the returned form would post again: no files, its hidden references."""
    data = response.context["adminform"].form.data.copy()
    data = {key: data.getlist(key) for key in data}
    data = {key: values if len(values) > 1 else values[0] for key, values in data.items()}
    return {key: value for key, value in data.items() if not key.endswith("image")} | fields


@pytest.mark.django_db
def test_cover_and_two_photos_survive_a_form_error(client, editor, media):
    category = CategoryFactory()
    data = article_form(
        category,
        summary="",  # forgotten: the form comes back
        cover=png("bia.png"),
        cover_caption="Quang cảnh hội nghị",
        cover_alt="Hội trường đông người",
        photos=[
            {"image": png("mot.png", (20, 80, 160)), "caption": "Ảnh một", "alt_text": "Một"},
            {"image": png("hai.png", (20, 160, 80)), "caption": "Ảnh hai", "alt_text": "Hai"},
        ],
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert not Article.objects.exists()
    assert response.context["adminform"].form.errors.keys() == {"summary"}
    kept = {p.caption: p for p in Picture.objects.all()}
    assert sorted(kept) == ["Quang cảnh hội nghị", "Ảnh hai", "Ảnh một"]
    assert kept["Quang cảnh hội nghị"].alt_text == "Hội trường đông người"
    assert kept["Ảnh một"].uploaded_by == editor
    html = response.content.decode()
    cover = kept["Quang cảnh hội nghị"]
    assert f'<option value="{cover.pk}" selected>' in html  # the form names the picture
    assert 'class="picture-preview"' in html

    again = refilled(response, summary="Đoàn viên dự hội nghị đông đủ.")
    assert again["cover_picture"] == str(cover.pk)
    assert again["photos-0-picture"] == str(kept["Ảnh một"].pk)
    response = client.post(ADD_URL, again)
    assert response.status_code == 302, response.context["adminform"].form.errors

    article = Article.objects.get()
    assert article.cover.name == cover.image.name and article.cover_picture == cover
    assert (article.cover_caption, article.cover_alt) == (
        "Quang cảnh hội nghị",
        "Hội trường đông người",
    )
    photos = list(article.photos.all())
    assert [(p.caption, p.image.name) for p in photos] == [
        ("Ảnh một", kept["Ảnh một"].image.name),
        ("Ảnh hai", kept["Ảnh hai"].image.name),
    ]
    assert Picture.objects.count() == 3  # stored once, not again on the second submit
    assert (media / article.cover.name).is_file()


@pytest.mark.django_db
def test_a_new_file_wins_over_a_picked_picture_and_is_not_linked(client, editor, media):
    chosen = picture("Ảnh thư viện")
    data = article_form(
        CategoryFactory(), cover=png(), cover_picture=str(chosen.pk), cover_alt="Ảnh mới"
    )
    assert client.post(ADD_URL, data).status_code == 302
    article = Article.objects.get()
    assert article.cover_picture is None and article.cover.name != chosen.image.name


@pytest.mark.django_db(transaction=True)
def test_a_picture_picked_for_two_articles_is_stored_once_and_kept(
    client, editor, media, django_capture_on_commit_callbacks
):
    chosen = picture("Công nhân nhận quà", "Nhóm công nhân cầm quà", credit="Thanh Tâm")
    category = CategoryFactory()
    for title in ("Bài thứ nhất về trao quà", "Bài thứ hai về trao quà"):
        data = article_form(
            category,
            title=title,
            cover_picture=str(chosen.pk),
            photos=[{"alt_text": ""}],
            **{"photos-0-picture": str(chosen.pk)},
        )
        response = client.post(ADD_URL, data)
        assert response.status_code == 302, response.context["adminform"].form.errors
    first, second = Article.objects.order_by("pk")
    for article in (first, second):
        assert article.cover.name == chosen.image.name
        assert article.cover_alt == "Nhóm công nhân cầm quà"  # the picture's, the form's empty
        photo = article.photos.get()
        assert (photo.image.name, photo.alt_text, photo.credit) == (
            chosen.image.name,
            "Nhóm công nhân cầm quà",
            "Thanh Tâm",
        )
    files = [
        p for p in media.rglob("*") if p.is_file() and not {"thumbs", "renditions"} & set(p.parts)
    ]
    assert [p.relative_to(media).as_posix() for p in files] == [chosen.image.name]

    # Deleting one article's photo keeps the file: the other article and the library use it.
    data = change_form(first, **{"photos-0-DELETE": "on"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:news_article_change", args=[first.pk]), data)
    assert response.status_code == 302
    assert not first.photos.exists()
    assert (media / chosen.image.name).is_file()
    assert media_files.orphans() == []
    # The library alone still keeps it.
    with django_capture_on_commit_callbacks(execute=True):
        Photo.objects.all().delete()
        Article.objects.update(cover="")
    assert media_files.is_referenced(chosen.image.name)
    assert chosen.image.name not in media_files.orphans()


@pytest.mark.django_db
def test_autocomplete_offers_library_pictures_to_the_article_form(client, editor, media):
    chosen = picture("Hội nghị tổng kết năm")
    picture("Trao quà")
    response = client.get(
        "/admin/autocomplete/",
        {"term": "tong ket", "app_label": "news", "model_name": "photo", "field_name": "picture"},
    )
    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [str(chosen.pk)]


# --- the migration of existing covers and photos -------------------------------------------

BEFORE = [("news", "0007_autosave"), ("photos", None)]
AFTER = [("news", "0009_pictures_from_existing_files")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    # (app, None) is "no migration of the app": not a node of the graph.
    return executor.loader.project_state([t for t in targets if t[1]]).apps


@pytest.mark.django_db(transaction=True)
def test_existing_covers_and_photos_become_library_pictures_with_nothing_lost():
    old = migrate(BEFORE)
    Category = old.get_model("news", "Category")
    Article = old.get_model("news", "Article")
    Photo = old.get_model("news", "Photo")
    category = Category.objects.create(name="Hoạt động", slug="hoat-dong")

    def article(slug, cover="", **fields):
        return Article.objects.create(
            title=slug, slug=slug, summary="s", body="<p>b</p>", author_name="A",
            category=category, cover=cover, **fields,
        )  # fmt: skip

    one = article(
        "mot", "news/covers/2025/01/bia.jpg", cover_caption="Hội nghị", cover_alt="Hội trường"
    )
    two = article("hai", "news/covers/2025/01/bia.jpg", cover_caption="Khác", cover_alt="Khác")
    three = article("ba")
    trashed = article("rac", "news/covers/2025/02/rac.jpg", deleted_at="2025-03-01T00:00Z")
    Photo.objects.create(
        article=one, image="news/photos/2025/01/a.jpg", caption="Đồng chí phát biểu",
        alt_text="Người đứng trước micro", credit="Thanh Tâm", order=0,
    )  # fmt: skip
    Photo.objects.create(
        article=three, image="news/photos/2025/01/a.jpg", caption="", alt_text="Lại", order=0
    )
    Photo.objects.create(
        article=three, image="news/photos/2025/01/b.jpg", caption="", alt_text="Ảnh b", order=1
    )
    try:
        new = migrate(AFTER)
        Picture = new.get_model("photos", "Picture")
        Article = new.get_model("news", "Article")
        Photo = new.get_model("news", "Photo")
        pictures = {p.image.name: p for p in Picture.objects.all()}
        assert sorted(pictures) == [
            "news/covers/2025/01/bia.jpg",
            "news/photos/2025/01/a.jpg",
            "news/photos/2025/01/b.jpg",
        ]
        cover = pictures["news/covers/2025/01/bia.jpg"]
        assert (cover.caption, cover.alt_text) == ("Hội nghị", "Hội trường")
        assert " hoi nghi " in cover.search_text
        a = pictures["news/photos/2025/01/a.jpg"]
        assert (a.caption, a.alt_text, a.credit) == (
            "Đồng chí phát biểu", "Người đứng trước micro", "Thanh Tâm",
        )  # fmt: skip
        assert Article.objects.get(pk=one.pk).cover_picture_id == cover.pk
        assert Article.objects.get(pk=two.pk).cover_picture_id == cover.pk
        assert Article.objects.get(pk=trashed.pk).cover_picture_id is None
        # Nothing a row names has changed.
        assert Article.objects.get(pk=two.pk).cover.name == "news/covers/2025/01/bia.jpg"
        assert Article.objects.get(pk=two.pk).cover_caption == "Khác"
        got = {(p.image.name, p.picture.image.name, p.caption) for p in Photo.objects.all()}
        assert got == {
            ("news/photos/2025/01/a.jpg", "news/photos/2025/01/a.jpg", "Đồng chí phát biểu"),
            ("news/photos/2025/01/a.jpg", "news/photos/2025/01/a.jpg", ""),
            ("news/photos/2025/01/b.jpg", "news/photos/2025/01/b.jpg", ""),
        }
        Group = new.get_model("auth", "Group")
        editors = Group.objects.get(name="Biên tập viên")
        assert editors.permissions.filter(codename="add_picture").exists()
    finally:
        executor = MigrationExecutor(connection)
        migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db
def test_trashing_an_article_leaves_its_library_files_in_place(
    media, django_capture_on_commit_callbacks
):
    from news import trash

    article = ArticleFactory(with_cover=True)
    photo = PhotoFactory(article=article)
    for name in (article.cover.name, photo.image.name):
        Picture.objects.create(image=name, alt_text="Ảnh trong thư viện")
    with django_capture_on_commit_callbacks(execute=True):
        trash.move_to_trash(article, StaffFactory())
    for name in (article.cover.name, photo.image.name):
        assert (media / name).is_file()  # the library still shows it
        assert (trash.trash_folder(article.pk) / name).is_file()  # the trash keeps a copy
