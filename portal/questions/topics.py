"""The topics a new portal starts with (made by migration 0002; staff may add, rename, reorder)."""

TOPICS = [
    ("Tiền lương", "Lương tối thiểu, cách trả lương, làm thêm giờ, phụ cấp, thưởng."),
    ("Bảo hiểm xã hội", "Đóng và hưởng bảo hiểm xã hội, ốm đau, thai sản, hưu trí, một lần."),
    ("Bảo hiểm thất nghiệp", "Trợ cấp thất nghiệp, hồ sơ và thời hạn hưởng."),
    ("Hợp đồng lao động", "Giao kết, thử việc, chấm dứt hợp đồng, trợ cấp thôi việc."),
    ("Kỷ luật lao động", "Nội quy, hình thức kỷ luật, sa thải, bồi thường thiệt hại."),
    ("Thời giờ làm việc – nghỉ ngơi", "Giờ làm, ca đêm, nghỉ hằng năm, nghỉ lễ, Tết."),
    ("An toàn, vệ sinh lao động", "Tai nạn lao động, bệnh nghề nghiệp, bảo hộ lao động."),
    ("Công đoàn", "Đoàn viên, đoàn phí, quyền của công đoàn cơ sở, thỏa ước lao động tập thể."),
    ("Lao động nữ", "Thai sản, nuôi con nhỏ, bảo vệ lao động nữ."),
    ("Tranh chấp lao động", "Hòa giải, khiếu nại, khởi kiện, đình công."),
]


def ensure_topics(Topic):
    """Create the missing starting topics (model passed in: migrations use their historical one).

    Slugs come from news.text, as Topic.save() makes them; existing rows are left as they are.
    """
    from news.text import vietnamese_slugify

    for order, (name, description) in enumerate(TOPICS, start=1):
        Topic.objects.get_or_create(
            slug=vietnamese_slugify(name),
            defaults={"name": name, "description": description, "order": order * 10},
        )
