"""Demo content for `manage.py load_demo`: invented units and people, written for this portal.

Summaries carry a ``{ngay}`` placeholder, filled with the article's own publication date.
A picture's ``scene`` (hall, outdoor, handover) and ``label`` tell the command what to draw;
``alt`` describes that drawing, ``caption`` says who is in it.
"""

import re
from typing import NamedTuple


class Picture(NamedTuple):
    scene: str
    caption: str
    alt: str
    label: str = ""  # banner text; empty means the article's cover label


def _squash(text):
    """Join the wrapped source lines: neither HTML nor the plain summaries need the breaks."""
    return re.sub(r">\s+<", "><", re.sub(r"\s*\n\s*", " ", text)).strip()


CATEGORIES = [
    {
        "slug": "hoat-dong-cong-doan",
        "name": "Hoạt động Công đoàn",
        "description": (
            "Hội nghị, tập huấn, phát triển đoàn viên và xây dựng tổ chức công đoàn các cấp trong "
            "tỉnh."
        ),
    },
    {
        "slug": "chinh-sach-phap-luat",
        "name": "Chính sách - Pháp luật",
        "description": (
            "Văn bản mới, tuyên truyền pháp luật lao động, đối thoại, thương lượng tập thể và tư "
            "vấn pháp luật cho người lao động."
        ),
    },
    {
        "slug": "cham-lo-doi-song",
        "name": "Chăm lo đời sống",
        "description": (
            "Chương trình chăm lo vật chất, tinh thần cho đoàn viên: Mái ấm Công đoàn, phiên chợ, "
            "khám sức khỏe, hỗ trợ lúc khó khăn."
        ),
    },
    {
        "slug": "thi-dua-khen-thuong",
        "name": "Thi đua - Khen thưởng",
        "description": (
            "Phong trào thi đua yêu nước, lao động sáng tạo và những tấm gương tiêu biểu trong "
            "công nhân, viên chức, lao động."
        ),
    },
    {
        "slug": "nu-cong",
        "name": "Nữ công",
        "description": (
            "Hoạt động vì nữ đoàn viên, lao động nữ: bình đẳng giới, chăm sóc sức khỏe, xây dựng "
            "gia đình hạnh phúc."
        ),
    },
    {
        "slug": "an-toan-ve-sinh-lao-dong",
        "name": "An toàn vệ sinh lao động",
        "description": (
            "Huấn luyện, diễn tập, phòng ngừa tai nạn lao động và bệnh nghề nghiệp tại nơi làm "
            "việc."
        ),
    },
]

# Units that send the demo articles: (short name used in bylines, full name, kind).
UNITS = [
    ("Ban Tuyên giáo LĐLĐ tỉnh", "Ban Tuyên giáo Liên đoàn Lao động tỉnh", "office"),
    ("Ban Chính sách - Pháp luật LĐLĐ tỉnh", "Ban Chính sách - Pháp luật Liên đoàn Lao động tỉnh",
     "office"),
    ("Ban Tổ chức LĐLĐ tỉnh", "Ban Tổ chức Liên đoàn Lao động tỉnh", "office"),
    ("Ban Nữ công LĐLĐ tỉnh", "Ban Nữ công Liên đoàn Lao động tỉnh", "office"),
    ("Trung tâm Tư vấn pháp luật Công đoàn tỉnh", "Trung tâm Tư vấn pháp luật Công đoàn tỉnh",
     "office"),
    ("CĐCKCN", "Công đoàn các Khu công nghiệp tỉnh", "zone"),
    ("CĐ Ngành Giáo dục", "Công đoàn Ngành Giáo dục tỉnh", "industry"),
    ("CĐ Ngành Y tế", "Công đoàn Ngành Y tế tỉnh", "industry"),
    ("CĐ Ngành Xây dựng", "Công đoàn Ngành Xây dựng tỉnh", "industry"),
    ("LĐLĐ huyện Tân Phú", "Liên đoàn Lao động huyện Tân Phú", "district"),
]  # fmt: skip

# Staff accounts of the demo newsroom; load_demo generates their passwords and prints them once.
STAFF = [
    {"key": "correspondent", "username": "ctv.kcn", "full_name": "Nguyễn Hoàng Anh",
     "role": "Cộng tác viên", "unit": "CĐCKCN", "phone": "0913 456 781",
     "email": "hoanganh.kcn@example.gov.vn"},
    {"key": "editor", "username": "btv.tuyengiao", "full_name": "Trần Thanh Tâm",
     "role": "Biên tập viên", "unit": "Ban Tuyên giáo LĐLĐ tỉnh", "phone": "0913 456 782",
     "email": "thanhtam.btv@example.gov.vn"},
    {"key": "content_admin", "username": "qtnd", "full_name": "Lê Minh Châu",
     "role": "Quản trị nội dung", "unit": "Ban Tuyên giáo LĐLĐ tỉnh", "phone": "0913 456 783",
     "email": "minhchau.qtnd@example.gov.vn"},
]  # fmt: skip

