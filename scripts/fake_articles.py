"""Made-up articles as JSON lines for `manage.py import_articles` (benchmarks, load tests).

    python scripts/fake_articles.py 100000 > /tmp/bai.jsonl

About 2 kB of Vietnamese text each, spread over ten years and eight categories, always the same
for the same count (seeded), so two runs measure the same thing.
"""

import datetime as dt
import json
import random
import sys

CATEGORIES = [
    "Hoạt động công đoàn", "Chính sách pháp luật", "Phong trào thi đua", "Chăm lo đoàn viên",
    "An toàn vệ sinh lao động", "Nữ công", "Tuyên truyền", "Tin địa phương",
]  # fmt: skip
SUBJECTS = [
    "Công đoàn cơ sở", "Liên đoàn Lao động huyện", "Ban Chấp hành", "Công đoàn ngành Giáo dục",
    "Công đoàn các khu công nghiệp", "Ban Nữ công", "Đoàn viên công đoàn", "Người lao động",
]  # fmt: skip
ACTIONS = [
    "tổ chức hội nghị người lao động", "trao quà Tết cho đoàn viên khó khăn",
    "ký kết thỏa ước lao động tập thể", "tập huấn an toàn vệ sinh lao động",
    "khởi công mái ấm công đoàn", "tuyên truyền chính sách bảo hiểm xã hội",
    "tổng kết phong trào thi đua", "đối thoại với người sử dụng lao động",
    "hỗ trợ tiền thuê nhà cho công nhân", "phát triển đoàn viên mới",
]  # fmt: skip
PLACES = [
    "huyện Đồng Xuân", "thị xã Sông Cầu", "huyện Tây Hòa", "khu công nghiệp Hòa Hiệp",
    "thành phố Tuy Hòa", "huyện Phú Hòa", "huyện Sơn Hòa", "huyện Tuy An",
]  # fmt: skip
SENTENCES = [
    "Hội nghị đã thông qua nhiều nội dung thiết thực vì quyền lợi của người lao động.",
    "Đại diện công đoàn cấp trên ghi nhận những kết quả đạt được trong năm qua.",
    "Nhiều ý kiến đề nghị doanh nghiệp quan tâm hơn đến bữa ăn ca và nhà ở cho công nhân.",
    "Chương trình nhận được sự đồng hành của các nhà hảo tâm và doanh nghiệp trên địa bàn.",
    "Các đơn vị cam kết thực hiện tốt quy chế dân chủ ở cơ sở trong thời gian tới.",
    "Đoàn viên được phổ biến những điểm mới của chính sách tiền lương và bảo hiểm xã hội.",
    "Ban tổ chức trao giấy khen cho các tập thể và cá nhân có thành tích xuất sắc.",
    "Buổi đối thoại diễn ra cởi mở, các kiến nghị được giải đáp ngay tại hội nghị.",
]  # fmt: skip


def article(n, draw, start):
    subject, action, place = draw.choice(SUBJECTS), draw.choice(ACTIONS), draw.choice(PLACES)
    paragraphs = [
        "<p>" + " ".join(draw.choice(SENTENCES) for _ in range(4)) + "</p>" for _ in range(5)
    ]
    return {
        "title": f"{subject} {action} tại {place} ({n})",
        "summary": f"{subject} vừa {action} tại {place}, thu hút đông đảo đoàn viên tham gia.",
        "body": "".join(paragraphs),
        "category": draw.choice(CATEGORIES),
        "published_at": (start + dt.timedelta(minutes=n * 52)).isoformat(),
        "author": draw.choice(["Thu Hà", "Minh Thư", "Quốc Việt", "Lan Anh"]),
        "featured": n % 200 == 0,
    }


def main(count):
    draw = random.Random(count)
    start = dt.datetime(2016, 1, 1, 7, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    out = sys.stdout
    for n in range(count):
        out.write(json.dumps(article(n, draw, start), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
