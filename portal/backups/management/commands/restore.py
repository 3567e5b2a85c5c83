from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backups.archive import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu của lệnh backup vào cơ sở dữ liệu TRỐNG và thư mục ảnh TRỐNG, "
        "kiểm tra mã SHA-256 của từng tệp và số dòng của từng bảng theo manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="tệp portal-YYYYMMDD-HHMM.tar.gz")

    def handle(self, *args, archive, **options):
        try:
            manifest = restore_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Bản sao lưu lúc {manifest['created']}: {len(manifest['tables'])} bảng, {rows} dòng, "
            f"{len(manifest['files'])} tệp đều khớp manifest."
        )
        self.stdout.write(self.style.SUCCESS(f"Đã khôi phục {archive}."))
        self.stdout.write("Nếu mã nguồn mới hơn bản sao lưu, chạy tiếp: python manage.py migrate")
