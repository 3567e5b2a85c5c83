import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from news.media_files import local_root
from portal.backups.archive import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu và thư mục ảnh vào một tệp portal-YYYYMMDD-HHMM.tar.gz "
        "(kèm manifest: mã SHA-256 của từng tệp, số dòng của từng bảng)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            type=Path,
            default=None,
            help="thư mục chứa bản sao lưu (mặc định DJANGO_BACKUP_DIR hoặc backups/)",
        )

    def handle(self, *args, dir=None, **options):
        started = time.monotonic()
        try:
            path, manifest = create_backup(dir or settings.BACKUP_DIR)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if local_root() is None:
            self.stdout.write(
                self.style.WARNING(
                    "Ảnh nằm trong kho S3 (DJANGO_MEDIA_STORAGE=s3), không có trong bản sao lưu "
                    "này: hãy bật versioning hoặc sao chép cho kho."
                )
            )
        rows = sum(manifest["tables"].values())
        files = sum(name.startswith("media/") for name in manifest["files"])
        size = path.stat().st_size
        self.stdout.write(
            f"{len(manifest['tables'])} bảng, {rows} dòng ({manifest['vendor']}), {files} tệp ảnh"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã sao lưu: {path} ({size / 1e6:.1f} MB, {time.monotonic() - started:.1f} s)"
            )
        )
