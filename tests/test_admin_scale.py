"""The article list in the admin at any size (news/admin_paging.py): a count that stops ten pages
ahead, pages and "Hiện tất cả" that keep working, and a date bar found by index probes."""

import datetime as dt
import html
import re
import zoneinfo

import pytest
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.test import Client
from django.urls import reverse

from news.admin_paging import cheap_date_hierarchy
from news.importing import import_articles, sample_line
from news.models import Article
from tests.factories import ArticleFactory, StaffFactory

CHANGELIST = reverse("admin:news_article_changelist")
HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def editor(db):
    client = Client()
    client.force_login(StaffFactory(username="bientapvien"))
    return client


def articles(count):
    """``count`` articles, newest first a minute apart, every one holding 'hội nghị'."""
    import_articles([sample_line(n) for n in range(count)])


def text(response, pattern):
    match = re.search(pattern, response.content.decode(), re.S)
    return " ".join(match.group(0).split()) if match else ""


def paginator(response):
    return text(response, r'<p class="paginator">.*?</p>')


def page_links(response):
    return [int(n) for n in re.findall(r"[?&]p=(\d+)", paginator(response))]


@pytest.mark.parametrize("query", [{}, {"q": "hoi nghi"}])
def test_past_a_thousand_the_list_says_more_than_a_thousand(editor, query):
    articles(1001)
    response = editor.get(CHANGELIST, query)
    cl = response.context["cl"]
    assert cl.result_count == 1000 and len(cl.result_list) == 100
    assert "hơn 1.000 bài viết" in paginator(response)
    assert "hơn 1.000 kết quả" in text(response, r'<span class="small quiet">.*?</span>')
    # "Select all" acts on every match, and says so without a number it does not know.
    assert "Chọn cả hơn 1.000 bài viết" in response.content.decode()
    assert max(page_links(response)) == 10
    assert "showall" not in paginator(response)


def test_a_capped_list_pages_in_the_order_asked_for(editor):
    articles(2101)  # page 2 counts 1,100 rows, page 12 2,100: both capped
    newest_first = [f"Công đoàn cơ sở tổ chức hội nghị người lao động năm {n}" for n in range(2101)]
    # Page 12 is nearer the end of the rows counted than the start: still read from the start.
    twelfth = editor.get(CHANGELIST, {"p": 12, "q": "hoi nghi"})
    assert twelfth.context["cl"].paginator.capped
    assert [a.title for a in twelfth.context["cl"].result_list] == newest_first[1100:1200]
    by_title = editor.get(CHANGELIST, {"p": 2, "o": "2"})  # the title column, A→Z
    assert by_title.context["cl"].paginator.capped
    assert [a.title for a in by_title.context["cl"].result_list] == sorted(newest_first)[100:200]
    # By views (an annotation, all 0 here), then the newest id first.
    by_views = editor.get(CHANGELIST, {"p": 2, "o": "-9"})
    assert by_views.context["cl"].paginator.capped
    ids = sorted(Article.objects.values_list("pk", flat=True), reverse=True)
    assert [a.pk for a in by_views.context["cl"].result_list] == ids[100:200]


def test_up_to_a_thousand_the_count_is_exact(editor):
    articles(1000)
    response = editor.get(CHANGELIST, {"q": "hoi nghi"})
    assert response.context["cl"].result_count == 1000
    assert "1.000 bài viết" in paginator(response) and "hơn" not in paginator(response)
    assert "1.000 kết quả" in text(response, r'<span class="small quiet">.*?</span>')
    assert "Chọn cả 1.000 bài viết" in response.content.decode()


def test_deeper_pages_count_further_so_every_article_stays_reachable(editor):
    articles(1001)
    response = editor.get(CHANGELIST, {"p": 10})
    # Ten pages past page 10 are counted: all 1,001, so the last page (11) is linked.
    assert response.context["cl"].result_count == 1001
    assert "1.001 bài viết" in paginator(response) and "hơn" not in paginator(response)
    assert max(page_links(response)) == 11
    last = editor.get(CHANGELIST, {"p": 11})
    assert [a.title for a in last.context["cl"].result_list] == [
        "Công đoàn cơ sở tổ chức hội nghị người lao động năm 1000"
    ]


def test_pages_and_sorting_by_a_column_still_work(editor):
    articles(150)
    second = editor.get(CHANGELIST, {"p": 2})
    titles = [a.title for a in second.context["cl"].result_list]
    assert len(titles) == 50 and titles[0].endswith("năm 100") and titles[-1].endswith("năm 149")
    by_title = editor.get(CHANGELIST, {"o": "2", "q": "hoi nghi"})  # the title column, A→Z
    titles = [a.title for a in by_title.context["cl"].result_list]
    assert titles == sorted(titles) and len(titles) == 100


