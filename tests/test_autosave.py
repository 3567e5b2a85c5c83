"""Autosave, presence and the save after an expired session, with the test client."""

import datetime as dt
import json

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news.models import Article, Autosave
from tests.builders import ADD_URL, article_form, change_form
from tests.factories import ArticleFactory, CategoryFactory, CorrespondentFactory, StaffFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-thu-nghiem-1"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def tick_url(article):
    return reverse("admin:news_article_autosave", args=[article.pk])


def test_the_tick_keeps_the_text_in_the_persons_autosave_never_over_the_article():
    editor = StaffFactory()
    article = ArticleFactory(title="Tiêu đề đã lưu")
    response = logged_in(editor).post(
        tick_url(article), {"title": "Tiêu đề đang gõ", "body": "<p>Đoạn đang viết</p>"}
    )
    assert response.status_code == 200 and "saved_at" in response.json()
    article.refresh_from_db()
    assert article.title == "Tiêu đề đã lưu"
    autosave = Autosave.objects.get(user=editor, article=article)
    assert autosave.data == {"title": "Tiêu đề đang gõ", "body": "<p>Đoạn đang viết</p>"}


def test_a_newer_autosave_is_offered_back_when_the_article_is_opened():
    editor = StaffFactory()
    article = ArticleFactory(title="Tiêu đề đã lưu")
    client = logged_in(editor)
    client.post(tick_url(article), {"title": "Tiêu đề chưa kịp lưu"})
    html = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert "Khôi phục bản tự lưu" in html
    assert json.dumps("Tiêu đề chưa kịp lưu") in html  # in the JSON the button puts back

    # Once the article is saved, the autosave is spent and no longer offered.
    response = client.post(
        reverse("admin:news_article_change", args=[article.pk]),
        change_form(Article.objects.get(pk=article.pk), title="Tiêu đề chưa kịp lưu"),
    )
    assert response.status_code == 302
    assert not Autosave.objects.filter(user=editor).exists()
    html = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert "Khôi phục bản tự lưu" not in html


def test_an_autosave_older_than_the_article_or_equal_to_it_is_not_offered():
    editor = StaffFactory()
    article = ArticleFactory(title="Tiêu đề")
    client = logged_in(editor)
    url = reverse("admin:news_article_change", args=[article.pk])
    Autosave.objects.create(
        user=editor, article=article, data={"title": "Cũ"},
        saved_at=article.updated_at - dt.timedelta(minutes=5),
    )  # fmt: skip
    assert "Khôi phục bản tự lưu" not in client.get(url).content.decode()
    Autosave.objects.filter(user=editor).update(data={"title": "Tiêu đề"}, saved_at=timezone.now())
    assert "Khôi phục bản tự lưu" not in client.get(url).content.decode()


def test_autosaves_are_per_person():
    an, binh = StaffFactory(), StaffFactory()
    article = ArticleFactory()
    logged_in(an).post(tick_url(article), {"title": "Bản của An"})
    url = reverse("admin:news_article_change", args=[article.pk])
    assert json.dumps("Bản của An") not in logged_in(binh).get(url).content.decode()


def test_a_new_articles_form_autosaves_too():
    editor = StaffFactory()
    client = logged_in(editor)
    client.post(reverse("admin:news_article_autosave_new"), {"title": "Bài mới đang viết"})
    assert json.dumps("Bài mới đang viết") in client.get(ADD_URL).content.decode()


def test_the_tick_refuses_who_may_not_edit_the_article():
    article = ArticleFactory(status=Article.Status.PENDING)
    other_unit = CorrespondentFactory()
    response = logged_in(other_unit).post(tick_url(article), {"title": "x"})
    assert response.status_code in {403, 404}
    assert not Autosave.objects.exists()
    assert Client().post(tick_url(article), {"title": "x"}).status_code == 302  # to the login


def test_presence_warns_without_blocking():
    an = StaffFactory(full_name="Nguyễn Văn An")
    binh = StaffFactory(full_name="Trần Thị Bình")
    article = ArticleFactory()
    url = reverse("admin:news_article_change", args=[article.pk])
    logged_in(an).get(url)
    html = logged_in(binh).get(url).content.decode()
    assert "Bài đang được Nguyễn Văn An sửa từ" in html
    assert 'name="_save"' in html  # a warning, not a lock
    answer = logged_in(an).post(tick_url(article), {"title": article.title}).json()
    assert [o.split(" sửa từ ")[0] for o in answer["others"]] == ["Bài đang được Trần Thị Bình"]


def test_a_save_after_the_session_expired_goes_through_the_login_and_back_with_the_text():
    editor = StaffFactory(username="bientap")
    article = ArticleFactory(title="Tiêu đề cũ")
    url = reverse("admin:news_article_change", args=[article.pk])
    client = logged_in(editor)
    form = change_form(article, title="Tiêu đề gõ lúc phiên đã hết", body="<p>Đoạn văn dài.</p>")
    client.cookies.pop(settings.SESSION_COOKIE_NAME)  # the session expired

    response = client.post(url, form)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    article.refresh_from_db()
    assert article.title == "Tiêu đề cũ"

    response = client.post(
        response["Location"], {"username": "bientap", "password": PASSWORD, "next": url}
    )
    assert response.status_code == 302 and response["Location"] == url
    html = client.get(url).content.decode()
    assert 'value="Tiêu đề gõ lúc phiên đã hết"' in html
    assert "Đoạn văn dài." in html
    assert "Phiên đăng nhập đã hết khi bạn bấm lưu" in html
    # Kept once: opening the form again shows the article as stored.
    assert 'value="Tiêu đề gõ lúc phiên đã hết"' not in client.get(url).content.decode()


def test_a_kept_form_still_meets_the_conflict_check():
    StaffFactory(username="bientap")
    other = StaffFactory(full_name="Lê Văn Khác")
    article = ArticleFactory(title="Tiêu đề cũ")
    url = reverse("admin:news_article_change", args=[article.pk])
    client = Client()
    client.post(url, change_form(article, title="Bản của tôi"))  # not signed in: kept
    Article.objects.filter(pk=article.pk).update(title="x")
    stored = Article.objects.get(pk=article.pk)
    stored.title, stored.updated_by = "Bản của người khác", other
    stored.save()
    client.post(reverse("admin:login"), {"username": "bientap", "password": PASSWORD})
    response = client.get(url)
    form = response.context["adminform"].form
    assert form.initial["opened_version"] == str(article.edit_version)
    data = change_form(Article.objects.get(pk=article.pk), title="Bản của tôi")
    data["opened_version"] = form.initial["opened_version"]
    html = client.post(url, data).content.decode()
    assert "Bài đã được Lê Văn Khác lưu lúc" in html
    assert Article.objects.get(pk=article.pk).title == "Bản của người khác"


def test_an_add_form_is_kept_over_the_login_too():
    StaffFactory(username="bientap")
    client = Client()
    client.post(ADD_URL, article_form(CategoryFactory(), title="Bài viết khi phiên đã hết"))
    client.post(reverse("admin:login"), {"username": "bientap", "password": PASSWORD})
    assert 'value="Bài viết khi phiên đã hết"' in client.get(ADD_URL).content.decode()
    assert not Article.objects.exists()
