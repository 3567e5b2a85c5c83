"""portal/prepared.py: a queryset compiled once gives what the ORM gives, for any values."""

import datetime as dt

import pytest
from django.test import override_settings
from django.utils import timezone

from news.models import Article
from portal import prepared
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_statements():
    prepared._statements.clear()
    yield
    prepared._statements.clear()


def cards(category, now):
    return Article.objects.published(now).for_cards().filter(category_id=category)


def as_seen(articles):
    """What a page shows of each row, joined category included."""
    return [(a.pk, a.title, a.published_at, a.category.name, a.summary) for a in articles]


def test_rows_are_those_of_the_orm_for_every_call(django_assert_num_queries):
    now = timezone.now()
    first, second = CategoryFactory(), CategoryFactory()
    for hours in range(3):
        ArticleFactory(category=first, published_at=now - dt.timedelta(hours=hours))
    ArticleFactory(category=second)
    ArticleFactory(category=first, published_at=now + dt.timedelta(hours=2))  # not yet

    for category in (first.pk, second.pk, first.pk):
        with django_assert_num_queries(1):  # the row query alone: the category comes joined
            rows = prepared.fetch("test.cards", cards, category=category, now=now)
            seen = as_seen(rows)
        assert seen == as_seen(cards(category, now))
    assert len(prepared._statements) == 1
    # Deferred columns stay deferred, as with only().
    assert "body" in rows[0].get_deferred_fields()


def test_a_datetime_value_moves_the_boundary():
    now = timezone.now()
    category = CategoryFactory()
    due = ArticleFactory(category=category, published_at=now + dt.timedelta(hours=1))

    def fetch(when):
        return prepared.fetch("test.due", cards, category=category.pk, now=when)

    assert fetch(now) == []
    assert fetch(now + dt.timedelta(hours=2)) == [due]


def test_a_string_value_is_bound_as_a_parameter():
    one, other = ArticleFactory(), ArticleFactory()
    for article in (one, other):
        found = prepared.fetch(
            "test.slug",
            lambda slug, now: Article.objects.published(now).filter(slug=slug),
            slug=article.slug,
            now=timezone.now(),
        )
        assert [a.pk for a in found] == [article.pk]
        assert found[0].body == article.body


def test_the_check_catches_a_constant_left_out_of_the_key():
    first, second = CategoryFactory(), CategoryFactory()
    ArticleFactory(category=second)
    prepared.fetch("test.one-key", lambda now: cards(first.pk, now), now=timezone.now())
    with pytest.raises(AssertionError, match="differs"):
        prepared.fetch("test.one-key", lambda now: cards(second.pk, now), now=timezone.now())


@override_settings(PREPARED_QUERIES_CHECK=False)
def test_without_the_check_a_key_names_one_sql():
    """What the check guards against: the key, not the function, decides the SQL."""
    first, second = CategoryFactory(), CategoryFactory()
    ArticleFactory(category=second)
    prepared.fetch("test.one-key", lambda now: cards(first.pk, now), now=timezone.now())
    assert (
        prepared.fetch("test.one-key", lambda now: cards(second.pk, now), now=timezone.now()) == []
    )


def test_a_value_the_sql_does_not_carry_as_a_parameter_is_refused():
    with pytest.raises(TypeError, match="not a parameter"):
        prepared.fetch(
            "test.contains",
            lambda word: Article.objects.filter(title__icontains=word),
            word="hội",
        )


@pytest.mark.parametrize("value", [True, None, 1.5])
def test_values_that_cannot_be_told_apart_belong_in_the_key(value):
    with pytest.raises(TypeError):
        prepared.fetch(
            "test.flag", lambda flag: Article.objects.filter(is_featured=flag), flag=value
        )


def test_only_model_rows():
    with pytest.raises(TypeError, match="model rows"):
        prepared.fetch(
            "test.values",
            lambda now: Article.objects.published(now).values("pk"),
            now=timezone.now(),
        )
    with pytest.raises(TypeError, match="model rows"):
        prepared.fetch(
            "test.prefetch",
            lambda now: Article.objects.published(now).prefetch_related("photos"),
            now=timezone.now(),
        )
