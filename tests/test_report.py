"""Thống kê tin bài: figures on known data, boundaries, downloads, the command, who sees it."""

import csv
import datetime as dt
import io
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from news import workflow
from news.models import Article
from portal.newsroom import report
from tests.factories import (
    ArticleFactory,
    ContentAdminFactory,
    CorrespondentFactory,
    PhotoFactory,
    StaffFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db

URL = "/admin/newsroom/unit/report/"
MARCH = (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
HEADERS = ["Đơn vị", "Tác giả", "Gửi duyệt", "Bị trả lại", "Đã đăng", "Ảnh đã đăng"]
# What the March 2025 data below must give: (unit, author, submitted, returned, published, photos).
EXPECTED = [
    ["CĐCKCN", "Nguyễn Thị An", 2, 1, 2, 4],
    ["CĐCKCN", "Trần Văn Bình", 1, 0, 0, 0],
    ["CĐ Ngành Y tế", "Lê Thị Cúc", 2, 0, 1, 2],
    ["CĐ Ngành Y tế", "Phạm Văn Dũng", 3, 2, 1, 2],
]
TOTAL = ["Tổng cộng", "", 8, 3, 4, 8]


def local(*args):
    return timezone.make_aware(dt.datetime(*args))


class Newsroom:
    """Two units, two correspondents each, an editor; steps taken at chosen times."""

    def __init__(self):
        self.zone = UnitFactory(short_name="CĐCKCN", name="Công đoàn các KCN", order=1)
        self.health = UnitFactory(short_name="CĐ Ngành Y tế", name="Công đoàn Ngành Y tế", order=2)
        self.editor = StaffFactory(username="bientap", full_name="Võ Biên Tập")
        people = [
            ("an", "Nguyễn Thị An", self.zone),
            ("binh", "Trần Văn Bình", self.zone),
            ("cuc", "Lê Thị Cúc", self.health),
            ("dung", "Phạm Văn Dũng", self.health),
        ]
        for username, full_name, unit in people:
            user = CorrespondentFactory(username=f"ctv_{username}", full_name=full_name, unit=unit)
            setattr(self, username, user)

    def article(self, author, *, photos=0, cover=False):
        article = ArticleFactory(
            draft=True, with_cover=cover, author_unit=author.profile.unit, created_by=author
        )
        for _ in range(photos):
            PhotoFactory(article=article)
        return article

    def step(self, article, name, at, *, by=None, publish_at=None):
        if by is None:
            by = article.created_by if name == "submit" else self.editor
        comment = "Cần bổ sung ảnh." if name in {"return", "withdraw"} else ""
        row = workflow.transition(article, name, by=by, comment=comment, publish_at=publish_at)
        type(row).objects.filter(pk=row.pk).update(at=at)
        return row


@pytest.fixture
def newsroom():
    n = Newsroom()
    # Nguyễn Thị An: the first minute of the month counts, the last second before does not.
    first = n.article(n.an, photos=2, cover=True)
    n.step(first, "submit", local(2025, 3, 1, 0, 0))
    n.step(first, "return", local(2025, 3, 1, 0, 30))
    n.step(first, "submit", local(2025, 3, 2, 9))
    n.step(first, "publish", local(2025, 3, 3, 8), publish_at=local(2025, 3, 3, 8))
    second = n.article(n.an, photos=1)
    n.step(second, "submit", local(2025, 2, 28, 23, 59, 59))
    last_second = local(2025, 3, 31, 23, 59, 59)
    n.step(second, "publish", local(2025, 3, 30), publish_at=last_second)
    # Trần Văn Bình: sent on the last evening, returned and published after midnight.
    third = n.article(n.binh, photos=1, cover=True)
    n.step(third, "submit", local(2025, 3, 31, 23, 59))
    n.step(third, "return", local(2025, 4, 1, 0, 0))
    fourth = n.article(n.binh, photos=2, cover=True)
    n.step(fourth, "publish", local(2025, 4, 1), publish_at=local(2025, 4, 1, 0, 0))
    # Lê Thị Cúc: one live then withdrawn (counts), one withdrawn before its time (does not).
    fifth = n.article(n.cuc, photos=1, cover=True)
    n.step(fifth, "submit", local(2025, 3, 10, 7))
    n.step(fifth, "publish", local(2025, 3, 10, 8), publish_at=local(2025, 3, 10, 8))
    n.step(fifth, "withdraw", local(2025, 3, 12))
    sixth = n.article(n.cuc, photos=3, cover=True)
    n.step(sixth, "submit", local(2025, 3, 5))
    n.step(sixth, "publish", local(2025, 3, 6), publish_at=local(2025, 3, 20))
    n.step(sixth, "withdraw", local(2025, 3, 15))
    # Phạm Văn Dũng: published, withdrawn and published again counts once; returned twice;
    # an article in the trash does not count.
    seventh = n.article(n.dung, photos=2)
    n.step(seventh, "submit", local(2025, 3, 14))
    n.step(seventh, "publish", local(2025, 3, 15), publish_at=local(2025, 3, 15))
    n.step(seventh, "withdraw", local(2025, 3, 16))
    n.step(seventh, "publish", local(2025, 3, 17))
    eighth = n.article(n.dung)
    for day, name in [(1, "submit"), (2, "return"), (3, "submit"), (4, "return")]:
        n.step(eighth, name, local(2025, 3, day, 10))
    ninth = n.article(n.dung, photos=1, cover=True)
    n.step(ninth, "publish", local(2025, 3, 20), publish_at=local(2025, 3, 20))
    Article.objects.filter(pk=ninth.pk).update(deleted_at=timezone.now())
    # Outside the report's units and authors: nothing in March.
    n.step(n.article(n.an), "submit", local(2025, 2, 1))
    return n


def figures(result):
    return [row.cells for row in result.rows]


def test_figures_per_unit_and_author(newsroom, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        result = report.build(*MARCH)

    assert figures(result) == EXPECTED
    assert result.total.cells == TOTAL
    assert [row.cells for row in result.units] == [
        ["CĐCKCN", "", 3, 1, 2, 4],
        ["CĐ Ngành Y tế", "", 5, 2, 2, 4],
    ]
    assert result.period == "Tháng 03/2025"


def test_query_count_does_not_grow_with_units_and_authors(newsroom, django_assert_num_queries):
    for index in range(5):
        author = CorrespondentFactory(unit=UnitFactory(short_name=f"CĐCS {index}"))
        newsroom.step(newsroom.article(author, photos=1), "submit", local(2025, 3, 9))
    with django_assert_num_queries(4):
        result = report.build(*MARCH)
    assert result.total.submitted == TOTAL[2] + 5


def test_a_scheduled_article_counts_once_its_time_has_come(newsroom):
    before = report.build(*MARCH, now=local(2025, 3, 31, 23, 59, 58))
    after = report.build(*MARCH, now=local(2025, 3, 31, 23, 59, 59))

    assert before.rows[0].cells == ["CĐCKCN", "Nguyễn Thị An", 2, 1, 1, 3]
    assert after.rows[0].cells == EXPECTED[0]


def test_days_are_local_days(newsroom):
    # 1 March local starts at 17:00 UTC on 28 February: one day catches exactly that day's steps.
    first_day = report.build(dt.date(2025, 3, 1), dt.date(2025, 3, 1))
    assert [row.cells for row in first_day.rows] == [
        ["CĐCKCN", "Nguyễn Thị An", 1, 1, 0, 0],
        ["CĐ Ngành Y tế", "Phạm Văn Dũng", 1, 0, 0, 0],
    ]
    assert first_day.period == "Từ 01/03/2025 đến 01/03/2025"
    april = report.build(*report.month_bounds(2025, 4))
    assert [row.cells for row in april.rows] == [["CĐCKCN", "Trần Văn Bình", 0, 1, 1, 3]]


def test_an_empty_period_has_zero_totals(newsroom):
    result = report.build(dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    assert result.rows == []
    assert result.total.cells == ["Tổng cộng", "", 0, 0, 0, 0]


def test_csv_has_a_bom_vietnamese_headers_and_the_figures(newsroom):
    text = report.as_csv(report.build(*MARCH))

    assert text.startswith("\ufeffĐơn vị,")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0] == HEADERS
    assert rows[1:] == [[str(cell) for cell in row] for row in [*EXPECTED, TOTAL]]


def test_xlsx_cell_by_cell(newsroom):
    workbook = load_workbook(io.BytesIO(report.as_xlsx(report.build(*MARCH))))

    assert workbook.sheetnames == ["Theo tác giả", "Theo đơn vị"]
    sheet = workbook["Theo tác giả"]
    assert sheet["A1"].value == "Thống kê tin bài - Tháng 03/2025"
    assert [cell.value for cell in sheet[2]] == HEADERS
    assert all(cell.font.bold for cell in sheet[2])
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
    assert values == [*EXPECTED, [*TOTAL[:1], None, *TOTAL[2:]]]
    assert sheet.column_dimensions["A"].width == 40
    assert sheet.column_dimensions["B"].width == 32
    units = workbook["Theo đơn vị"]
    assert [cell.value for cell in units[2]] == ["Đơn vị", *HEADERS[2:]]
    assert [[c.value for c in row] for row in units.iter_rows(min_row=3)] == [
        ["CĐCKCN", 3, 1, 2, 4],
        ["CĐ Ngành Y tế", 5, 2, 2, 4],
        ["Tổng cộng", 8, 3, 4, 8],
    ]


def command(*args):
    out = StringIO()
    call_command("newsroom_report", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_command_prints_the_same_csv(newsroom):
    expected = report.as_csv(report.build(*MARCH))
    assert command("--month", "2025-03") == expected
    assert command("--from", "2025-03-01", "--to", "2025-03-31", "--format", "csv") == expected
    assert "ctv_an" not in expected and "Nguyễn Thị An" in expected


def test_command_writes_xlsx(newsroom, tmp_path):
    target = tmp_path / "thang3.xlsx"
    command("--month", "2025-03", "--format", "xlsx", "--output", str(target))
    sheet = load_workbook(target)["Theo tác giả"]
    assert sheet["B3"].value == "Nguyễn Thị An"
    assert sheet["C7"].value == 8


@pytest.mark.parametrize(
    "args",
    [
        ["--month", "2025-13"],
        ["--month", "abc"],
        ["--from", "2025-03-01"],
        ["--from", "2025-03-10", "--to", "2025-03-01"],
        ["--month", "2025-03", "--from", "2025-03-01", "--to", "2025-03-02"],
        ["--format", "xlsx"],
    ],
)
def test_command_refuses_bad_periods(args):
    with pytest.raises(CommandError):
        command(*args)


# The admin page


def test_editor_sees_the_table_with_vietnamese_headers_and_full_names(newsroom, client):
    client.force_login(newsroom.editor)
    response = client.get(URL, {"thang": "2025-03"})

    assert response.status_code == 200
    html = response.content.decode()
    for header in HEADERS:
        assert f'<th scope="col">{header}</th>' in html
    assert "<td>Phạm Văn Dũng</td>" in html
    assert "ctv_dung" not in html
    assert response.context["report"].total.cells == TOTAL
    assert "lượt xem" in html
    assert "tai=xlsx" in html and "tai=csv" in html


def test_page_downloads_csv_and_xlsx(newsroom, client):
    client.force_login(ContentAdminFactory())
    csv_response = client.get(URL, {"thang": "2025-03", "tai": "csv"})
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in csv_response["Content-Disposition"]
    assert csv_response.content.decode("utf-8") == report.as_csv(report.build(*MARCH))

    xlsx_response = client.get(URL, {"tu": "2025-03-01", "den": "2025-03-31", "tai": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    assert sheet["A1"].value == "Thống kê tin bài - Tháng 03/2025"
    assert sheet["E7"].value == 4


def test_no_period_means_the_current_month(client):
    client.force_login(StaffFactory())
    response = client.get(URL)
    today = timezone.localdate()
    assert response.status_code == 200
    assert response.context["report"].start == today.replace(day=1)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"thang": "abc"}, "Tháng không hợp lệ"),
        ({"thang": "2025-00"}, "Tháng không hợp lệ"),
        ({"tu": "31/02/2025", "den": "2025-03-01"}, "Ngày bắt đầu không hợp lệ"),
        ({"tu": "2025-03-10", "den": "2025-03-01"}, "Ngày kết thúc phải từ ngày bắt đầu"),
        ({"tu": "2025-03-10"}, "Hãy nhập cả ngày bắt đầu và ngày kết thúc"),
        ({"tu": "2024-01-01", "den": "2025-03-01"}, "dài nhất là một năm"),
        ({"thang": "2025-03", "tu": "2025-03-01", "den": "2025-03-02"}, "không chọn cả hai"),
    ],
)
def test_bad_periods_are_vietnamese_errors_not_500(client, query, message):
    client.force_login(StaffFactory())
    response = client.get(URL, {**query, "tai": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert message in response.content.decode()
    assert response.context["report"] is None


def test_correspondent_gets_403_and_no_link(client):
    correspondent = CorrespondentFactory()
    client.force_login(correspondent)
    assert client.get(URL, {"thang": "2025-03"}).status_code == 403
    assert client.get(URL, {"thang": "2025-03", "tai": "csv"}).status_code == 403
    assert URL not in client.get(reverse("admin:index")).content.decode()


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


@pytest.mark.parametrize("factory", [StaffFactory, ContentAdminFactory])
def test_admin_index_links_to_the_report(client, factory):
    client.force_login(factory())
    html = client.get(reverse("admin:index")).content.decode()
    assert f'<a href="{URL}">Thống kê tin bài</a>' in html