# days_ago < 0 schedules the article in the future; "time" is local (Asia/Ho_Chi_Minh).
# "workflow" takes an article through news.workflow.transition() when it is first loaded, as the
# demo staff would: draft, pending, returned (with the editor's "comment"), published (at its
# time, or now if that time is still to come today), scheduled (its future time) or withdrawn
# (published at its time, then withdrawn with "comment" as the reason). Articles of the
# correspondent's unit are theirs; the others are the editor's. Without "workflow", an article
# is loaded published, with no history.
ARTICLES = [
    {
        "title": "Hội nghị Ban Chấp hành Liên đoàn Lao động tỉnh lần thứ tám",
        "category": "hoat-dong-cong-doan",
        "days_ago": 2,
        "time": "16:40",
        "featured": True,
        "summary": """
            Sáng ngày {ngay}, tại Hội trường Liên đoàn Lao động tỉnh, Ban Chấp hành Liên đoàn Lao
            động tỉnh khóa XII họp Hội nghị lần thứ tám để đánh giá kết quả hoạt động thời gian qua
            và thống nhất các nhiệm vụ trọng tâm sắp tới. Đồng chí Lê Quang Vinh - Chủ tịch Liên
            đoàn Lao động tỉnh chủ trì hội nghị.
        """,
        "body": """
            <p>Báo cáo do đồng chí Trần Minh Khoa - Phó Chủ tịch Thường trực Liên đoàn Lao động tỉnh
            trình bày cho thấy các cấp công đoàn đã bám sát cơ sở, kịp thời nắm bắt tâm tư của đoàn
            viên, nhất là ở những doanh nghiệp thiếu đơn hàng phải giảm giờ làm. Từ đầu năm đến nay,
            toàn tỉnh kết nạp mới 4.286 đoàn viên, thành lập 17 công đoàn cơ sở, vượt kế hoạch đề
            ra.</p>
            <p>Hoạt động chăm lo tiếp tục là điểm sáng: hơn 9.000 lượt đoàn viên được thăm hỏi, hỗ
            trợ khi ốm đau, tai nạn với tổng số tiền trên 7 tỷ đồng; 42 gia đình đoàn viên được hỗ
            trợ xây, sửa nhà từ quỹ Mái ấm Công đoàn. Công tác tuyên truyền được đổi mới theo hướng
            ngắn gọn, dễ hiểu, tận dụng mạng xã hội và nhóm Zalo của các công đoàn cơ sở.</p>
            <h2>Những việc còn phải làm</h2>
            <p>Hội nghị thẳng thắn chỉ ra một số hạn chế: tỷ lệ doanh nghiệp tổ chức đối thoại định
            kỳ chưa cao; việc thu kinh phí công đoàn ở khu vực ngoài nhà nước còn chậm; nhiều cán bộ
            công đoàn cơ sở kiêm nhiệm nên chưa dành đủ thời gian cho hoạt động.</p>
            <p>Phát biểu kết luận, đồng chí Lê Quang Vinh đề nghị các cấp công đoàn tập trung vào ba
            việc: nâng chất lượng thương lượng tập thể, chủ động chuẩn bị chương trình chăm lo Tết
            cho đoàn viên và người lao động, đẩy nhanh chuyển đổi số trong quản lý đoàn viên.</p>
        """,
        "author": "Thanh Tâm",
        "unit": "Ban Tuyên giáo LĐLĐ tỉnh",
        "cover": Picture(
            "hall",
            (
                "Đồng chí Lê Quang Vinh - Chủ tịch Liên đoàn Lao động tỉnh - phát biểu kết luận "
                "hội nghị"
            ),
            (
                "Một người đứng sau bục phát biểu trên sân khấu có băng rôn đỏ chữ vàng, bên trái "
                "là bàn chủ tọa, phía dưới là các hàng đại biểu."
            ),
            "HỘI NGHỊ BAN CHẤP HÀNH LẦN THỨ TÁM",
        ),
        "photos": [
            Picture(
                "hall",
                (
                    "Đồng chí Trần Minh Khoa - Phó Chủ tịch Thường trực Liên đoàn Lao động tỉnh - "
                    "trình bày báo cáo tại hội nghị"
                ),
                (
                    "Hội trường nhìn từ cuối phòng: đại biểu ngồi kín các hàng ghế, hướng lên sân "
                    "khấu trang trí hoa."
                ),
            ),
            Picture(
                "handover",
                (
                    "Đồng chí Lê Quang Vinh (giữa) cùng các đồng chí trong Ban Thường vụ chụp ảnh "
                    "lưu niệm với đại biểu"
                ),
                "Một hàng người đứng trước phông nền lớn in chữ vàng, có chậu hoa hai bên.",
            ),
        ],
    },
    {
        "title": "Công đoàn ngành Giáo dục tập huấn nghiệp vụ cho 150 cán bộ công đoàn cơ sở",
        "category": "hoat-dong-cong-doan",
        "days_ago": 9,
        "time": "15:20",
        "summary": """
            Ngày {ngay}, tại Trường Chính trị tỉnh, Công đoàn ngành Giáo dục khai giảng lớp tập huấn
            nghiệp vụ cho 150 chủ tịch, phó chủ tịch công đoàn cơ sở các trường học trên địa bàn
            tỉnh.
        """,
        "body": """
            <p>Lớp học kéo dài hai ngày, tập trung vào những điểm mới của Luật Công đoàn năm 2024,
            kỹ năng tổ chức hội nghị viên chức, người lao động và cách thực hiện quy chế dân chủ
            trong trường học. Giảng viên là báo cáo viên của Liên đoàn Lao động tỉnh và Sở Giáo dục
            và Đào tạo.</p>
            <p>Khác với những năm trước, ban tổ chức dành nhiều thời gian cho thảo luận nhóm. Học
            viên được chia thành từng tổ, cùng xử lý những tình huống hay gặp như giáo viên hợp đồng
            chưa được đóng bảo hiểm đúng mức lương, hay việc phân công tiết dạy chưa hợp lý giữa các
            tổ chuyên môn.</p>
            <p>Cô Huỳnh Thị Kim Yến - Chủ tịch Công đoàn ngành Giáo dục cho biết, sau lớp học, mỗi
            công đoàn cơ sở sẽ rà soát lại quy chế phối hợp với ban giám hiệu và gửi về Công đoàn
            ngành để được góp ý trước khi ký kết.</p>
        """,
        "author": "Ngọc Hân",
        "unit": "CĐ Ngành Giáo dục",
        "cover": Picture(
            "hall",
            (
                "Đồng chí Huỳnh Thị Kim Yến - Chủ tịch Công đoàn ngành Giáo dục - phát biểu khai "
                "giảng lớp tập huấn"
            ),
            (
                "Người phụ nữ đứng phát biểu sau bục gỗ, phía sau là băng rôn đỏ in dòng chữ tập "
                "huấn nghiệp vụ."
            ),
            "TẬP HUẤN NGHIỆP VỤ CÔNG ĐOÀN",
        ),
        "photos": [
            Picture(
                "hall",
                (
                    "Thầy Nguyễn Hữu Trí - Chủ tịch Công đoàn Trường THPT Long Hòa - trình bày kết "
                    "quả thảo luận của tổ"
                ),
                "Phòng học đông người ngồi theo hàng, nhìn về phía bục giảng và băng rôn đỏ.",
            ),
        ],
    },
    {
        "title": "Thành lập Công đoàn cơ sở Công ty TNHH May mặc Tân Phú Hưng",
        "category": "hoat-dong-cong-doan",
        "workflow": "published",
        "days_ago": 0,
        "time": "17:05",
        "summary": """
            Ngày {ngay}, Công đoàn các Khu công nghiệp trao quyết định công nhận Công đoàn cơ
            sở Công ty TNHH May mặc Tân Phú Hưng với 312 đoàn viên, nâng số công đoàn cơ sở trong
            các khu công nghiệp của tỉnh lên 146.
        """,
        "body": """
            <p>Công ty TNHH May mặc Tân Phú Hưng hoạt động tại Khu công nghiệp Long Đức từ năm 2021,
            hiện có hơn 400 công nhân, phần lớn là lao động nữ đến từ các tỉnh lân cận. Sau nhiều
            lần cán bộ công đoàn xuống tận xưởng gặp gỡ, gần tám phần mười người lao động đã tự
            nguyện làm đơn gia nhập công đoàn.</p>
            <p>Ban Chấp hành lâm thời gồm 5 thành viên, do chị Đặng Thị Mỹ Duyên, tổ trưởng tổ may
            số 3, làm Chủ tịch. Việc đầu tiên của ban chấp hành là cùng ban giám đốc xây dựng quy
            chế đối thoại và chuẩn bị thương lượng thỏa ước lao động tập thể.</p>
            <p>Phát biểu tại buổi lễ, đồng chí Võ Văn Thắng - Chủ tịch Công đoàn các Khu công nghiệp
            đề nghị ban chấp hành lâm thời sớm ổn định tổ chức, lắng nghe ý kiến công nhân và trở
            thành cầu nối tin cậy giữa người lao động với doanh nghiệp.</p>
        """,
        "author": "Hoàng Anh",
        "unit": "CĐCKCN",
        "cover": Picture(
            "handover",
            (
                "Đồng chí Võ Văn Thắng - Chủ tịch Công đoàn các Khu công nghiệp - trao quyết định "
                "cho Ban Chấp hành lâm thời"
            ),
            (
                "Sáu người đứng thành hàng trước phông nền đỏ, hai người cầm hộp quà màu đỏ buộc "
                "nơ vàng."
            ),
            "LỄ RA MẮT CÔNG ĐOÀN CƠ SỞ",
        ),
        "photos": [
            Picture(
                "hall",
                (
                    "Chị Đặng Thị Mỹ Duyên - Chủ tịch Công đoàn cơ sở lâm thời - phát biểu nhận "
                    "nhiệm vụ"
                ),
                "Một người đứng sau bục phát biểu, phía dưới là công nhân ngồi kín các hàng ghế.",
            ),
        ],
    },
    {
        "title": "Đưa Luật Công đoàn năm 2024 đến gần hơn với công nhân khu công nghiệp",
        "category": "chinh-sach-phap-luat",
        "days_ago": 4,
        "time": "21:30",
        "featured": True,
        "summary": """
            Tối ngày {ngay}, tại nhà văn hóa khu lưu trú công nhân phường Long Đức, Liên đoàn Lao
            động tỉnh phối hợp Công đoàn các Khu công nghiệp tổ chức buổi tuyên truyền pháp luật cho
            gần 300 công nhân đang làm việc tại các doanh nghiệp trong khu vực.
        """,
        "body": """
            <p>Thay vì đọc văn bản, báo cáo viên chọn cách nêu câu hỏi và giải đáp ngay những điều
            công nhân quan tâm: ai được gia nhập công đoàn, đoàn phí đóng bao nhiêu, công đoàn cơ sở
            làm gì khi doanh nghiệp chậm trả lương. Nhiều câu hỏi được gửi trước qua nhóm Zalo của
            các tổ sản xuất.</p>
            <p>Đồng chí Đỗ Thành Nhân - Trưởng Ban Chính sách - Pháp luật Liên đoàn Lao động tỉnh
            lưu ý một số điểm mới mà người lao động nên biết:</p>
            <ul>
            <li>người lao động là công dân nước ngoài làm việc tại Việt Nam từ đủ 12 tháng trở lên
            được gia nhập công đoàn;</li>
            <li>phần lớn kinh phí được để lại cho công đoàn cơ sở để chăm lo trực tiếp cho đoàn
            viên;</li>
            <li>cán bộ công đoàn không chuyên trách được bảo vệ khi làm nhiệm vụ đại diện cho người
            lao động.</li>
            </ul>
            <p>Cuối buổi, ban tổ chức phát tờ gấp tóm tắt luật và tặng 30 phần quà cho những công
            nhân trả lời đúng câu hỏi. Chương trình sẽ tiếp tục đến các khu lưu trú khác, vào buổi
            tối để công nhân làm ca ngày có thể tham dự.</p>
        """,
        "author": "Quốc Bảo",
        "unit": "Ban Chính sách - Pháp luật LĐLĐ tỉnh",
        "cover": Picture(
            "hall",
            (
                "Đồng chí Đỗ Thành Nhân - Trưởng Ban Chính sách - Pháp luật Liên đoàn Lao động "
                "tỉnh - giải đáp thắc mắc của công nhân"
            ),
            (
                "Người đứng sau bục nói trước đông người ngồi nghe, trên tường là băng rôn đỏ về "
                "tuyên truyền luật."
            ),
            "TUYÊN TRUYỀN LUẬT CÔNG ĐOÀN",
        ),
        "photos": [
            Picture(
                "hall",
                (
                    "Anh Lương Văn Hải - công nhân Công ty TNHH Điện tử Việt Tín - đặt câu hỏi về "
                    "đoàn phí"
                ),
                (
                    "Nhiều hàng người ngồi quay lưng về phía ống kính, hướng lên sân khấu có bục "
                    "phát biểu."
                ),
            ),
            Picture(
                "handover",
                (
                    "Đồng chí Võ Văn Thắng - Chủ tịch Công đoàn các Khu công nghiệp - trao quà cho "
                    "công nhân trả lời đúng"
                ),
                "Hàng người đứng trước phông nền, vài người cầm hộp quà đỏ thắt nơ vàng.",
            ),
        ],
    },
    {
        "title": (
            "Đối thoại định kỳ tại Công ty Cổ phần Thủy sản Bình An: nhiều kiến nghị được giải "
            "quyết ngay"
        ),
        "category": "chinh-sach-phap-luat",
        "days_ago": 16,
        "time": "16:00",
        "summary": """
            Sáng ngày {ngay}, Công ty Cổ phần Thủy sản Bình An phối hợp Công đoàn cơ sở tổ chức hội
            nghị đối thoại định kỳ giữa ban giám đốc với hơn 60 đại diện người lao động, với sự
            chứng kiến của Liên đoàn Lao động tỉnh.
        """,
        "body": """
            <p>Trước buổi đối thoại, công đoàn cơ sở đặt hòm thư góp ý tại nhà ăn và lấy ý kiến qua
            từng tổ, tổng hợp được 14 kiến nghị. Nội dung tập trung vào tiền ăn giữa ca, chế độ cho
            người làm trong kho lạnh và thời gian nghỉ của ca đêm.</p>
            <p>Ông Tạ Quốc Dũng - Giám đốc công ty trả lời trực tiếp từng kiến nghị. Ngay tại hội
            nghị, công ty đồng ý nâng tiền ăn giữa ca từ 25.000 đồng lên 30.000 đồng mỗi suất, bổ
            sung áo giữ nhiệt cho công nhân kho lạnh và bố trí thêm 15 phút nghỉ cho ca đêm. Các
            kiến nghị còn lại được hẹn trả lời bằng văn bản trong vòng 30 ngày.</p>
            <p>Ghi nhận cách làm của công ty, đồng chí Nguyễn Thị Thanh Hương - Phó Chủ tịch Liên
            đoàn Lao động tỉnh chia sẻ:</p>
            <blockquote>Đối thoại chỉ có ý nghĩa khi người lao động dám nói thật và doanh nghiệp
            thật lòng lắng nghe. Hôm nay cả hai điều đó đều có.</blockquote>
            <p>Bà đề nghị công đoàn cơ sở tiếp tục theo dõi việc thực hiện các cam kết và thông tin
            kết quả đến từng tổ sản xuất.</p>
        """,
        "author": "Kim Ngân",
        "unit": "Ban Chính sách - Pháp luật LĐLĐ tỉnh",
        "cover": Picture(
            "hall",
            (
                "Đồng chí Nguyễn Thị Thanh Hương - Phó Chủ tịch Liên đoàn Lao động tỉnh - phát "
                "biểu tại hội nghị đối thoại"
            ),
            (
                "Hội trường có băng rôn đỏ, một người đứng tại bục phát biểu, các đại biểu ngồi "
                "thành nhiều hàng."
            ),
            "HỘI NGHỊ ĐỐI THOẠI ĐỊNH KỲ",
        ),
        "photos": [
            Picture(
                "hall",
                (
                    "Ông Tạ Quốc Dũng - Giám đốc Công ty Cổ phần Thủy sản Bình An - trả lời kiến "
                    "nghị của người lao động"
                ),
                (
                    "Bàn chủ tọa phủ khăn bên trái sân khấu, người ngồi sau bàn nhìn xuống hội "
                    "trường đông người."
                ),
            ),
        ],
    },
    {
        "title": "Tư vấn pháp luật miễn phí về bảo hiểm xã hội cho người lao động",
        "category": "chinh-sach-phap-luat",
        "days_ago": 27,
        "time": "11:30",
        "summary": """
            Ngày {ngay}, Trung tâm Tư vấn pháp luật Công đoàn tỉnh tổ chức tư vấn trực tiếp về bảo
            hiểm xã hội, bảo hiểm thất nghiệp cho công nhân các doanh nghiệp trong Khu công nghiệp
            Tân Hòa.
        """,
        "body": """
            <p>Hơn 200 lượt người lao động đã đến bàn tư vấn đặt tại cổng khu công nghiệp trong giờ
            nghỉ trưa. Câu hỏi nhiều nhất liên quan đến việc nhận bảo hiểm xã hội một lần, cách tra
            cứu quá trình đóng trên ứng dụng VssID và thủ tục hưởng trợ cấp thất nghiệp khi hết hợp
            đồng.</p>
            <p>Luật sư Lâm Hoàng Phúc - Giám đốc Trung tâm Tư vấn pháp luật Công đoàn tỉnh khuyên
            công nhân <strong>cân nhắc kỹ trước khi nhận bảo hiểm xã hội một lần</strong>, vì khoản
            tiền trước mắt có thể làm mất quyền hưởng lương hưu về sau. Khi doanh nghiệp chậm đóng
            bảo hiểm, người lao động nên báo ngay cho công đoàn cơ sở để được hỗ trợ làm việc với cơ
            quan bảo hiểm xã hội.</p>
            <p>Những trường hợp phức tạp được trung tâm ghi lại thông tin và hẹn tư vấn riêng. Người
            lao động cũng có thể gọi đường dây nóng của Liên đoàn Lao động tỉnh trong giờ hành chính
            để được hướng dẫn miễn phí.</p>
        """,
        "author": "Bảo Ngọc",
        "unit": "Trung tâm Tư vấn pháp luật Công đoàn tỉnh",
        "cover": Picture(
            "outdoor",
            (
                "Luật sư Lâm Hoàng Phúc - Giám đốc Trung tâm Tư vấn pháp luật Công đoàn tỉnh - tư "
                "vấn cho công nhân"
            ),
            (
                "Nhiều người đứng trên bãi cỏ trước tấm băng rôn đỏ căng giữa hai cột, trời xanh "
                "có nắng, xa xa là hàng cây."
            ),
            "TƯ VẤN PHÁP LUẬT MIỄN PHÍ",
        ),
        "photos": [
            Picture(
                "outdoor",
                "Công nhân Khu công nghiệp Tân Hòa chờ đến lượt tư vấn trong giờ nghỉ trưa",
                "Một nhóm người mặc áo nhiều màu đứng ngoài trời dưới tấm băng rôn đỏ.",
            ),
        ],
    },
    {
        "title": "Trao 30 Mái ấm Công đoàn cho đoàn viên khó khăn về nhà ở",
        "category": "cham-lo-doi-song",
        "days_ago": 6,
        "time": "18:00",
        "featured": True,
        "summary": """
            Chiều ngày {ngay}, Liên đoàn Lao động tỉnh tổ chức lễ trao quyết định hỗ trợ xây, sửa 30
            Mái ấm Công đoàn cho đoàn viên có hoàn cảnh khó khăn về nhà ở, với tổng kinh phí 1,5 tỷ
            đồng.
        """,
        "body": """
            <p>Mỗi căn nhà được hỗ trợ 50 triệu đồng từ quỹ Mái ấm Công đoàn, phần còn lại do gia
            đình, người thân và doanh nghiệp nơi đoàn viên làm việc cùng góp sức. Người được chọn là
            những đoàn viên đang ở nhà tạm, nhà xuống cấp hoặc chưa có chỗ ở ổn định, ưu tiên người
            thu nhập thấp đang nuôi con nhỏ.</p>
            <p>Chị Lý Thị Hồng Nhung, công nhân Công ty TNHH Giày da Phước Thành, xúc động cho biết
            hai vợ chồng cùng làm công nhân, thuê trọ đã hơn mười năm. Có khoản hỗ trợ này, gia đình
            chị có thể khởi công căn nhà trên mảnh đất cha mẹ để lại.</p>
            <p>Đồng chí Lê Quang Vinh - Chủ tịch Liên đoàn Lao động tỉnh cảm ơn các doanh nghiệp,
            nhà hảo tâm đã đồng hành cùng quỹ, đồng thời đề nghị công đoàn các cấp theo dõi tiến độ
            xây dựng để các gia đình sớm dọn về nhà mới.</p>
        """,
        "author": "Phương Thảo",
        "unit": "Ban Tổ chức LĐLĐ tỉnh",
        "cover": Picture(
            "handover",
            (
                "Đồng chí Lê Quang Vinh - Chủ tịch Liên đoàn Lao động tỉnh - trao quyết định hỗ "
                "trợ cho đoàn viên"
            ),
            "Một hàng người đứng trước phông nền màu in chữ vàng, một số người cầm hộp quà đỏ.",
            "TRAO MÁI ẤM CÔNG ĐOÀN",
        ),
        "photos": [
            Picture(
                "handover",
                (
                    "Đồng chí Nguyễn Thị Thanh Hương - Phó Chủ tịch Liên đoàn Lao động tỉnh - trao "
                    "quyết định cho các đoàn viên"
                ),
                "Sáu người đứng cạnh nhau trên sân khấu, hai bên có chậu hoa.",
            ),
            Picture(
                "hall",
                (
                    "Ông Mạc Văn Kiên - Giám đốc Công ty TNHH Giày da Phước Thành - phát biểu thay "
                    "mặt các doanh nghiệp đồng hành"
                ),
                "Người đứng sau bục có băng rôn đỏ phía trên, hàng ghế khách mời kín chỗ.",
            ),
            Picture(
                "outdoor",
                (
                    "Chị Lý Thị Hồng Nhung - công nhân Công ty TNHH Giày da Phước Thành - bên mảnh "
                    "đất sắp dựng nhà"
                ),
                "Vài người đứng trên bãi đất có cỏ, phía sau là cây xanh và bầu trời trong.",
                "MÁI ẤM CÔNG ĐOÀN",
            ),
        ],
    },
    {
        "title": "Phiên chợ Công đoàn mang hàng giá tốt đến khu nhà trọ công nhân",
        "category": "cham-lo-doi-song",
        "workflow": "returned",
        "comment": (
            "Đề nghị bổ sung số gian hàng và tổng giá trị hàng hóa bán ra; ảnh 2 cần chú thích "
            "rõ tên người."
        ),
        "days_ago": 12,
        "time": "21:15",
        "summary": """
            Tối ngày {ngay}, Công đoàn các Khu công nghiệp phối hợp với các doanh nghiệp phân phối
            tổ chức Phiên chợ Công đoàn tại khu nhà trọ ấp Phú Thạnh, bán hơn 80 mặt hàng thiết yếu
            với giá thấp hơn thị trường từ 10 đến 30%.
        """,
        "body": """
            <p>Ngay từ lúc tan ca, hàng trăm công nhân đã có mặt tại phiên chợ. Mỗi đoàn viên được
            phát một phiếu mua hàng trị giá 200.000 đồng do công đoàn hỗ trợ, dùng để mua gạo, dầu
            ăn, sữa, mì gói và đồ dùng học tập cho con.</p>
            <p>Anh Nguyễn Văn Tuấn, công nhân một doanh nghiệp cơ khí, cho biết gia đình anh bốn
            người ở trong căn phòng trọ chưa đầy 20 mét vuông, thu nhập chủ yếu trông vào lương.
            “Chợ họp ngay gần nhà, giá lại mềm nên tôi mua được đủ đồ dùng cho cả tháng”, anh
            nói.</p>
            <p>Theo đồng chí Võ Văn Thắng - Chủ tịch Công đoàn các Khu công nghiệp, từ đầu năm đã có
            6 phiên chợ được tổ chức, phục vụ khoảng 5.000 lượt công nhân. Công đoàn sẽ phối hợp với
            doanh nghiệp duy trì phiên chợ mỗi quý tại những khu trọ đông công nhân.</p>
        """,
        "author": "Hoàng Anh",
        "unit": "CĐCKCN",
        "cover": Picture(
            "outdoor",
            (
                "Đồng chí Võ Văn Thắng - Chủ tịch Công đoàn các Khu công nghiệp - trao phiếu mua "
                "hàng cho công nhân"
            ),
            (
                "Đông người đứng ngoài trời dưới tấm băng rôn đỏ căng trên hai cột, phía sau là "
                "hàng cây."
            ),
            "PHIÊN CHỢ CÔNG ĐOÀN",
        ),
        "photos": [
            Picture(
                "outdoor",
                (
                    "Chị Trần Thị Ngọc Mai - công nhân Công ty Cổ phần Dệt may Phú An - chọn mua "
                    "hàng tại phiên chợ"
                ),
                "Nhóm người đứng trên sân cỏ rộng, trời xanh, có mặt trời ở góc trên.",
            ),
            Picture(
                "handover",
                (
                    "Đồng chí Nguyễn Thị Thanh Hương - Phó Chủ tịch Liên đoàn Lao động tỉnh - tặng "
                    "quà cho công nhân khó khăn"
                ),
                "Hàng người đứng trước phông nền, nhiều người cầm hộp quà màu đỏ.",
            ),
        ],
    },
    {
        "title": "Khám sức khỏe miễn phí cho 500 công nhân lao động",
        "category": "cham-lo-doi-song",
        "days_ago": 34,
        "time": "16:15",
        "summary": """
            Ngày {ngay}, Công đoàn ngành Y tế phối hợp Bệnh viện Đa khoa tỉnh khám bệnh, tư vấn sức
            khỏe và cấp thuốc miễn phí cho 500 công nhân đang làm việc tại các doanh nghiệp dệt may
            và chế biến gỗ.
        """,
        "body": """
            <p>Đoàn gồm 40 y, bác sĩ các khoa Nội, Mắt, Tai mũi họng và Răng hàm mặt. Ngoài khám
            tổng quát, công nhân được đo huyết áp, đường huyết, siêu âm và nghe tư vấn cách phòng
            các bệnh hay gặp khi làm việc lâu trong môi trường nhiều bụi và tiếng ồn.</p>
            <p>Bác sĩ Trương Thị Diễm Phương - Chủ tịch Công đoàn Bệnh viện Đa khoa tỉnh cho biết,
            qua khám sàng lọc, không ít công nhân trẻ đã có dấu hiệu tăng huyết áp, giảm thị lực
            hoặc đau cột sống. Những trường hợp cần theo dõi được hướng dẫn đến bệnh viện điều trị
            bằng thẻ bảo hiểm y tế.</p>
            <p>Chương trình nằm trong chuỗi hoạt động chăm lo sức khỏe đoàn viên của Công đoàn ngành
            Y tế, mỗi năm tổ chức ít nhất bốn đợt tại các khu công nghiệp và những nơi đông lao
            động.</p>
        """,
        "author": "Diệu Linh",
        "unit": "CĐ Ngành Y tế",
        "cover": Picture(
            "hall",
            (
                "Đồng chí Trương Thị Diễm Phương - Chủ tịch Công đoàn Bệnh viện Đa khoa tỉnh - "
                "phát biểu khai mạc chương trình"
            ),
            (
                "Người đứng tại bục phát biểu dưới băng rôn đỏ, trước mặt là nhiều hàng công nhân "
                "ngồi chờ."
            ),
            "KHÁM SỨC KHỎE CHO CÔNG NHÂN",
        ),
        "photos": [
            Picture(
                "handover",
                (
                    "Đồng chí Mai Văn Hiếu - Chủ tịch Công đoàn ngành Y tế - tặng quà cho công "
                    "nhân đến khám"
                ),
                "Những người đứng thành hàng trước phông nền, một vài người ôm hộp quà đỏ buộc nơ.",
            ),
        ],
    },
    {
        "title": "Tuyên dương 45 sáng kiến tiêu biểu trong phong trào lao động sáng tạo",
        "category": "thi-dua-khen-thuong",
        "days_ago": 20,
        "time": "17:00",
        "featured": True,
        "summary": """
            Sáng ngày {ngay}, Liên đoàn Lao động tỉnh tổ chức lễ tuyên dương 45 sáng kiến, giải pháp
            tiêu biểu của đoàn viên, người lao động; 12 sáng kiến trong số đó được đề nghị Tổng Liên
            đoàn Lao động Việt Nam tặng Bằng Lao động sáng tạo.
        """,
        "body": """
            <p>Các sáng kiến được chọn từ 180 hồ sơ do công đoàn cơ sở gửi lên, trải rộng từ sản
            xuất công nghiệp, nông nghiệp đến y tế, giáo dục. Giá trị làm lợi ước tính hơn 26 tỷ
            đồng mỗi năm.</p>
            <p>Nhiều giải pháp ra đời từ chính những khó khăn ở vị trí làm việc. Anh Phan Thanh Sơn,
            thợ bảo trì Công ty Cổ phần Bao bì Hưng Phát, cải tiến cụm dao cắt giúp giảm 40% giấy
            phế phẩm. Cô Lê Thị Ngọc Bích, giáo viên Trường Tiểu học Tân Lập, xây dựng bộ học liệu
            số để học sinh lớp 1 luyện đọc ở nhà cùng cha mẹ.</p>
            <h2>Nhân rộng cách làm hay</h2>
            <p>Phát biểu tại buổi lễ, đồng chí Trần Minh Khoa - Phó Chủ tịch Thường trực Liên đoàn
            Lao động tỉnh đề nghị doanh nghiệp có chính sách thưởng xứng đáng cho người có sáng
            kiến; công đoàn cơ sở cần giúp người lao động hoàn thiện hồ sơ để sáng kiến được công
            nhận và áp dụng rộng rãi.</p>
        """,
        "author": "Thanh Tâm",
        "unit": "Ban Tuyên giáo LĐLĐ tỉnh",
        "cover": Picture(
            "handover",
            (
                "Đồng chí Trần Minh Khoa - Phó Chủ tịch Thường trực Liên đoàn Lao động tỉnh - trao "
                "giấy khen cho các tác giả sáng kiến"
            ),
            (
                "Một hàng người đứng trên sân khấu trước phông nền lớn chữ vàng, vài người cầm quà "
                "màu đỏ."
            ),
            "TUYÊN DƯƠNG LAO ĐỘNG SÁNG TẠO",
        ),
        "photos": [
            Picture(
                "hall",
                (
                    "Anh Phan Thanh Sơn - thợ bảo trì Công ty Cổ phần Bao bì Hưng Phát - giới "
                    "thiệu sáng kiến cải tiến cụm dao cắt"
                ),
                (
                    "Người đứng nói tại bục trên sân khấu, bên trái là bàn có khăn phủ, dưới hội "
                    "trường đông người."
                ),
            ),
            Picture(
                "handover",
                (
                    "Đồng chí Nguyễn Thị Thanh Hương - Phó Chủ tịch Liên đoàn Lao động tỉnh - chúc "
                    "mừng các tác giả được đề nghị tặng Bằng Lao động sáng tạo"
                ),
                "Năm, sáu người đứng cạnh nhau trước phông nền, hai bên có chậu hoa.",
            ),
        ],
    },
    {
        "title": "Cụm thi đua số 2 các công đoàn ngành ký kết giao ước thi đua",
        "category": "thi-dua-khen-thuong",
        "workflow": "withdrawn",
        "comment": "Gỡ để sửa tên đơn vị ký giao ước theo đề nghị của Công đoàn Ngành Xây dựng.",
        "days_ago": 41,
        "time": "16:30",
        "summary": """
            Chiều ngày {ngay}, tại trụ sở Công đoàn ngành Xây dựng, Cụm thi đua số 2 gồm sáu công
            đoàn ngành của tỉnh tổ chức hội nghị sơ kết hoạt động và ký kết giao ước thi đua.
        """,
        "body": """
            <p>Theo giao ước, các đơn vị trong cụm cùng phấn đấu phát triển đoàn viên vượt kế hoạch,
            thu kinh phí công đoàn đạt từ 95% trở lên, tổ chức hội nghị người lao động ở tất cả cơ
            quan, đơn vị có công đoàn cơ sở và không để xảy ra ngừng việc tập thể.</p>
            <p>Hội nghị dành nhiều thời gian cho việc chia sẻ kinh nghiệm. Công đoàn ngành Xây dựng
            giới thiệu cách lập nhóm Zalo theo từng công trình để nắm tâm tư công nhân làm việc lưu
            động; Công đoàn ngành Giao thông chia sẻ mô hình bữa cơm ca có đoàn viên cùng giám
            sát.</p>
            <p>Đồng chí Hồ Văn Đạt - Chủ tịch Công đoàn ngành Xây dựng, Trưởng Cụm thi đua số 2, đề
            nghị các thành viên thường xuyên trao đổi thông tin, kiểm tra chéo lẫn nhau để việc chấm
            điểm thi đua cuối năm khách quan, đúng thực chất.</p>
        """,
        "author": "Gia Huy",
        "unit": "CĐ Ngành Xây dựng",
        "cover": Picture(
            "hall",
            "Đồng chí Hồ Văn Đạt - Chủ tịch Công đoàn ngành Xây dựng - phát biểu tại hội nghị",
            (
                "Sân khấu có băng rôn đỏ, bàn chủ tọa phủ khăn và bục phát biểu, phía dưới là các "
                "hàng đại biểu."
            ),
            "KÝ KẾT GIAO ƯỚC THI ĐUA",
        ),
        "photos": [
            Picture(
                "handover",
                (
                    "Đồng chí Hồ Văn Đạt (thứ ba từ trái) cùng lãnh đạo các công đoàn ngành trong "
                    "cụm sau khi ký giao ước"
                ),
                "Sáu người đứng thành hàng ngang trước phông nền in chữ vàng.",
            ),
        ],
    },
    {
        "title": "Hội thi Nữ công nhân khéo tay thu hút 20 đội tham gia",
        "workflow": "draft",
        "category": "nu-cong",
        "days_ago": 24,
        "time": "20:10",
        "summary": """
            Ngày {ngay}, Ban Nữ công Liên đoàn Lao động tỉnh tổ chức Hội thi Nữ công nhân khéo tay
            với sự tham gia của 20 đội đến từ công đoàn cơ sở các doanh nghiệp trong tỉnh.
        """,
        "body": """
            <p>Mỗi đội gồm ba thành viên, thi ba phần: cắm hoa nghệ thuật, chế biến món ăn từ nguyên
            liệu địa phương và thuyết trình về chủ đề gia đình hạnh phúc. Chỉ trong 90 phút, các chị
            đã hoàn thành những bình hoa, mâm cơm đẹp mắt, nhiều món được ban giám khảo khen về sự
            sáng tạo.</p>
            <p>Đội Công ty TNHH Chế biến Nông sản Hòa Lợi giành giải Nhất với bình hoa <em>Mẹ và
            con</em> cùng món bánh xèo bột nghệ đổ trên chảo gang. Giải Nhì thuộc về đội Công đoàn
            ngành Y tế, giải Ba trao cho đội Công ty Cổ phần Dệt may Phú An.</p>
            <p>Theo đồng chí Phạm Thị Ngọc Lan - Trưởng Ban Nữ công Liên đoàn Lao động tỉnh, hội thi
            là dịp để nữ công nhân thư giãn sau giờ làm, giao lưu, học hỏi lẫn nhau, cũng là cách để
            tổ chức công đoàn tôn vinh vai trò của người phụ nữ trong gia đình và xã hội.</p>
        """,
        "author": "Mỹ Tiên",
        "unit": "Ban Nữ công LĐLĐ tỉnh",
        "cover": Picture(
            "handover",
            (
                "Đồng chí Phạm Thị Ngọc Lan - Trưởng Ban Nữ công Liên đoàn Lao động tỉnh - trao "
                "giải Nhất cho đội Công ty TNHH Chế biến Nông sản Hòa Lợi"
            ),
            (
                "Các chị em đứng thành hàng trước phông nền sân khấu, có người cầm hộp quà đỏ, hai "
                "bên đặt chậu hoa."
            ),
            "HỘI THI NỮ CÔNG NHÂN KHÉO TAY",
        ),
        "photos": [
            Picture(
                "hall",
                (
                    "Chị Trần Thị Thu Hà - đội trưởng đội Công ty Cổ phần Dệt may Phú An - thuyết "
                    "trình phần thi gia đình hạnh phúc"
                ),
                "Một người đứng tại bục trên sân khấu, khán giả ngồi kín hội trường.",
            ),
            Picture(
                "outdoor",
                (
                    "Đồng chí Phạm Thị Ngọc Lan cùng các thành viên ban giám khảo thăm gian trưng "
                    "bày món ăn"
                ),
                "Nhiều người đứng ngoài sân dưới tấm băng rôn đỏ, phía sau có hàng cây xanh.",
            ),
        ],
    },
    {
        "title": "Tọa đàm chăm sóc sức khỏe sinh sản cho nữ công nhân",
        "category": "nu-cong",
        "days_ago": 48,
        "time": "15:00",
        "summary": """
            Sáng ngày {ngay}, Ban Nữ công Liên đoàn Lao động tỉnh phối hợp Trung tâm Kiểm soát bệnh
            tật tỉnh tổ chức tọa đàm về chăm sóc sức khỏe sinh sản cho hơn 200 nữ công nhân Khu công
            nghiệp Long Đức.
        """,
        "body": """
            <p>Các bác sĩ sản khoa trao đổi những kiến thức thiết thực: chăm sóc thai kỳ khi vẫn làm
            việc theo ca, dinh dưỡng cho bà mẹ đang cho con bú và cách phòng các bệnh phụ khoa
            thường gặp. Nội dung được trình bày ngắn gọn, xen kẽ phần hỏi đáp để người nghe dễ
            nhớ.</p>
            <p>Nhiều nữ công nhân mạnh dạn hỏi về chế độ thai sản, thời gian nghỉ đi khám thai và
            quyền được bố trí công việc phù hợp khi mang thai. Đại diện Ban Nữ công giải đáp cụ thể
            theo Bộ luật Lao động, đồng thời hướng dẫn cách phản ánh khi quyền lợi chưa được bảo
            đảm.</p>
            <p>Dịp này, ban tổ chức tặng 50 phần quà, mỗi phần trị giá 500.000 đồng, cho nữ công
            nhân đang mang thai hoặc nuôi con nhỏ có hoàn cảnh khó khăn.</p>
        """,
        "author": "Mỹ Tiên",
        "unit": "Ban Nữ công LĐLĐ tỉnh",
        "cover": Picture(
            "hall",
            (
                "Đồng chí Phạm Thị Ngọc Lan - Trưởng Ban Nữ công Liên đoàn Lao động tỉnh - phát "
                "biểu khai mạc tọa đàm"
            ),
            (
                "Người phụ nữ đứng tại bục phát biểu dưới băng rôn đỏ, phía dưới nhiều hàng người "
                "ngồi nghe."
            ),
            "TỌA ĐÀM SỨC KHỎE SINH SẢN",
        ),
        "photos": [
            Picture(
                "handover",
                (
                    "Bà Nguyễn Thị Cẩm Tú - Phó Giám đốc Trung tâm Kiểm soát bệnh tật tỉnh - tặng "
                    "quà cho nữ công nhân đang mang thai"
                ),
                "Hàng người đứng trước phông nền sân khấu, vài người cầm hộp quà đỏ thắt nơ vàng.",
            ),
        ],
    },
    {
        "title": "Diễn tập phòng cháy, chữa cháy và cứu nạn tại Khu công nghiệp Long Đức",
        "category": "an-toan-ve-sinh-lao-dong",
        "workflow": "pending",
        "days_ago": 14,
        "time": "17:40",
        "summary": """
            Sáng ngày {ngay}, Công đoàn các Khu công nghiệp phối hợp Công an tỉnh và Công ty TNHH
            Điện tử Việt Tín tổ chức diễn tập phòng cháy, chữa cháy và cứu nạn, cứu hộ với sự tham
            gia của hơn 350 công nhân.
        """,
        "body": """
            <p>Tình huống giả định: đám cháy phát sinh ở kho nguyên liệu do chập điện, khói lan
            nhanh sang xưởng lắp ráp, 3 công nhân bị mắc kẹt. Đội phòng cháy, chữa cháy cơ sở của
            công ty phát báo động, ngắt điện, hướng dẫn công nhân thoát ra theo lối thoát hiểm và
            dùng bình chữa cháy khống chế đám cháy ban đầu.</p>
            <p>Khoảng 5 phút sau, lực lượng cảnh sát phòng cháy, chữa cháy có mặt, triển khai đội
            hình dập lửa và đưa người bị nạn ra ngoài sơ cứu. Toàn bộ công nhân trong xưởng được sơ
            tán đến nơi an toàn trong chưa đầy 4 phút.</p>
            <p>Đồng chí Võ Văn Thắng - Chủ tịch Công đoàn các Khu công nghiệp đánh giá cao sự chủ
            động của doanh nghiệp, đề nghị mạng lưới an toàn, vệ sinh viên thường xuyên kiểm tra hệ
            thống điện, lối thoát hiểm, không để hàng hóa lấn lối đi.</p>
        """,
        "author": "Hoàng Anh",
        "unit": "CĐCKCN",
        "cover": Picture(
            "outdoor",
            (
                "Đồng chí Võ Văn Thắng - Chủ tịch Công đoàn các Khu công nghiệp - phát biểu tổng "
                "kết buổi diễn tập"
            ),
            (
                "Đông người đứng tập trung ngoài sân, phía trên là băng rôn đỏ căng giữa hai cột, "
                "trời quang."
            ),
            "DIỄN TẬP PHÒNG CHÁY CHỮA CHÁY",
        ),
        "photos": [
            Picture(
                "outdoor",
                (
                    "Anh Trịnh Công Minh - Đội trưởng đội phòng cháy, chữa cháy cơ sở Công ty TNHH "
                    "Điện tử Việt Tín - hướng dẫn công nhân dùng bình chữa cháy"
                ),
                "Một nhóm người đứng trên bãi cỏ trước hàng cây, trời xanh có mặt trời.",
            ),
            Picture(
                "outdoor",
                (
                    "Công nhân Công ty TNHH Điện tử Việt Tín tập trung tại khu vực an toàn sau khi "
                    "sơ tán"
                ),
                "Nhiều người mặc áo màu khác nhau đứng rải rác trên sân rộng.",
            ),
        ],
    },
    {
        "title": "Huấn luyện an toàn, vệ sinh lao động cho 120 an toàn, vệ sinh viên",
        "category": "an-toan-ve-sinh-lao-dong",
        "days_ago": 55,
        "time": "16:50",
        "summary": """
            Ngày {ngay}, Liên đoàn Lao động tỉnh tổ chức lớp huấn luyện nghiệp vụ cho 120 an toàn,
            vệ sinh viên của các doanh nghiệp trong ngành xây dựng, cơ khí và chế biến thực phẩm.
        """,
        "body": """
            <p>Học viên được cập nhật các quy định về an toàn, vệ sinh lao động, cách nhận diện mối
            nguy và đánh giá rủi ro tại nơi làm việc. Phần thực hành gồm dùng dây đai an toàn khi
            làm việc trên cao, sơ cứu người bị điện giật và xử lý khi có người bị ngạt khí trong bồn
            chứa.</p>
            <p>Theo số liệu của ngành chức năng, phần lớn các vụ tai nạn lao động trong tỉnh thời
            gian qua xảy ra ở công trình xây dựng nhỏ và xưởng cơ khí, nơi người lao động còn chủ
            quan, không dùng phương tiện bảo vệ cá nhân.</p>
            <p>Đồng chí Đỗ Thành Nhân - Trưởng Ban Chính sách - Pháp luật Liên đoàn Lao động tỉnh
            nhấn mạnh: an toàn, vệ sinh viên là người gần công nhân nhất, cần mạnh dạn nhắc nhở khi
            thấy vi phạm và báo ngay cho công đoàn cơ sở để cùng người sử dụng lao động khắc
            phục.</p>
        """,
        "author": "Quốc Bảo",
        "unit": "Ban Chính sách - Pháp luật LĐLĐ tỉnh",
        "cover": Picture(
            "hall",
            (
                "Đồng chí Đỗ Thành Nhân - Trưởng Ban Chính sách - Pháp luật Liên đoàn Lao động "
                "tỉnh - phát biểu tại lớp huấn luyện"
            ),
            (
                "Phòng học có băng rôn đỏ, người đứng tại bục phát biểu, học viên ngồi thành nhiều "
                "hàng."
            ),
            "HUẤN LUYỆN AN TOÀN VỆ SINH LAO ĐỘNG",
        ),
        "photos": [
            Picture(
                "outdoor",
                (
                    "Kỹ sư Vương Đình Khôi - giảng viên lớp huấn luyện - hướng dẫn học viên sử "
                    "dụng dây đai an toàn"
                ),
                "Nhóm người đứng ngoài trời dưới băng rôn đỏ, phía sau là cây xanh.",
            ),
        ],
    },
    {
        "title": "Khai mạc Giải bóng đá công nhân lao động tranh cúp Liên đoàn Lao động tỉnh",
        "category": "hoat-dong-cong-doan",
        "workflow": "scheduled",
        "days_ago": -3,
        "time": "11:00",
        "summary": """
            Sáng ngày {ngay}, tại Sân vận động tỉnh, Liên đoàn Lao động tỉnh khai mạc Giải bóng đá
            công nhân lao động với 16 đội bóng đến từ các công đoàn ngành, Công đoàn các Khu công
            nghiệp và doanh nghiệp.
        """,
        "body": """
            <p>Giải diễn ra trong ba tuần, các trận đấu được xếp vào chiều tối và ngày cuối tuần để
            cầu thủ không ảnh hưởng đến công việc. Các đội chia thành bốn bảng, hai đội đứng đầu mỗi
            bảng vào tứ kết.</p>
            <p>Phát biểu khai mạc, đồng chí Nguyễn Thị Thanh Hương - Phó Chủ tịch Liên đoàn Lao động
            tỉnh mong giải đấu là sân chơi lành mạnh, giúp công nhân rèn luyện sức khỏe và gắn bó
            hơn giữa các đơn vị. Ban tổ chức sẽ trao giải cho đội vô địch, đội đoạt giải phong cách
            và cầu thủ ghi nhiều bàn thắng nhất.</p>
            <p>Ngay sau lễ khai mạc, đội Công đoàn ngành Giao thông và đội Công ty TNHH Điện tử Việt
            Tín bước vào trận đấu đầu tiên trước sự cổ vũ của đông đảo công nhân.</p>
        """,
        "author": "Trung Kiên",
        "unit": "Ban Tuyên giáo LĐLĐ tỉnh",
        "cover": Picture(
            "outdoor",
            (
                "Đồng chí Nguyễn Thị Thanh Hương - Phó Chủ tịch Liên đoàn Lao động tỉnh - phát "
                "biểu khai mạc giải"
            ),
            (
                "Sân cỏ rộng có nhiều người đứng, phía trên căng băng rôn đỏ chữ vàng, trời xanh "
                "nắng đẹp."
            ),
            "GIẢI BÓNG ĐÁ CÔNG NHÂN LAO ĐỘNG",
        ),
        "photos": [
            Picture(
                "outdoor",
                "Đồng chí Nguyễn Thị Thanh Hương tặng cờ lưu niệm cho đội trưởng các đội bóng",
                "Các cầu thủ mặc áo nhiều màu đứng rải trên sân cỏ, xa xa là hàng cây.",
            ),
        ],
    },
]

for _category in CATEGORIES:
    _category["description"] = _squash(_category["description"])
for _article in ARTICLES:
    _article["summary"] = _squash(_article["summary"])
    _article["body"] = _squash(_article["body"])
