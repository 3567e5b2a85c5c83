import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.newsroom import report


def iso_date(value):
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Ngày không hợp lệ: {value!r} (dạng 2026-11-28).") from None


class Command(BaseCommand):
    help = (
        "Thống kê tin bài theo đơn vị và tác giả (gửi duyệt, bị trả lại, đã đăng, ảnh đã đăng) "
        "cho một tháng hoặc một khoảng ngày; mặc định là tháng này. In CSV ra màn hình, hoặc "
        "ghi tệp XLSX/CSV với --output."
    )

    def add_arguments(self, parser):
        parser.add_argument("--month", metavar="YYYY-MM", help="Tháng, ví dụ 2026-11.")
        parser.add_argument("--from", dest="start", type=iso_date, metavar="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", type=iso_date, metavar="YYYY-MM-DD")
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument("--output", metavar="TỆP", help="Ghi vào tệp thay vì in ra.")

    def handle(self, *args, month, start, end, format, output, **options):
        if month and (start or end):
            raise CommandError("Dùng --month hoặc --from/--to, không dùng cả hai.")
        if start or end:
            if not (start and end):
                raise CommandError("Cần cả --from và --to.")
            if end < start:
                raise CommandError("--to phải từ ngày --from trở đi.")
        elif month:
            try:
                first = dt.datetime.strptime(month, "%Y-%m").date()
            except ValueError:
                raise CommandError(f"Tháng không hợp lệ: {month!r} (dạng 2026-11).") from None
            start, end = report.month_bounds(first.year, first.month)
        else:
            today = timezone.localdate()
            start, end = report.month_bounds(today.year, today.month)

        result = report.build(start, end)
        if format == "xlsx":
            if not output:
                raise CommandError("XLSX cần --output tệp.xlsx.")
            Path(output).write_bytes(report.as_xlsx(result))
        elif output:
            Path(output).write_text(report.as_csv(result), encoding="utf-8", newline="")
        else:
            self.stdout.write(report.as_csv(result), ending="")
        if output:
            self.stderr.write(f"Đã ghi {result.title} vào {output}")
