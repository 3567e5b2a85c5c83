"""The usual types of documents, issuers and fields a federation starts with; staff edit them."""

from django.db import migrations

from news.text import vietnamese_slugify

TYPES = [
    "Nghị quyết",
    "Quyết định",
    "Chỉ thị",
    "Kế hoạch",
    "Hướng dẫn",
    "Công văn",
    "Thông báo",
    "Báo cáo",
    "Quy chế",
    "Chương trình",
]
ISSUERS = [
    "Tổng Liên đoàn Lao động Việt Nam",
    "Ban Chấp hành Liên đoàn Lao động tỉnh",
    "Ban Thường vụ Liên đoàn Lao động tỉnh",
    "Liên đoàn Lao động tỉnh",
    "Ủy ban Kiểm tra Liên đoàn Lao động tỉnh",
]
FIELDS = [
    "Tổ chức công đoàn",
    "Chính sách, pháp luật",
    "Tiền lương, bảo hiểm xã hội",
    "An toàn, vệ sinh lao động",
    "Tuyên giáo",
    "Nữ công",
    "Thi đua, khen thưởng",
    "Tài chính công đoàn",
    "Kiểm tra, giám sát",
]


def create(apps, schema_editor):
    for model_name, names in (("DocumentType", TYPES), ("Issuer", ISSUERS), ("Field", FIELDS)):
        model = apps.get_model("documents", model_name)
        for order, name in enumerate(names, start=1):
            model.objects.get_or_create(
                name=name, defaults={"slug": vietnamese_slugify(name), "order": order}
            )


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
