"""One small portal, built once per test, and the public page types the browser checks visit."""

import datetime as dt

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from portal.mostread.models import DailyViews
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    DocumentFactory,
    LinkFactory,
    PhotoFactory,
    QuestionFactory,
)


def search_url_or_none(query):
    try:
        return reverse("news:search") + "?q=" + query
    except NoReverseMatch:
        return None


SEARCH_MISSING = search_url_or_none("") is None
SEARCH_MISSING_REASON = "the search view (news:search) is not in this branch yet"

BODY = (
    "<p>Ban Chấp hành Liên đoàn Lao động tỉnh vừa tổng kết chương trình chăm lo cho đoàn viên "
    "có hoàn cảnh khó khăn, với nhiều phần quà được trao tận tay người lao động.</p>"
    "<h2>Những con số nổi bật</h2>"
    "<ul><li>Hơn 1.200 suất quà Tết</li><li>35 mái ấm công đoàn được khởi công</li></ul>"
    "<blockquote><p>Không để đoàn viên nào thiếu Tết vì khó khăn.</p></blockquote>"
    '<p>Xem thêm tại <a href="https://example.gov.vn/van-ban">trang văn bản</a>.</p>'
    # What breaks a phone layout: a wide table and a long address with no space in it.
    "<table><tbody><tr>"
    + "".join(f"<td>{n}.250.000.000 đồng</td>" for n in range(1, 9))
    + "</tr></tbody></table>"
    "<p>https://example.gov.vn/van-ban/huong-dan-thuc-hien-che-do-bao-hiem-xa-hoi-2026.pdf</p>"
)


def build_site():
    """Two categories, enough articles for a second page, one article with a cover and photos."""
    now = timezone.now()
    phong_trao = CategoryFactory(
        name="Phong trào thi đua", slug="phong-trao-thi-dua", order=1,
        description="Tin về các phong trào thi đua lao động giỏi, lao động sáng tạo.",
    )  # fmt: skip
    chinh_sach = CategoryFactory(name="Chính sách pháp luật", slug="chinh-sach-phap-luat", order=2)
    older = [
        ArticleFactory(
            category=phong_trao,
            title=f"Công nhân khu công nghiệp thi tay nghề giỏi lần thứ {n}",
            published_at=now - dt.timedelta(days=n + 2),
        )
        for n in range(1, 14)
    ]
    main = ArticleFactory(
        with_cover=True,
        category=phong_trao,
        title="Trao tặng mái ấm công đoàn cho đoàn viên khó khăn ở huyện Đồng Xuân",
        summary="Liên đoàn Lao động tỉnh trao tặng ba mái ấm công đoàn cho đoàn viên nghèo.",
        body=BODY,
        is_featured=True,
        published_at=now - dt.timedelta(days=1),
    )
    for n in range(3):
        PhotoFactory(article=main, order=n)
    newer = ArticleFactory(
        category=phong_trao,
        title="Hội thi an toàn vệ sinh lao động thu hút 40 đội tham gia",
        published_at=now - dt.timedelta(hours=3),
    )
    ArticleFactory(
        category=chinh_sach,
        title="Hướng dẫn mới về đóng bảo hiểm xã hội tự nguyện",
        is_featured=True,
    )
    # Every sidebar block filled: most read, recent documents, recent answers (site links come
    # from the site settings row).
    DailyViews.objects.create(article=main, day=timezone.localdate(), count=42)
    DailyViews.objects.create(article=newer, day=timezone.localdate(), count=17)
    DocumentFactory(summary="Kế hoạch tổ chức Tháng Công nhân năm 2026")
    QuestionFactory(published=True)
    LinkFactory(name="Tổng Liên đoàn Lao động Việt Nam", url="https://www.congdoan.vn")
    return {"categories": [phong_trao, chinh_sach], "main": main, "newer": newer, "older": older}


def page_paths(site):
    """Path of every public page type, keyed by a name used in test ids."""
    paths = {
        "home": reverse("news:home"),
        "list": reverse("news:article-list"),
        "list-page-2": reverse("news:article-list") + "?page=2",
        "category": site["categories"][0].get_absolute_url(),
        "detail": site["main"].get_absolute_url(),
        "404": "/khong-co-trang-nay/",
    }
    search = search_url_or_none("mai+am+cong+doan")
    if search:
        paths["search"] = search
    return paths
