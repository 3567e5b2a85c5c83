"""Two people, one article: the second save from a stale form is refused, nothing is lost."""

import pytest
from django.test import Client
from django.urls import reverse

from news import workflow
from news.models import Article
from tests.builders import change_form, image_bytes, upload
from tests.factories import ArticleFactory, PhotoFactory, StaffFactory

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def people():
    return StaffFactory(full_name="Nguyễn Văn An"), StaffFactory(full_name="Trần Thị Bình")


@pytest.fixture
def article():
    article = ArticleFactory(title="Hội nghị người lao động năm 2026", body="<p>Bản đầu.</p>")
    PhotoFactory(article=article, caption="Đồng chí Lê Văn Hòa phát biểu")
    return article


def url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def photo_added(article, form):
    n = int(form["photos-TOTAL_FORMS"])
    content = upload("them.jpg", image_bytes(320, 200, "JPEG"), "image/jpeg")
    return {
        "photos-TOTAL_FORMS": str(n + 1),
        f"photos-{n}-image": content,
        f"photos-{n}-caption": "Ảnh thêm",
        f"photos-{n}-alt_text": "Người lao động dự hội nghị",
        f"photos-{n}-credit": "",
        f"photos-{n}-order": "9",
    }


def first_saves(kind, article, form):
    """What the first person changes, as changes to their form."""
    if kind == "same field":
        return {"title": "Tiêu đề do An sửa"}
    if kind == "other field":
        return {"summary": "Sa-pô do An viết lại."}
    if kind == "photo caption":
        return {"photos-0-caption": "Chú thích do An sửa"}
    if kind == "photo added":
        return photo_added(article, form)
    if kind == "photo removed":
        return {"photos-0-DELETE": "on"}
    raise AssertionError(kind)


def stored(article):
    article.refresh_from_db()
    return (
        article.title,
        article.summary,
        article.status,
        sorted((p.caption, p.image.name) for p in article.photos.all()),
    )


@pytest.mark.parametrize(
    "first", ["same field", "other field", "photo caption", "photo added", "photo removed", "state"]
)
@pytest.mark.parametrize("second", ["same field", "other field", "photo caption"])
def test_the_second_save_from_a_stale_form_is_refused(people, article, first, second):
    an, binh = people
    form_an, form_binh = change_form(article), change_form(article)  # both open the form

    if first == "state":
        workflow.transition(article, "withdraw", by=an, comment="Sai số liệu")
    else:
        response = logged_in(an).post(
            url(article), {**form_an, **first_saves(first, article, form_an)}
        )
        assert response.status_code == 302, response.content.decode()[:3000]
    after_first = stored(article)

    mine = {**form_binh, "title": "Tiêu đề do Bình sửa", "summary": "Sa-pô của Bình."}
    if second == "photo caption":
        mine["photos-0-caption"] = "Chú thích do Bình sửa"
    response = logged_in(binh).post(url(article), mine)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Bài đã được Nguyễn Văn An lưu lúc" in html
    assert "CHƯA được lưu" in html
    # Bình's text is still in the form to merge from.
    assert "Tiêu đề do Bình sửa" in html and "Sa-pô của Bình." in html
    # Nothing of An's save was lost, nothing of Bình's applied.
    assert stored(article) == after_first


def test_the_refusal_names_what_the_other_person_changed(people, article):
    an, binh = people
    logged_in(an).get(url(article))  # opening the form records what it shows
    form_an, form_binh = change_form(article), change_form(article)
    data = {**form_an, "title": "Tiêu đề mới", "photos-0-caption": "Chú thích mới"}
    logged_in(an).post(url(article), data)
    html = logged_in(binh).post(url(article), {**form_binh, "summary": "Khác"}).content.decode()
    assert "tiêu đề" in html and "ảnh trong bài: sửa 1" in html


def test_a_stale_form_does_not_republish_a_withdrawn_article(people, article):
    an, binh = people
    form_binh = change_form(article)
    workflow.transition(article, "withdraw", by=an, comment="Gỡ theo yêu cầu")
    data = {**form_binh, "title": "Sửa lỗi chính tả", "_transition": "publish"}
    del data["_save"]
    logged_in(binh).post(url(article), data)
    article.refresh_from_db()
    assert article.status == Article.Status.WITHDRAWN
    assert article.title == "Hội nghị người lao động năm 2026"


def test_after_the_refusal_a_deliberate_second_save_goes_through(people, article):
    an, binh = people
    form_an, form_binh = change_form(article), change_form(article)
    logged_in(an).post(url(article), {**form_an, "summary": "Sa-pô của An."})
    client = logged_in(binh)
    response = client.post(url(article), {**form_binh, "title": "Tiêu đề của Bình"})
    assert response.status_code == 200
    # The form came back carrying the stored version; Bình merges An's summary in and saves.
    merged = response.context["adminform"].form.data.copy()
    merged["summary"] = "Sa-pô của An."
    assert client.post(url(article), merged).status_code == 302
    article.refresh_from_db()
    assert (article.title, article.summary) == ("Tiêu đề của Bình", "Sa-pô của An.")


def test_one_person_saving_twice_in_a_row_is_never_refused(people, article):
    an, _ = people
    client = logged_in(an)
    for n in range(3):
        form = change_form(Article.objects.get(pk=article.pk), title=f"Lần lưu {n}")
        form["_continue"] = "Lưu và tiếp tục"
        assert client.post(url(article), form).status_code == 302
    article.refresh_from_db()
    assert article.title == "Lần lưu 2"


def test_the_form_carries_the_version_it_was_opened_at(people, article):
    an, _ = people
    html = logged_in(an).get(url(article)).content.decode()
    assert f'name="opened_version" value="{article.edit_version}"' in html
