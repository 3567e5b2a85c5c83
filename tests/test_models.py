import datetime as dt
from unittest import mock

import pytest
from django.core.exceptions import ValidationError

from news.models import Article, Category
from tests.factories import ArticleFactory, CategoryFactory, PhotoFactory

pytestmark = pytest.mark.django_db

MOMENT = dt.datetime(2020, 12, 28, 15, 30, tzinfo=dt.UTC)


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.mark.parametrize(
    "offset, visible",
    [(-dt.timedelta(seconds=1), False), (dt.timedelta(0), True), (dt.timedelta(seconds=1), True)],
)
def test_published_rule_at_the_boundary(offset, visible):
    article = ArticleFactory(published_at=MOMENT)
    with at(MOMENT + offset):
        assert (article in Article.objects.published()) is visible
        assert article.is_published() is visible


def test_drafts_are_never_published_even_when_their_time_has_come():
    draft = ArticleFactory(draft=True, published_at=MOMENT)
    with at(MOMENT + dt.timedelta(days=365)):
        assert not Article.objects.published().filter(pk=draft.pk).exists()
        assert not draft.is_published()


def test_scheduled_article_appears_by_itself_with_no_job():
    article = ArticleFactory(scheduled=True)
    assert not Article.objects.published().filter(pk=article.pk).exists()
    with at(article.published_at + dt.timedelta(seconds=1)):
        assert Article.objects.published().filter(pk=article.pk).exists()


def test_newest_first_and_latest():
    category = CategoryFactory()
    old = ArticleFactory(category=category, published_at=MOMENT)
    new = ArticleFactory(category=category, published_at=MOMENT + dt.timedelta(days=1))
    assert list(Article.objects.published()) == [new, old]
    assert Article.objects.latest() == new


def test_byline_joins_author_and_unit():
    assert ArticleFactory(author_name="Thúy Quyên", author_unit="CĐCKCN").byline == (
        "Thúy Quyên - CĐCKCN"
    )
    assert ArticleFactory(author_name="Ban Biên tập", author_unit="").byline == "Ban Biên tập"


def test_clean_turns_a_clashing_slug_into_a_suffix_not_an_error():
    ArticleFactory(title="Hội nghị kiểm điểm")
    article = ArticleFactory.build(title="Hội nghị kiểm điểm", slug="hoi-nghi-kiem-diem")
    article.category = CategoryFactory()
    article.full_clean()
    assert article.slug == "hoi-nghi-kiem-diem-2"


def test_cover_needs_alt_text():
    article = ArticleFactory(with_cover=True)
    article.cover_alt = "  "
    with pytest.raises(ValidationError) as excinfo:
        article.full_clean()
    assert "cover_alt" in excinfo.value.message_dict


def test_body_is_cleaned_before_it_is_stored():
    article = ArticleFactory(body='<p onclick="x()">Đoàn viên<script>alert(1)</script></p>')
    article.refresh_from_db()
    assert article.body == "<p>Đoàn viên</p>"


def test_photos_keep_their_order():
    article = ArticleFactory()
    second = PhotoFactory(article=article, order=2)
    first = PhotoFactory(article=article, order=1)
    assert list(article.photos.all()) == [first, second]


def test_absolute_urls_are_namespaced():
    category = CategoryFactory(slug="nu-cong")
    article = ArticleFactory(category=category, title="Ngày hội nữ công")
    assert category.get_absolute_url() == "/chuyen-muc/nu-cong/"
    assert article.get_absolute_url() == "/tin-tuc/ngay-hoi-nu-cong/"


def test_menu_cache_is_cleared_when_categories_change(client):
    CategoryFactory(name="Chăm lo đời sống", slug="cham-lo-doi-song")
    assert "Chăm lo đời sống" in client.get("/").content.decode()
    Category.objects.create(name="Văn hóa thể thao")
    assert "Văn hóa thể thao" in client.get("/").content.decode()
    Category.objects.get(slug="van-hoa-the-thao").delete()
    assert "Văn hóa thể thao" not in client.get("/").content.decode()


def test_a_new_article_has_no_publication_time_until_published():
    assert Article().published_at is None
    assert not ArticleFactory(draft=True).is_published()
