import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import formats, translation

from news.templatetags.news_tags import vn_date, vn_datetime


@pytest.mark.parametrize(
    "utc, expected",
    [
        (dt.datetime(2020, 12, 28, 8, 30, tzinfo=dt.UTC), "Thứ Hai, 28/12/2020 15:30"),
        (dt.datetime(2020, 12, 30, 17, 5, tzinfo=dt.UTC), "Thứ Năm, 31/12/2020 00:05"),
        (dt.datetime(2021, 1, 2, 23, 59, tzinfo=dt.UTC), "Chủ Nhật, 03/01/2021 06:59"),
        (dt.datetime(2021, 1, 1, 23, 59, tzinfo=dt.UTC), "Thứ Bảy, 02/01/2021 06:59"),
    ],
)
def test_vietnamese_date_with_weekday_in_local_time(utc, expected):
    assert vn_datetime(utc) == expected


def test_short_date_and_empty_values():
    assert vn_date(dt.datetime(2020, 12, 27, 20, 0, tzinfo=dt.UTC)) == "28/12/2020"
    assert vn_datetime(None) == "" and vn_date(None) == ""


def test_django_date_filter_uses_the_portal_formats():
    moment = dt.datetime(2020, 12, 28, 8, 30, tzinfo=dt.UTC)
    with translation.override("vi"):
        assert Template("{{ d|date }}").render(Context({"d": moment})) == "28/12/2020"
        assert formats.get_format("DATETIME_FORMAT") == "d/m/Y H:i"


def test_machine_readable_datetime_has_whole_seconds_and_the_offset():
    from news.templatetags.news_tags import iso_datetime

    moment = dt.datetime(2020, 12, 28, 8, 30, 5, 66753, tzinfo=dt.UTC)
    assert iso_datetime(moment) == "2020-12-28T15:30:05+07:00"
