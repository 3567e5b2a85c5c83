"""Mail about an article's steps, sent once the step is committed (locmem backend)."""

import pytest
from django.core import mail
from django.db import transaction

from news import workflow
from news.models import Article
from tests.factories import ArticleFactory, ContentAdminFactory, CorrespondentFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://congdoan.example.gov.vn"


@pytest.fixture
def people():
    author = CorrespondentFactory(email="ctv@example.org", full_name="Trần Thị Hoa")
    editor = StaffFactory(email="btv@example.org", full_name="Võ Văn Biên")
    admin = ContentAdminFactory(email="qt@example.org")
    StaffFactory(email="", username="btv_khong_thu")  # no address: skipped
    StaffFactory(email="nghi@example.org", is_active=False)  # left: skipped
    article = ArticleFactory(
        draft=True, title="Hội nghị người lao động", author_unit=author.profile.unit,
        created_by=author,
    )  # fmt: skip
    return author, editor, admin, article


def test_editors_get_a_mail_on_submit(people, django_capture_on_commit_callbacks):
    author, editor, admin, article = people
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(article, "submit", by=author)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["btv@example.org", "qt@example.org"]
    assert message.subject == "[Chờ duyệt] Hội nghị người lao động"
    assert "Trần Thị Hoa" in message.body
    assert (
        f"https://congdoan.example.gov.vn/admin/news/article/{article.pk}/change/" in message.body
    )


def test_author_gets_the_comment_on_return(people, django_capture_on_commit_callbacks):
    author, editor, admin, article = people
    workflow.transition(article, "submit", by=author)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(article, "return", by=editor, comment="Bổ sung số liệu đoàn viên.")

    assert [m.to for m in mail.outbox] == [["ctv@example.org"]]
    assert mail.outbox[0].subject == "[Trả lại] Hội nghị người lao động"
    assert "Bổ sung số liệu đoàn viên." in mail.outbox[0].body
    assert "Võ Văn Biên" in mail.outbox[0].body


def test_author_hears_of_publication(people, django_capture_on_commit_callbacks):
    author, editor, admin, article = people
    workflow.transition(article, "submit", by=author)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(article, "publish", by=editor)

    article.refresh_from_db()
    assert [m.to for m in mail.outbox] == [["ctv@example.org"]]
    assert mail.outbox[0].subject == "[Đã duyệt] Hội nghị người lao động"
    assert f"https://congdoan.example.gov.vn{article.get_absolute_url()}" in mail.outbox[0].body


def test_an_editor_publishing_their_own_article_gets_no_mail(
    people, django_capture_on_commit_callbacks
):
    author, editor, admin, article = people
    Article.objects.filter(pk=article.pk).update(created_by=editor)
    article.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(article, "publish", by=editor)
    assert mail.outbox == []


def test_nothing_is_sent_when_the_step_is_rolled_back(people, django_capture_on_commit_callbacks):
    author, editor, admin, article = people
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                workflow.transition(article, "submit", by=author)
                raise RuntimeError("something later in the same request failed")
        except RuntimeError:
            pass

    assert callbacks == []
    assert mail.outbox == []
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_a_refused_step_sends_nothing(people, django_capture_on_commit_callbacks):
    author, editor, admin, article = people
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(workflow.TransitionRefused),
    ):
        workflow.transition(article, "publish", by=author)
    assert mail.outbox == []


def test_a_failing_mail_server_never_undoes_the_step(
    people, django_capture_on_commit_callbacks, settings, caplog
):
    settings.EMAIL_BACKEND = "tests.test_notifications.BrokenBackend"
    author, editor, admin, article = people
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(article, "submit", by=author)
    article.refresh_from_db()
    assert article.status == Article.Status.PENDING
    assert "Không gửi được thư" in caplog.text


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")

    def open(self):
        raise ConnectionRefusedError("mail server down")

    def close(self):
        pass
