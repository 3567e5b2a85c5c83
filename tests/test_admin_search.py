"""The admin's article search follows the public search's rule (news/search.py), drafts included."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, StaffFactory
from tests.test_search import CASES, corpus, found  # noqa: F401 (corpus is a fixture)

CHANGELIST = reverse("admin:news_article_changelist")
PUBLISHED = {"hoi-nghi", "mai-am", "bong-da", "khuyen-hoc", "an-toan"}


@pytest.fixture
def editor(db):
    client = Client()
    client.force_login(StaffFactory(username="bientapvien"))
    return client


def admin_found(editor, query, **params):
    response = editor.get(CHANGELIST, {"q": query, **params})
    assert response.status_code == 200
    return {article.slug for article in response.context["cl"].result_list}


@pytest.mark.parametrize("title", ["Tổng kết năm 2025", "TỔNG KẾT NĂM 2025"])
@pytest.mark.parametrize("query", ["tong ket", "tổng kết", "TONG KET 2025", "  tổng   kết, năm! "])
def test_with_or_without_marks(editor, title, query):
    ArticleFactory(title=title, slug="tong-ket")
    ArticleFactory(title="Tổng hợp ý kiến công nhân", slug="tong-hop")
    assert admin_found(editor, query) == {"tong-ket"}


def test_drafts_and_scheduled_articles_are_found_in_the_admin(client, editor):
    ArticleFactory(title="Tổng kết năm 2025", slug="ban-nhap", draft=True)
    ArticleFactory(title="Tổng kết năm 2025 (hẹn giờ)", slug="hen-gio", scheduled=True)
    assert admin_found(editor, "tong ket") == {"ban-nhap", "hen-gio"}
    assert found(client, "tong ket") == []  # readers never find them


@pytest.mark.parametrize("query, expected", CASES)
def test_the_admin_finds_what_the_public_search_finds(client, editor, corpus, query, expected):  # noqa: F811
    assert set(found(client, query)) == set(expected)
    assert admin_found(editor, query) & PUBLISHED == set(expected)


def test_whole_words_only(editor):
    text = {"summary": "Tin ngắn.", "body": "<p>Tin ngắn.</p>"}
    ArticleFactory(title="Hội nghị người lao động", slug="hoi-nghi", **text)
    ArticleFactory(title="Khu công nghiệp mở rộng", slug="cong-nghiep", **text)
    assert admin_found(editor, "nghi") == {"hoi-nghi"}
    assert admin_found(editor, "nghiep") == {"cong-nghiep"}


def test_search_combines_with_filters_and_keeps_the_admin_order(editor):
    now = timezone.now()
    ArticleFactory(
        title="Tổng kết phong trào thi đua",
        slug="cu",
        draft=True,
        published_at=now - dt.timedelta(days=3),
    )
    ArticleFactory(
        title="Bài nói của đồng chí Chủ tịch",
        summary="Về tổng kết năm.",
        slug="moi",
        draft=True,
        published_at=now - dt.timedelta(days=1),
    )
    ArticleFactory(title="Tổng kết năm", slug="xuat-ban")
    response = editor.get(CHANGELIST, {"q": "tong ket", "status__exact": "draft"})
    # Newest first, as the admin lists, not title matches first as the public search ranks.
    assert [a.slug for a in response.context["cl"].result_list] == ["moi", "cu"]
    assert "2 kết quả" in response.content.decode()


def test_a_query_without_words_finds_nothing_and_an_empty_one_everything(editor):
    ArticleFactory.create_batch(2)
    assert admin_found(editor, "!!!") == set()
    # Django's own search form refuses a NUL character, with a message, before we are asked.
    response = editor.get(CHANGELIST, {"q": "\x00"}, follow=True)
    assert "Không được có ký tự rỗng (NUL)." in response.content.decode()
    assert len(admin_found(editor, "   ")) == 2
