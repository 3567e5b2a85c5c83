"""Index pages hold exactly what a plain OFFSET page holds, from either end of the list."""

import datetime as dt

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import Article
from news.paging import IndexPaginator
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("orphans", [0, 2])
def test_every_page_matches_a_plain_paginator(orphans):
    now = timezone.now()
    # Ties on the publication time are broken by id, as the lists order them.
    for n in range(23):
        ArticleFactory(published_at=now - dt.timedelta(hours=n // 3))
    articles = Article.objects.published().for_cards()
    plain, indexed = Paginator(articles, 5, orphans), IndexPaginator(articles, 5, orphans)
    assert indexed.num_pages == plain.num_pages
    for number in plain.page_range:
        assert list(indexed.page(number)) == list(plain.page(number)), number


def test_the_next_page_starts_after_the_last_one_served_with_no_offset(client):
    now = timezone.now()
    for n in range(50):  # 5 pages of 12, with ties on the publication time
        ArticleFactory(published_at=now - dt.timedelta(hours=n // 4))
    plain = Paginator(Article.objects.published().for_cards(), 12)

    def served(number):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/tin-tuc/", {"page": number})
        assert list(response.context["page_obj"]) == list(plain.page(number).object_list)
        return "OFFSET" in " ".join(query["sql"] for query in ctx.captured_queries)

    assert not served(1)
    assert not served(2)  # right after page 1's last row
    assert not served(3)
    assert not served(5) and not served(4)  # the last page from the end; page 4 before it
    # A new article shifts every page: what was known of the old pages is not used.
    ArticleFactory(published_at=now)
    plain = Paginator(Article.objects.published().for_cards(), 12)
    assert served(3)  # from the start again, with an offset of 24
    assert not served(3)  # the same page again starts at its first row


def test_an_empty_list_has_an_empty_first_page():
    page = IndexPaginator(Article.objects.published(), 12).page(1)
    assert list(page) == [] and page.number == 1


def test_deep_list_pages_and_bad_numbers(client):
    ArticleFactory.create_batch(30)
    newest_first = list(Article.objects.published().values_list("slug", flat=True))
    last = client.get("/tin-tuc/?page=3")
    assert [a.slug for a in last.context["page_obj"]] == newest_first[24:]
    assert client.get("/tin-tuc/?page=abc").status_code == 404
    assert client.get("/tin-tuc/?page=4").status_code == 404


def test_search_ranks_only_the_newest_matches_and_says_so(client, monkeypatch):
    monkeypatch.setattr("news.views.SEARCH_RESULTS", 3)
    now = timezone.now()
    old_title = ArticleFactory(
        title="Hội nghị người lao động", published_at=now - dt.timedelta(days=9)
    )
    in_text = [
        ArticleFactory(
            title=f"Tin số {n}", summary="Bàn về hội nghị.", published_at=now - dt.timedelta(days=n)
        )
        for n in range(1, 4)
    ]
    newest_title = ArticleFactory(
        title="Hội nghị tổng kết", published_at=now - dt.timedelta(days=5)
    )
    response = client.get("/tim-kiem/", {"q": "hoi nghi"})
    shown = list(response.context["page_obj"])
    # The three newest matches, the one with the words in its title first.
    assert shown == [in_text[0], in_text[1], in_text[2]]
    assert old_title not in shown and newest_title not in shown
    assert "dưới đây là 3 bài mới nhất" in response.content.decode()
    monkeypatch.setattr("news.views.SEARCH_RESULTS", 4)
    shown = list(client.get("/tim-kiem/", {"q": "hoi nghi"}).context["page_obj"])
    assert shown == [newest_title, *in_text]


def test_admin_list_has_its_date_bar_but_not_while_searching(admin_client):
    ArticleFactory(
        title="Giải cầu lông Xuân Thủy", published_at=timezone.now() - dt.timedelta(days=400)
    )
    ArticleFactory(title="Tập huấn an toàn")
    listed = admin_client.get("/admin/news/article/")
    assert 'class="toplinks"' in listed.content.decode()
    found = admin_client.get("/admin/news/article/", {"q": "xuan thuy"})
    assert found.status_code == 200
    assert found.context["cl"].result_count == 1
    assert 'class="toplinks"' not in found.content.decode()


@pytest.mark.parametrize("url", ["/tin-tuc/", "/tin-tuc/?page=2"])
def test_a_warm_list_page_builds_no_queryset(client, monkeypatch, settings, url):
    """Its total and served pages are known in this state of the content and its rows are read
    prepared (portal/prepared.py): building the list's queryset would be wasted work."""
    from news import views

    settings.PREPARED_QUERIES_CHECK = False  # the check builds it, to compare
    ArticleFactory.create_batch(15)
    client.get(url)

    def built(self, now):
        raise AssertionError("the list's queryset was built")

    monkeypatch.setattr(views.PublishedArticlesMixin, "articles", built)
    page = client.get(url)
    assert page.status_code == 200
    assert len(page.context["page_obj"]) == (12 if url == "/tin-tuc/" else 3)
