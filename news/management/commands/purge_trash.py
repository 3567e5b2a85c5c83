import datetime as dt

from django.core.management.base import BaseCommand

from news import trash


class Command(BaseCommand):
    help = f"Xóa hẳn các bài đã ở thùng rác quá {trash.KEEP_DAYS} ngày, cùng ảnh và ảnh thu nhỏ."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=trash.KEEP_DAYS,
            help=f"xóa bài đã ở thùng rác quá N ngày (mặc định {trash.KEEP_DAYS})",
        )

    def handle(self, *args, days, **options):
        removed = trash.purge(older_than=dt.timedelta(days=days))
        for title, files in removed:
            self.stdout.write(f"Đã xóa hẳn bài «{title}» ({len(files)} tệp)")
            for name in files:
                self.stdout.write(f"  {name}")
        self.stdout.write(f"Đã xóa hẳn {len(removed)} bài khỏi thùng rác.")
