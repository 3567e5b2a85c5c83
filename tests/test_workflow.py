"""The life of an article: every role × every step × own/other unit, through the admin."""

import datetime as dt

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news import workflow
from news.models import Article, ArticleTransition
from tests.builders import change_form
from tests.factories import (
    ArticleFactory,
    ContentAdminFactory,
    CorrespondentFactory,
    StaffFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db
S = Article.Status

# The state each step starts from, and where it leads.
SOURCE = {"submit": S.DRAFT, "return": S.PENDING, "publish": S.PENDING, "withdraw": S.PUBLISHED}
TARGET = {
    "submit": S.PENDING,
    "return": S.RETURNED,
    "publish": S.PUBLISHED,
    "withdraw": S.WITHDRAWN,
}
ROLES = ["correspondent", "correspondent of another unit", "editor", "content administrator"]
ALLOWED = {
    "correspondent": {"submit"},
    "correspondent of another unit": set(),
    "editor": {"submit", "return", "publish", "withdraw"},
    "content administrator": {"submit", "return", "publish", "withdraw"},
}


@pytest.fixture
def unit():
    return UnitFactory(short_name="CĐCKCN", name="Công đoàn các Khu công nghiệp")


def person(role, unit):
    if role == "correspondent":
        return CorrespondentFactory(unit=unit)
    if role == "correspondent of another unit":
        return CorrespondentFactory(unit=UnitFactory(short_name="LĐLĐ huyện Tân Phú"))
    if role == "editor":
        return StaffFactory()
    return ContentAdminFactory()


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def article_in(status, unit, **fields):
    published_at = timezone.now() - dt.timedelta(days=1) if status == S.PUBLISHED else None
    return ArticleFactory(status=status, author_unit=unit, published_at=published_at, **fields)


def unchanged(article, before):
    article.refresh_from_db()
    return (article.status, article.title, article.edit_version) == before


@pytest.mark.parametrize("step", list(SOURCE))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix_through_the_article_form(role, step, unit):
    user = person(role, unit)
    article = article_in(SOURCE[step], unit)
    before = (article.status, article.title, article.edit_version)
    url = reverse("admin:news_article_change", args=[article.pk])
    data = change_form(
        article, title="Tiêu đề sửa kèm bước duyệt", _transition=step, workflow_comment="Lý do"
    )
    del data["_save"]
    response = logged_in(user).post(url, data)

    article.refresh_from_db()
    if step in ALLOWED[role]:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert article.status == TARGET[step]
        row = ArticleTransition.objects.get(article=article)
        assert (row.actor, row.from_status, row.to_status) == (user, SOURCE[step], TARGET[step])
    else:
        # Refused (403, "does not exist" or a form error), and nothing of the POST was applied.
        assert response.status_code in {200, 302, 403}
        assert unchanged(article, before)
        assert not ArticleTransition.objects.exists()


@pytest.mark.parametrize(
    "action, step", [("publish_selected", "publish"), ("submit_selected", "submit")]
)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix_through_list_actions(role, action, step, unit):
    user = person(role, unit)
    article = article_in(S.DRAFT, unit)
    before = (article.status, article.title, article.edit_version)
    url = reverse("admin:news_article_changelist")
    logged_in(user).post(url, {"action": action, "_selected_action": [article.pk]})
    article.refresh_from_db()
    if step in ALLOWED[role]:
        assert article.status == TARGET[step]
        assert ArticleTransition.objects.filter(article=article).count() == 1
        # Recorded in the admin history like a save from the form.
        assert LogEntry.objects.filter(object_id=str(article.pk), user=user).exists()
    else:
        assert unchanged(article, before)


def test_total_size_of_the_permission_matrix():
    """4 roles × 4 steps through the form, 4 roles × 2 list actions: quoted in the README."""
    assert len(ROLES) * len(SOURCE) + len(ROLES) * 2 == 24


@pytest.mark.parametrize(
    "forged",
    [
        {"status": "published"},
        {"is_featured": "on"},
        {"published_at_0": "01/01/2030", "published_at_1": "08:00:00"},
        {"expires_at_0": "01/01/2020", "expires_at_1": "08:00:00"},
        {"_transition": "publish"},
        {"_transition": "withdraw", "workflow_comment": "gỡ"},
    ],
    ids=["status", "featured", "schedule", "expiry", "publish-step", "withdraw-step"],
)
def test_a_correspondent_forging_publication_fields_changes_nothing_of_them(unit, forged):
    user = CorrespondentFactory(unit=unit)
    article = article_in(S.DRAFT, unit)
    url = reverse("admin:news_article_change", args=[article.pk])
    logged_in(user).post(url, change_form(article, **forged))
    article.refresh_from_db()
    assert article.status == S.DRAFT
    assert article.published_at is None and article.expires_at is None
    assert article.is_featured is False
    assert not ArticleTransition.objects.exists()


def test_a_correspondent_cannot_move_an_article_to_another_unit(unit):
    user = CorrespondentFactory(unit=unit)
    other = UnitFactory(short_name="CĐ Ngành Y tế")
    article = article_in(S.DRAFT, unit)
    url = reverse("admin:news_article_change", args=[article.pk])
    logged_in(user).post(url, change_form(article, author_unit=str(other.pk)))
    article.refresh_from_db()
    assert article.author_unit == unit


def test_a_correspondent_writes_for_their_own_unit_whatever_the_post_says(unit):
    user = CorrespondentFactory(unit=unit)
    other = UnitFactory(short_name="CĐ Ngành Y tế")
    from tests.builders import ADD_URL, article_form
    from tests.factories import CategoryFactory

    data = article_form(CategoryFactory(), author_unit=str(other.pk), _transition="submit")
    response = logged_in(user).post(ADD_URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert (article.author_unit, article.status, article.created_by) == (unit, S.PENDING, user)
    assert article.published_at is None


def test_a_correspondent_sees_only_their_units_articles(unit):
    mine = article_in(S.DRAFT, unit, title="Bài của đơn vị mình")
    theirs = article_in(S.DRAFT, UnitFactory(short_name="CĐ Ngành Y tế"), title="Bài đơn vị khác")
    client = logged_in(CorrespondentFactory(unit=unit))
    html = client.get(reverse("admin:news_article_changelist")).content.decode()
    assert mine.title in html and theirs.title not in html
    response = client.get(reverse("admin:news_article_change", args=[theirs.pk]))
    assert response.status_code == 302  # "does not exist", as for a missing article


@pytest.mark.parametrize(
    "status, may_delete",
    [(S.DRAFT, True), (S.RETURNED, True), (S.PENDING, False), (S.PUBLISHED, False)],
)
def test_a_correspondent_deletes_only_what_is_still_theirs(unit, status, may_delete):
    article = article_in(status, unit)
    client = logged_in(CorrespondentFactory(unit=unit))
    url = reverse("admin:news_article_delete", args=[article.pk])
    response = client.post(url, {"post": "yes"})
    assert Article.objects.live().filter(pk=article.pk).exists() is not may_delete
    if not may_delete:
        assert response.status_code == 403


def test_a_correspondent_cannot_bulk_delete(unit):
    article = article_in(S.PENDING, unit)
    client = logged_in(CorrespondentFactory(unit=unit))
    url = reverse("admin:news_article_changelist")
    client.post(url, {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"})
    assert Article.objects.live().filter(pk=article.pk).exists()


def test_returning_needs_a_comment_which_the_author_then_reads(unit):
    editor = StaffFactory(full_name="Phạm Thu Biên")
    author = CorrespondentFactory(unit=unit)
    article = article_in(S.PENDING, unit, created_by=author)
    url = reverse("admin:news_article_change", args=[article.pk])
    data = change_form(article, _transition="return")
    del data["_save"]
    response = logged_in(editor).post(url, data)
    assert response.status_code == 200
    assert "Hãy ghi lý do khi «Trả lại»" in response.content.decode()
    article.refresh_from_db()
    assert article.status == S.PENDING

    data["workflow_comment"] = "Bổ sung tên người trong ảnh và số liệu."
    assert logged_in(editor).post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.status == S.RETURNED
    html = logged_in(author).get(url).content.decode()
    assert "Bổ sung tên người trong ảnh và số liệu." in html
    assert "Phạm Thu Biên trả lại" in html


def test_publishing_stamps_the_moment_unless_a_time_was_set(unit):
    editor = StaffFactory()
    old = article_in(S.PENDING, unit)
    Article.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=9))
    before = timezone.now()
    workflow.transition(old, "publish", by=editor)
    old.refresh_from_db()
    assert before <= old.published_at <= timezone.now()

    chosen = timezone.now() - dt.timedelta(days=3)
    backdated = article_in(S.PENDING, unit)
    Article.objects.filter(pk=backdated.pk).update(published_at=chosen)
    backdated.refresh_from_db()
    workflow.transition(backdated, "publish", by=editor)
    backdated.refresh_from_db()
    assert backdated.published_at == chosen


def test_a_scheduled_article_is_listed_as_hen_gio_and_appears_by_itself(client, unit):
    editor = StaffFactory()
    article = article_in(S.PENDING, unit)
    at = timezone.now() + dt.timedelta(hours=2)
    workflow.transition(article, "publish", by=editor, publish_at=at)
    article.refresh_from_db()
    assert article.state_label == f"Hẹn giờ {timezone.localtime(at):%H:%M %d/%m}"
    assert client.get(article.get_absolute_url()).status_code == 404
    html = logged_in(editor).get(reverse("admin:news_article_changelist")).content.decode()
    assert f"Hẹn giờ {timezone.localtime(at):%H:%M %d/%m}" in html
    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - dt.timedelta(seconds=1)
    )
    assert client.get(article.get_absolute_url()).status_code == 200


def test_withdrawn_and_expired_articles_answer_404_like_missing_ones(client, unit):
    editor = StaffFactory()
    article = article_in(S.PUBLISHED, unit)
    assert client.get(article.get_absolute_url()).status_code == 200
    workflow.transition(article, "withdraw", by=editor, comment="Sai số liệu")
    assert client.get(article.get_absolute_url()).status_code == 404
    assert article.transitions.get().comment == "Sai số liệu"

    expiring = article_in(S.PUBLISHED, unit)
    Article.objects.filter(pk=expiring.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    assert client.get(expiring.get_absolute_url()).status_code == 404
    assert not Article.objects.published().filter(pk=expiring.pk).exists()


def test_the_list_shows_state_unit_and_who_changed_it_last(unit):
    editor = StaffFactory(full_name="Hoàng Minh Biên")
    article = article_in(S.PENDING, unit, title="Bài chờ duyệt của khu công nghiệp")
    workflow.transition(article, "return", by=editor, comment="Thiếu ảnh")
    html = logged_in(editor).get(reverse("admin:news_article_changelist")).content.decode()
    assert "Trả lại" in html and "CĐCKCN" in html and "Hoàng Minh Biên" in html
    assert editor.username not in html.split("<tbody>")[1]


def test_the_timeline_shows_every_step(unit):
    editor = StaffFactory(full_name="Đỗ Văn Duyệt")
    author = CorrespondentFactory(unit=unit, full_name="Vũ Thị Viết")
    article = article_in(S.DRAFT, unit, created_by=author)
    workflow.transition(article, "submit", by=author)
    workflow.transition(article, "return", by=editor, comment="Viết lại sa-pô")
    workflow.transition(article, "submit", by=author)
    workflow.transition(article, "publish", by=editor)
    url = reverse("admin:news_article_change", args=[article.pk])
    html = logged_in(editor).get(url).content.decode()
    timeline = html.split('class="timeline"')[1].split("</ol>")[0]
    assert timeline.count("<li>") == 4
    assert "Vũ Thị Viết: Nháp → Chờ duyệt" in timeline
    assert "Đỗ Văn Duyệt: Chờ duyệt → Trả lại — «Viết lại sa-pô»" in timeline
    assert "Đỗ Văn Duyệt: Chờ duyệt → Đã xuất bản" in timeline


def test_a_stale_step_is_refused_by_the_stored_state(unit):
    editor = StaffFactory()
    article = article_in(S.PENDING, unit)
    stale = Article.objects.get(pk=article.pk)
    workflow.transition(article, "return", by=editor, comment="Thiếu ảnh")
    with pytest.raises(workflow.TransitionRefused):
        workflow.transition(stale, "return", by=editor, comment="Lần nữa")
    assert ArticleTransition.objects.count() == 1


def test_editors_see_the_review_queue_on_the_admin_index(unit):
    article_in(S.PENDING, unit)
    article_in(S.PENDING, unit)
    article_in(S.DRAFT, unit)
    html = logged_in(StaffFactory()).get(reverse("admin:index")).content.decode()
    assert "Chờ duyệt: 2 bài" in html
    assert "trang_thai=pending" in html


def test_editors_filter_the_list_by_unit_category_state_and_author(unit):
    author = CorrespondentFactory(unit=unit, full_name="Vũ Thị Viết")
    mine = article_in(S.PENDING, unit, title="Bài của khu công nghiệp", created_by=author)
    other = article_in(S.DRAFT, UnitFactory(short_name="CĐ Ngành Y tế"), title="Bài ngành y tế")
    client = logged_in(StaffFactory())
    url = reverse("admin:news_article_changelist")
    for query, shown, hidden in [
        ({"author_unit__id__exact": unit.pk}, mine, other),
        ({"category__id__exact": other.category_id}, other, mine),
        ({"trang_thai": "pending"}, mine, other),
        ({"nguoi_viet": author.pk}, mine, other),
    ]:
        html = client.get(url, query).content.decode()
        assert shown.title in html and hidden.title not in html, query
    assert "Vũ Thị Viết" in client.get(url).content.decode()  # offered in the author filter
