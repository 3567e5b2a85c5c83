"""Units: a unit's own page lists its published articles; bylines name the unit's short name."""

import pytest

from portal.newsroom.models import Unit
from tests.factories import ArticleFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_a_units_page_lists_only_its_published_articles(client):
    zone = UnitFactory(short_name="CĐCKCN", name="Công đoàn các Khu công nghiệp tỉnh")
    other = UnitFactory(short_name="CĐ Ngành Y tế")
    ArticleFactory(title="Công nhân hiến máu tình nguyện", author_unit=zone)
    ArticleFactory(title="Bản nháp của khu công nghiệp", author_unit=zone, draft=True)
    ArticleFactory(title="Bệnh viện tổ chức hội thao", author_unit=other)

    response = client.get(zone.get_absolute_url())
    # The list itself, not the sidebar's "Tin mới", which names the newest of every unit.
    html = response.content.decode().split('<aside class="layout__aside"', 1)[0]
    assert response.status_code == 200
    assert "<h1" in html and "Công đoàn các Khu công nghiệp tỉnh" in html
    assert "Công nhân hiến máu tình nguyện" in html
    assert "Bản nháp của khu công nghiệp" not in html
    assert "Bệnh viện tổ chức hội thao" not in html
    assert client.get(zone.get_absolute_url(), {"page": "abc"}).status_code in {200, 404}
    assert client.get("/don-vi/khong-co-don-vi-nay/").status_code == 404


def test_the_article_page_links_its_unit_and_keeps_the_byline(client):
    zone = UnitFactory(short_name="CĐCKCN", name="Công đoàn các Khu công nghiệp tỉnh")
    article = ArticleFactory(author_name="Thúy Quyên", author_unit=zone)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Thúy Quyên - CĐCKCN" in html
    assert f'href="{zone.get_absolute_url()}"' in html


def test_a_unit_slug_follows_its_short_name_in_vietnamese():
    unit = Unit.objects.create(name="Liên đoàn Lao động huyện Đức Hòa", short_name="LĐLĐ Đức Hòa",
                               kind=Unit.Kind.DISTRICT)  # fmt: skip
    assert unit.slug == "ldld-duc-hoa"
