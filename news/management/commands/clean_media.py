from django.core.management.base import BaseCommand, CommandError

from news import media_files


class Command(BaseCommand):
    help = (
        "Xóa các tệp trong MEDIA_ROOT không còn bài nào dùng: ảnh đại diện, ảnh trong bài, ảnh "
        "chèn trong nội dung (cũ hơn 1 ngày), ảnh thu nhỏ, thùng rác của bài đã xóa hẳn."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="chỉ liệt kê, không xóa tệp nào")

    def handle(self, *args, dry_run, **options):
        if media_files.local_root() is None:
            raise CommandError(
                "Ảnh đang lưu trong kho S3 (DJANGO_MEDIA_STORAGE=s3): lệnh này chỉ dọn thư mục ảnh "
                "trên đĩa. Ảnh bị thay hoặc xóa qua trang quản trị đã được xóa khỏi kho ngay."
            )
        names = media_files.orphans()
        for name in names:
            self.stdout.write(f"  {name}")
        if dry_run:
            self.stdout.write(f"Sẽ xóa {len(names)} tệp không còn dùng (chạy thử, chưa xóa).")
            return
        media_files.remove(names)
        self.stdout.write(f"Đã xóa {len(names)} tệp không còn dùng.")
