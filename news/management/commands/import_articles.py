import time

from django.core.management.base import BaseCommand, CommandError

from news.importing import ImportRefused, import_articles


class Command(BaseCommand):
    help = (
        "Nạp hàng loạt bài viết từ tệp JSON lines (mỗi dòng một bài: title, summary, body, "
        "category, published_at, author, unit, slug, featured, status). Làm sạch nội dung, tạo "
        "đường dẫn và chữ tìm kiếm như khi lưu từng bài. Một dòng lỗi thì không nạp gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Tệp .jsonl (UTF-8)")

    def handle(self, *args, path, **options):
        started = time.perf_counter()
        try:
            report = import_articles(lambda: open(path, encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"Không đọc được tệp {path}: {error.strerror}") from None
        except UnicodeDecodeError:
            raise CommandError(f"Tệp {path} không phải UTF-8.") from None
        except ImportRefused as refused:
            for number, message in refused.report.errors[:50]:
                self.stderr.write(f"Dòng {number}: {message}")
            more = len(refused.report.errors) - 50
            if more > 0:
                self.stderr.write(f"… và {more} dòng lỗi khác.")
            raise CommandError(
                f"Không nạp bài nào: {len(refused.report.errors)} trong "
                f"{refused.report.read} dòng có lỗi."
            ) from None
        seconds = time.perf_counter() - started
        if report.new_categories:
            self.stdout.write("Chuyên mục mới: " + ", ".join(report.new_categories))
        self.stdout.write(
            self.style.SUCCESS(f"Đã nạp {report.created} bài trong {seconds:.1f} giây.")
        )
