"""Demo questions and answers, across the topics: most answered and published, a few waiting.

Idempotent: a question whose text is already stored is left as it is. Called by load_demo.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from news.text import vietnamese_slugify

from . import workflow
from .models import Question, Topic
from .topics import ensure_topics

ANSWERER = "btv.tuyengiao"  # the demo editor made by load_demo

QUESTIONS = [
    {
        "topic": "Tiền lương",
        "name": "Nguyễn Văn Hùng",
        "email": "hung.nv@example.org",
        "workplace": "Công ty TNHH may mặc Phú Thịnh, KCN Tân Bình",
        "title": "Làm thêm giờ vào ngày nghỉ hằng tuần được trả lương thế nào?",
        "question": (
            "Tôi làm công nhân may, mỗi tuần nghỉ chủ nhật. Tháng trước công ty yêu cầu đi làm "
            "thêm hai ngày chủ nhật nhưng chỉ trả bằng lương ngày thường. Công ty làm vậy có "
            "đúng không? Tôi phải được trả bao nhiêu?"
        ),
        "answer": (
            "<p>Chào bạn Hùng,</p>"
            "<p>Theo Bộ luật Lao động, người lao động làm thêm giờ được trả lương tính theo đơn "
            "giá tiền lương hoặc tiền lương thực trả theo công việc đang làm, với mức ít nhất:</p>"
            "<ul><li>bằng 150% vào ngày thường;</li>"
            "<li>bằng 200% vào ngày nghỉ hằng tuần;</li>"
            "<li>bằng 300% vào ngày nghỉ lễ, tết, ngày nghỉ có hưởng lương (chưa kể tiền lương "
            "của ngày lễ, tết đó).</li></ul>"
            "<p>Như vậy, hai ngày chủ nhật bạn đi làm phải được trả ít nhất gấp đôi tiền lương "
            "một ngày làm việc bình thường. Việc làm thêm giờ cũng phải có sự đồng ý của người "
            "lao động.</p>"
            "<p>Bạn nên đề nghị công đoàn cơ sở làm việc với công ty để trả bù phần chênh lệch. "
            "Nếu công ty không giải quyết, bạn có thể gửi đơn tới Liên đoàn Lao động tỉnh hoặc "
            "cơ quan thanh tra lao động nơi công ty đặt trụ sở.</p>"
        ),
        "days_ago": 2,
    },
    {
        "topic": "Bảo hiểm xã hội",
        "name": "Trần Thị Mai",
        "phone": "0912 345 678",
        "workplace": "Nhà máy chế biến thủy sản",
        "title": "Công ty chậm đóng bảo hiểm xã hội, tôi có bị ảnh hưởng chế độ thai sản?",
        "question": (
            "Em đang mang thai tháng thứ năm. Em nghe nói công ty nợ tiền bảo hiểm xã hội mấy "
            "tháng nay. Khi sinh con em có được hưởng chế độ thai sản không, và em cần làm gì "
            "ngay bây giờ?"
        ),
        "answer": (
            "<p>Chào bạn Mai,</p>"
            "<p>Đóng bảo hiểm xã hội đầy đủ, đúng hạn là trách nhiệm của người sử dụng lao động. "
            "Lao động nữ sinh con được hưởng chế độ thai sản khi đã đóng bảo hiểm xã hội đủ thời "
            "gian theo quy định trong khoảng thời gian trước khi sinh.</p>"
            "<p>Việc công ty chậm đóng có thể làm chậm việc giải quyết hồ sơ của bạn. Bạn nên:</p>"
            "<ol><li>tra cứu quá trình đóng trên ứng dụng VssID hoặc hỏi cơ quan bảo hiểm xã hội "
            "cấp huyện;</li>"
            "<li>đề nghị công đoàn cơ sở yêu cầu công ty đóng đủ phần còn nợ;</li>"
            "<li>nếu công ty vẫn không đóng, báo Liên đoàn Lao động tỉnh: công đoàn có quyền khởi "
            "kiện để bảo vệ quyền lợi tập thể người lao động bị chậm, trốn đóng bảo hiểm.</li></ol>"
        ),
        "days_ago": 5,
    },
    {
        "topic": "Hợp đồng lao động",
        "name": "Lê Minh Tuấn",
        "email": "tuan.lm@example.org",
        "workplace": "Xưởng cơ khí Hòa Phát Lợi",
        "title": "Thời gian thử việc tối đa là bao lâu?",
        "question": (
            "Tôi được nhận vào làm thợ hàn, công ty bắt thử việc 3 tháng với lương bằng 70%. "
            "Hết 3 tháng lại nói thử việc thêm 2 tháng nữa. Như vậy có đúng luật không?"
        ),
        "answer": (
            "<p>Chào bạn Tuấn,</p>"
            "<p>Thời gian thử việc do hai bên thỏa thuận, chỉ được thử việc một lần đối với một "
            "công việc, và không được quá thời hạn luật định theo trình độ công việc: với công "
            "việc cần trình độ chuyên môn kỹ thuật từ trung cấp, công nhân kỹ thuật trở lên, "
            "tối đa là 30 ngày; công việc khác tối đa 6 ngày làm việc (riêng chức danh quản lý "
            "doanh nghiệp và công việc cần trình độ cao đẳng trở lên có thời hạn dài hơn).</p>"
            "<p>Tiền lương thử việc ít nhất bằng 85% mức lương của công việc đó. Vì vậy, thử việc "
            "3 tháng với 70% lương, rồi kéo dài thêm, là trái quy định. Bạn có quyền đề nghị "
            "công ty ký hợp đồng lao động và trả bù phần lương còn thiếu.</p>"
        ),
        "days_ago": 8,
    },
    {
        "topic": "Kỷ luật lao động",
        "name": "Phạm Văn Long",
        "phone": "0987 654 321",
        "title": "Đi làm muộn ba lần có bị sa thải không?",
        "question": (
            "Tháng này tôi đi làm muộn ba lần vì con ốm. Tổ trưởng nói công ty sẽ sa thải tôi. "
            "Công ty có được sa thải tôi vì lý do này không?"
        ),
        "answer": (
            "<p>Chào bạn Long,</p>"
            "<p>Sa thải là hình thức kỷ luật nặng nhất và chỉ được áp dụng trong những trường "
            "hợp luật quy định, ví dụ trộm cắp, tham ô, đánh bạc, cố ý gây thương tích, sử dụng "
            "ma túy tại nơi làm việc, hoặc tự ý bỏ việc nhiều ngày không có lý do chính đáng. "
            "Đi làm muộn vài lần không thuộc các trường hợp này.</p>"
            "<p>Nếu nội quy lao động có quy định về đi muộn, công ty chỉ có thể xử lý theo hình "
            "thức nhẹ hơn (khiển trách, kéo dài thời hạn nâng lương…), và phải họp xử lý kỷ luật "
            "có mặt của bạn và tổ chức công đoàn cơ sở. Bạn có quyền trình bày lý do con ốm, có "
            "giấy tờ thì nên mang theo.</p>"
        ),
        "days_ago": 11,
    },
    {
        "topic": "Công đoàn",
        "name": "Võ Thị Hạnh",
        "email": "hanh.vt@example.org",
        "workplace": "Công ty cổ phần giày da Sông Tiền",
        "title": "Đoàn viên đóng đoàn phí bao nhiêu mỗi tháng?",
        "question": (
            "Em mới vào làm và được mời gia nhập công đoàn. Em muốn biết đoàn phí mỗi tháng là "
            "bao nhiêu, có trừ thẳng vào lương không, và vào công đoàn thì em được gì?"
        ),
        "answer": (
            "<p>Chào bạn Hạnh,</p>"
            "<p>Đoàn viên công đoàn đóng đoàn phí hằng tháng bằng 1% tiền lương làm căn cứ đóng "
            "bảo hiểm xã hội, nhưng có mức tối đa theo quy định của Tổng Liên đoàn Lao động Việt "
            "Nam. Nếu bạn đồng ý, công ty có thể thu hộ qua bảng lương để chuyển cho công đoàn "
            "cơ sở.</p>"
            "<p>Là đoàn viên, bạn được công đoàn đại diện, bảo vệ khi quyền lợi bị xâm phạm, được "
            "tư vấn pháp luật miễn phí, được thăm hỏi khi ốm đau, khó khăn, và hưởng các phúc "
            "lợi, ưu đãi dành cho đoàn viên. Gia nhập công đoàn là tự nguyện.</p>"
        ),
        "days_ago": 14,
    },
    {
        "topic": "Thời giờ làm việc – nghỉ ngơi",
        "name": "Đặng Quốc Bảo",
        "email": "bao.dq@example.org",
        "title": "Nghỉ phép năm chưa dùng hết có được trả tiền?",
        "question": (
            "Năm nay tôi còn 6 ngày phép chưa nghỉ vì công ty nhiều đơn hàng. Cuối năm công ty "
            "nói phép không nghỉ thì mất. Tôi có được thanh toán tiền những ngày phép này không?"
        ),
        "answer": (
            "<p>Chào bạn Bảo,</p>"
            "<p>Người lao động làm đủ 12 tháng cho một người sử dụng lao động thì được nghỉ hằng "
            "năm hưởng nguyên lương, số ngày tùy điều kiện làm việc và thâm niên. Người sử dụng "
            "lao động quy định lịch nghỉ sau khi tham khảo ý kiến người lao động.</p>"
            "<p>Luật quy định thanh toán tiền lương cho những ngày chưa nghỉ khi người lao động "
            "thôi việc, bị mất việc làm mà chưa nghỉ hết. Trong lúc vẫn làm việc, bạn nên thỏa "
            "thuận với công ty để gộp hoặc chuyển số ngày phép, hoặc được trả tiền theo quy chế "
            "của công ty, thỏa ước lao động tập thể nếu có quy định có lợi hơn.</p>"
        ),
        "days_ago": 18,
    },
    {
        "topic": "An toàn, vệ sinh lao động",
        "name": "Huỳnh Văn Tài",
        "phone": "0905 111 222",
        "workplace": "Công trình xây dựng khu dân cư phía Bắc",
        "title": "Bị tai nạn trên đường đi làm có được tính là tai nạn lao động?",
        "question": (
            "Sáng nay tôi bị ngã xe trên đường từ nhà tới công trường, gãy tay phải nghỉ một "
            "tháng. Trường hợp của tôi có được hưởng chế độ tai nạn lao động không?"
        ),
        "answer": (
            "<p>Chào bạn Tài,</p>"
            "<p>Tai nạn xảy ra trên tuyến đường đi từ nơi ở đến nơi làm việc, trong khoảng thời "
            "gian và tuyến đường hợp lý, được xem là tai nạn lao động. Bạn cần có biên bản hoặc "
            "xác nhận của công an hay chính quyền nơi xảy ra tai nạn.</p>"
            "<p>Người sử dụng lao động phải thanh toán chi phí điều trị phần bảo hiểm y tế không "
            "chi trả, trả đủ lương trong thời gian bạn nghỉ điều trị, và lập hồ sơ để bạn được "
            "giám định, hưởng chế độ từ quỹ bảo hiểm tai nạn lao động nếu suy giảm khả năng lao "
            "động từ mức luật định. Hãy báo ngay cho công ty và giữ giấy tờ khám, chữa bệnh.</p>"
        ),
        "days_ago": 23,
    },
    {
        "topic": "Bảo hiểm thất nghiệp",
        "name": "Ngô Thị Lan",
        "email": "lan.nt@example.org",
        "title": "Nghỉ việc bao lâu thì phải nộp hồ sơ hưởng trợ cấp thất nghiệp?",
        "question": (
            "Hợp đồng của tôi hết hạn cuối tháng này và công ty không ký tiếp. Tôi đóng bảo hiểm "
            "thất nghiệp được 4 năm. Tôi phải nộp hồ sơ ở đâu, trong bao lâu?"
        ),
        "answer": (
            "<p>Chào bạn Lan,</p>"
            "<p>Trong thời hạn 3 tháng kể từ ngày chấm dứt hợp đồng lao động, bạn nộp hồ sơ đề "
            "nghị hưởng trợ cấp thất nghiệp tại trung tâm dịch vụ việc làm nơi bạn muốn nhận "
            "trợ cấp. Hồ sơ gồm đơn đề nghị, giấy tờ chứng minh đã chấm dứt hợp đồng và sổ bảo "
            "hiểm xã hội đã được chốt.</p>"
            "<p>Quá thời hạn này mà không nộp, bạn không được hưởng trợ cấp lần này, thời gian "
            "đóng được bảo lưu cho lần sau. Trung tâm dịch vụ việc làm cũng tư vấn, giới thiệu "
            "việc làm và hỗ trợ học nghề miễn phí.</p>"
        ),
        "days_ago": 30,
    },
    {
        "topic": "Tiền lương",
        "name": "Bùi Thanh Sơn",
        "phone": "0933 222 444",
        "workplace": "Doanh nghiệp chế biến gỗ",
        "question": (
            "Công ty trả lương chậm 20 ngày so với ngày ghi trong hợp đồng, tháng nào cũng vậy. "
            "Chúng tôi có được đòi thêm tiền lãi vì trả chậm không?"
        ),
        "days_ago": 1,
    },
    {
        "topic": "Hợp đồng lao động",
        "name": "Đỗ Ngọc Ánh",
        "email": "anh.dn@example.org",
        "question": (
            "Tôi muốn nghỉ việc để về quê chăm mẹ ốm. Hợp đồng không xác định thời hạn. Tôi phải "
            "báo trước bao nhiêu ngày và có được trợ cấp thôi việc không?"
        ),
        "days_ago": 0,
    },
    {
        "topic": "Lao động nữ",
        "name": "Mai Thu Trang",
        "email": "trang.mt@example.org",
        "workplace": "Công ty điện tử",
        "question": (
            "Con tôi được 10 tháng tuổi. Tôi có được nghỉ mỗi ngày 60 phút để cho con bú không, "
            "và thời gian đó có bị trừ lương không?"
        ),
        "days_ago": 0,
    },
]


def answerer():
    User = get_user_model()
    return User.objects.filter(username=ANSWERER).first()


def load(stdout):
    ensure_topics(Topic)
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    by = answerer()
    created = 0
    for data in QUESTIONS:
        if Question.objects.filter(question=data["question"]).exists():
            continue
        asked_at = timezone.now() - dt.timedelta(days=data["days_ago"], hours=3)
        question = Question.objects.create(
            asker_name=data["name"],
            phone=data.get("phone", ""),
            email=data.get("email", ""),
            workplace=data.get("workplace", ""),
            topic=topics[vietnamese_slugify(data["topic"])],
            title=data.get("title", ""),
            question=data["question"],
            answer=data.get("answer", ""),
        )
        created += 1
        if data.get("answer") and by is not None:
            workflow.transition(question, "publish", by=by)
            answered = asked_at + dt.timedelta(hours=20)
            # Spread over the past days, as if answered then.
            Question.objects.filter(pk=question.pk).update(
                created_at=asked_at, answered_at=answered, published_at=answered
            )
        else:
            Question.objects.filter(pk=question.pk).update(created_at=asked_at)
    published = Question.objects.published().count()
    stdout.write(
        f"Hỏi đáp: {len(QUESTIONS)} câu hỏi mẫu (mới {created}), {published} đã công bố, "
        f"{Question.objects.pending().count()} chờ trả lời"
    )