def test_show_all_below_the_ceiling_and_never_above_it(editor):
    articles(150)
    response = editor.get(CHANGELIST)
    assert "showall" in paginator(response) and "150 bài viết" in paginator(response)
    assert len(editor.get(CHANGELIST, {"all": ""}).context["cl"].result_list) == 150
    articles(900)  # 1,050: more than list_max_show_all (200), and past the count's cap
    response = editor.get(CHANGELIST, {"all": ""})
    assert "showall" not in paginator(response)
    assert len(response.context["cl"].result_list) == 100


@pytest.mark.parametrize("page", ["abc", "0", "-3", "99999999999999999999999999"])
def test_a_bad_page_number_is_never_an_error(editor, page):
    ArticleFactory.create_batch(3)
    response = editor.get(CHANGELIST, {"p": page})
    assert response.status_code in (200, 302)
    if response.status_code == 302:  # Django's "?e=1": the list without the bad parameter
        assert response.url.endswith("?e=1")
        assert editor.get(response.url).status_code == 200


def local(*args):
    return dt.datetime(*args, tzinfo=HCM)


@pytest.fixture
def years(db):
    """Articles in 2019, 2021 and 2023 (none in 2020 or 2022); the New Year's ones by local
    time, which is not the year in UTC."""
    ArticleFactory(title="Đầu năm 2021, năm 2020 giờ UTC", published_at=local(2021, 1, 1, 0, 30))
    ArticleFactory(title="Tháng Ba 2019", published_at=local(2019, 3, 8, 9))
    ArticleFactory(title="Tháng Ba 2019, ngày khác", published_at=local(2019, 3, 26, 9))
    ArticleFactory(title="Tháng Mười 2019", published_at=local(2019, 10, 20, 9))
    ArticleFactory(
        title="Bản nháp cuối năm 2023", published_at=local(2023, 12, 31, 23, 30), draft=True
    )


def bar(response):
    nav = text(response, r'<nav class="toplinks">.*?</nav>')
    return [html.unescape(link) for link in re.findall(r">([^<>]+)</a>", nav)]


def test_the_date_bar_lists_the_years_months_and_days_that_have_articles(editor, years):
    assert bar(editor.get(CHANGELIST)) == ["2019", "2021", "2023"]
    assert bar(editor.get(CHANGELIST, {"published_at__year": 2019})) == [
        "‹ Tất cả các ngày",
        "Tháng 3 2019",
        "Tháng 10 2019",
    ]
    march = {"published_at__year": 2019, "published_at__month": 3}
    assert bar(editor.get(CHANGELIST, march)) == ["‹ 2019", "8 Tháng 3", "26 Tháng 3"]
    day = editor.get(CHANGELIST, {**march, "published_at__day": 26})
    assert [a.title for a in day.context["cl"].result_list] == ["Tháng Ba 2019, ngày khác"]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"published_at__year": "2019"},
        {"published_at__year": "2021"},
        {"published_at__year": "2019", "published_at__month": "3"},
        {"published_at__year": "2019", "published_at__month": "3", "published_at__day": "8"},
        {"published_at__year": "2020"},
        {"category__id__exact": "0"},
    ],
)
def test_the_date_bar_is_djangos_own(editor, years, params):
    cl = editor.get(CHANGELIST, params).context["cl"]
    assert cheap_date_hierarchy(cl) == date_hierarchy(cl)


@pytest.mark.parametrize("dates", [[local(2024, 5, 1)], [local(2024, 5, 1), local(2024, 9, 2)]])
def test_the_date_bar_opens_a_single_year_or_month_as_django_does(editor, dates):
    for when in dates:
        ArticleFactory(published_at=when)
    cl = editor.get(CHANGELIST).context["cl"]
    assert cheap_date_hierarchy(cl) == date_hierarchy(cl)


# A request costs: session, user, the user's permissions (2), the filters' units, categories
# and writers, the count, the rows, the signed-in person's name; the list adds the date bar's
# first and last dates and its probes (a search has no date bar).
QUERIES = {"list": 12, "search": 10}


@pytest.mark.parametrize("kind", sorted(QUERIES))
def test_queries_do_not_grow_with_the_number_of_articles(
    editor, django_assert_max_num_queries, kind
):
    query = {"q": "hoi nghi"} if kind == "search" else {}
    articles(3)
    with django_assert_max_num_queries(QUERIES[kind]):
        small = editor.get(CHANGELIST, query)
    assert small.context["cl"].result_count == 3
    articles(1001)
    with django_assert_max_num_queries(QUERIES[kind]) as captured:
        big = editor.get(CHANGELIST, query)
    assert big.context["cl"].result_count == 1000
    assert len(captured) == QUERIES[kind]
    (count,) = [q["sql"] for q in captured.captured_queries if "COUNT(*)" in q["sql"]]
    assert "LIMIT 1001" in count and "ORDER BY" not in count
