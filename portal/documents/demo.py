"""Demo documents: invented Vietnamese texts, each with small files made in code (samples.py).

``load(stdout)`` is idempotent: a document is found by its number and issuer, a file by its
document and order; a second run creates nothing. Files go through files.check_document() as any
upload does.
"""

import datetime as dt

from django.utils import timezone

from news.models import Article
from news.text import vietnamese_slugify

from . import samples
from .files import as_upload
from .models import Document, DocumentFile, DocumentType, Field, Issuer

# Dates are days before the first load ("issued", "effective", "expires"); "files" are (kind,
# title); "articles" are titles of news/demo_content.py articles the document is linked to.
DOCUMENTS = [
    {
        "number": "214/KH-LĐLĐ",
        "type": "Kế hoạch",
        "issuer": "Liên đoàn Lao động tỉnh",
        "field": "Tổ chức công đoàn",
        "summary": "Kế hoạch tổ chức các hoạt động chăm lo Tết cho đoàn viên, người lao động "
        "có hoàn cảnh khó khăn năm 2027",
        "signer": "Phó Chủ tịch Trần Thị Minh Hạnh",
        "issued": 5,
        "files": [("pdf", ""), ("xlsx", "Phụ lục: chỉ tiêu phân bổ quà Tết theo đơn vị")],
        "articles": ["Trao 30 Mái ấm Công đoàn cho đoàn viên khó khăn về nhà ở"],
    },
    {
        "number": "08-NQ/BCH",
        "type": "Nghị quyết",
        "issuer": "Ban Chấp hành Liên đoàn Lao động tỉnh",
        "field": "Tổ chức công đoàn",
        "summary": "Nghị quyết hội nghị lần thứ tám Ban Chấp hành Liên đoàn Lao động tỉnh về "
        "nhiệm vụ trọng tâm năm 2027",
        "signer": "Chủ tịch Lê Quang Thái",
        "issued": 12,
        "files": [("pdf", "")],
        "articles": ["Hội nghị Ban Chấp hành Liên đoàn Lao động tỉnh lần thứ tám"],
    },
    {
        "number": "1120/QĐ-LĐLĐ",
        "type": "Quyết định",
        "issuer": "Liên đoàn Lao động tỉnh",
        "field": "Thi đua, khen thưởng",
        "summary": "Quyết định khen thưởng các tập thể, cá nhân có sáng kiến tiêu biểu trong "
        "phong trào lao động giỏi, lao động sáng tạo",
        "signer": "Chủ tịch Lê Quang Thái",
        "issued": 20,
        "files": [("pdf", ""), ("xlsx", "Danh sách tập thể, cá nhân được khen thưởng")],
        "articles": ["Tuyên dương 45 sáng kiến tiêu biểu trong phong trào lao động sáng tạo"],
    },
    {
        "number": "37/HD-LĐLĐ",
        "type": "Hướng dẫn",
        "issuer": "Liên đoàn Lao động tỉnh",
        "field": "Chính sách, pháp luật",
        "summary": "Hướng dẫn công đoàn cơ sở tuyên truyền, phổ biến Luật Công đoàn năm 2024 "
        "đến đoàn viên và người lao động",
        "signer": "Phó Chủ tịch Đỗ Văn Bình",
        "issued": 45,
        "effective": 40,
        "files": [("docx", "")],
        "articles": ["Đưa Luật Công đoàn năm 2024 đến gần hơn với công nhân khu công nghiệp"],
    },
    {
        "number": "562/CV-LĐLĐ",
        "type": "Công văn",
        "issuer": "Liên đoàn Lao động tỉnh",
        "field": "An toàn, vệ sinh lao động",
        "summary": "Về việc tăng cường kiểm tra công tác an toàn, vệ sinh lao động và phòng "
        "chống cháy nổ tại doanh nghiệp cuối năm",
        "signer": "Phó Chủ tịch Đỗ Văn Bình",
        "issued": 60,
        "files": [("pdf", "")],
        "articles": ["Huấn luyện an toàn, vệ sinh lao động cho 120 an toàn, vệ sinh viên"],
    },
    {
        "number": "15/TB-UBKT",
        "type": "Thông báo",
        "issuer": "Ủy ban Kiểm tra Liên đoàn Lao động tỉnh",
        "field": "Kiểm tra, giám sát",
        "summary": "Thông báo kết quả kiểm tra tài chính công đoàn cơ sở quý III năm 2026",
        "signer": "Chủ nhiệm Ủy ban Kiểm tra Phạm Thu Trang",
        "issued": 75,
        "files": [("pdf", ""), ("docx", "Biểu mẫu báo cáo tự kiểm tra")],
        "articles": [],
    },
    {
        "number": "2051/QĐ-TLĐ",
        "type": "Quyết định",
        "issuer": "Tổng Liên đoàn Lao động Việt Nam",
        "field": "Tiền lương, bảo hiểm xã hội",
        "summary": "Quyết định ban hành quy định về mức hỗ trợ đoàn viên công đoàn bị mất việc "
        "làm, giảm thời gian làm việc (văn bản mẫu, không phải văn bản thật)",
        "signer": "Phó Chủ tịch Thường trực",
        "issued": 400,
        "effective": 390,
        "expires": 30,
        "files": [("pdf", "")],
        "articles": ["Tư vấn pháp luật miễn phí về bảo hiểm xã hội cho người lao động"],
    },
    {
        "number": "96/BC-LĐLĐ",
        "type": "Báo cáo",
        "issuer": "Ban Thường vụ Liên đoàn Lao động tỉnh",
        "field": "Nữ công",
        "summary": "Báo cáo sơ kết công tác nữ công và phong trào thi đua “Giỏi việc nước, đảm "
        "việc nhà” trong nữ công nhân viên chức, lao động",
        "signer": "Phó Chủ tịch Trần Thị Minh Hạnh",
        "issued": 100,
        "files": [("docx", ""), ("xlsx", "Số liệu theo công đoàn cấp trên cơ sở")],
        "articles": ["Hội thi Nữ công nhân khéo tay thu hút 20 đội tham gia"],
    },
]


