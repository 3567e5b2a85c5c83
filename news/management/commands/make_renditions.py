from django.core.management.base import BaseCommand

from news import renditions


class Command(BaseCommand):
    help = (
        "Tạo các bản thu nhỏ (thẻ tin, ảnh lớn, ảnh chia sẻ; WebP và JPEG) còn thiếu cho mọi ảnh "
        "đại diện, ảnh trong bài và ảnh thư viện; --force tạo lại tất cả."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="tạo lại cả những bản đã có")

    def handle(self, *args, force, **options):
        names = renditions.all_names()
        written = sum(renditions.make(name, force=force) for name in names)
        self.stdout.write(f"Bản thu nhỏ: {len(names)} ảnh, {written} tệp mới tạo.")
