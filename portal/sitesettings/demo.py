"""Demo details of a made-up province's federation (tỉnh Đông Hải); every name, address and
number is invented. Idempotent: a field an editor has filled is left alone, a link is added once."""

from .models import Link, SiteSettings

DETAILS = {
    "federation_name": "Liên đoàn Lao động tỉnh Đông Hải",
    "province_name": "tỉnh Đông Hải",
    "portal_name": "Cổng thông tin điện tử Liên đoàn Lao động tỉnh Đông Hải",
    "short_name": "LĐLĐ tỉnh Đông Hải",
    "address": "Số 27 đường Lê Thánh Tông, phường Bến Ngự, thành phố Hải Thịnh, tỉnh Đông Hải",
    "phone": "0297 3861 245",
    "hotline": "0297 3861 999",
    "email": "vanphong@ldld-donghai.example.vn",
    "licence": "Giấy phép số 08/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Đông Hải cấp "
    "ngày 14/4/2025",
    "responsible_name": "Trịnh Thu Hà",
    "responsible_title": "Phó Chủ tịch Liên đoàn Lao động tỉnh Đông Hải",
}

LINKS = [
    (Link.Kind.HIGHER, "Tổng Liên đoàn Lao động Việt Nam", "https://www.congdoan.vn"),
    (Link.Kind.HIGHER, "Cổng thông tin điện tử tỉnh Đông Hải", "https://donghai.example.gov.vn"),
    (Link.Kind.SISTER, "Liên đoàn Lao động tỉnh Bắc Hải", "https://ldld-bachai.example.vn"),
    (Link.Kind.SISTER, "Liên đoàn Lao động tỉnh Nam Sơn", "https://ldld-namson.example.vn"),
    (
        Link.Kind.SISTER,
        "Công đoàn các Khu công nghiệp tỉnh Đông Hải",
        "https://cdkcn-donghai.example.vn",
    ),
    (Link.Kind.SOCIAL, "Facebook", "https://www.facebook.com/ldld.donghai.example"),
    (Link.Kind.SOCIAL, "YouTube", "https://www.youtube.com/@ldld-donghai-example"),
]


def load(stdout):
    site = SiteSettings.get_solo()
    defaults = {field: SiteSettings._meta.get_field(field).get_default() for field in DETAILS}
    filled = [
        field
        for field, value in DETAILS.items()
        if getattr(site, field) == defaults[field] and getattr(site, field) != value
    ]
    for field in filled:
        setattr(site, field, DETAILS[field])
    if filled:
        site.save(update_fields=filled)
    new_links = 0
    for order, (kind, name, url) in enumerate(LINKS, start=1):
        _, created = Link.objects.get_or_create(
            site=site, url=url, defaults={"kind": kind, "name": name, "order": order}
        )
        new_links += created
    stdout.write(
        f"Thông tin chung: {len(filled)} mục điền mới, liên kết: {len(LINKS)} (mới {new_links})"
    )