def load(stdout):
    new_documents = new_files = 0
    for data in DOCUMENTS:
        document, created = make_document(data)
        new_documents += created
        for order, (kind, title) in enumerate(data["files"], start=1):
            if not DocumentFile.objects.filter(document=document, order=order).exists():
                attach(document, order, kind, title)
                new_files += 1
    stdout.write(f"Văn bản: {len(DOCUMENTS)} (mới {new_documents}, tệp mới {new_files})")


def make_document(data):
    today = timezone.localdate()

    def day(key):
        return today - dt.timedelta(days=data[key]) if key in data else None

    issuer, _ = Issuer.objects.get_or_create(name=data["issuer"])
    document, created = Document.objects.get_or_create(
        number=data["number"],
        issuer=issuer,
        defaults={
            "doc_type": DocumentType.objects.get_or_create(name=data["type"])[0],
            "field": Field.objects.get_or_create(name=data["field"])[0],
            "summary": data["summary"],
            "signer": data["signer"],
            "issued_on": day("issued"),
            "effective_on": day("effective"),
            "expires_on": day("expires"),
            "published_at": timezone.now() - dt.timedelta(days=data["issued"]),
        },
    )
    if created:
        slugs = [vietnamese_slugify(title) for title in data["articles"]]
        document.articles.set(Article.objects.filter(slug__in=slugs))
    return document, created


def attach(document, order, kind, title):
    heading = f"{document.doc_type.name} số {document.number}"
    if kind == "pdf":
        data = samples.pdf([heading, document.summary[:80], "Văn bản mẫu cho cổng thông tin."])
    elif kind == "docx":
        data = samples.docx([heading, title or document.summary, "Văn bản mẫu."])
    else:
        rows = [[n, f"Công đoàn cơ sở số {n}", 10 * n] for n in range(1, 11)]
        data = samples.xlsx("Phụ lục", ["STT", "Đơn vị", "Số lượng"], rows)
    name = f"{vietnamese_slugify(title or document.number.replace('/', ' '))}.{kind}"
    attached = DocumentFile(document=document, order=order, title=title)
    attached.file.save(name, as_upload(data, name), save=True)
