import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone
from PIL import Image

from news import renditions
from news.demo_content import ARTICLES, STAFF
from news.models import Article, ArticleTransition, Category, Photo
from news.sanitize import clean_html
from portal.newsroom import report
from portal.newsroom.people import display_name
from portal.photos.models import Picture

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = re.compile(r"^  (\S+)  mật khẩu: (\S+)$", re.MULTILINE)


@pytest.fixture(autouse=True)
def made(monkeypatch):
    """Which files load_demo has renditions made for; making them (over a second for each demo
    picture) is tested in tests/test_renditions.py."""
    names = []
    monkeypatch.setattr(renditions, "make", lambda name, **options: names.append(name) or 0)
    return names


def test_demo_pictures_have_their_renditions_made(made):
    load_demo("--photos-per-article", "1")
    pictures = {*Article.objects.values_list("cover", flat=True)}
    pictures |= {*Photo.objects.values_list("image", flat=True)}
    pictures |= {*Picture.objects.values_list("image", flat=True)}  # the gallery's, posters too
    assert set(made) == pictures and len(pictures) > 20


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_demo_fills_the_portal_with_articles_categories_and_photos():
    output = load_demo()

    assert Category.objects.count() >= 5
    assert Article.objects.count() >= 12
    assert f"Bài viết: {Article.objects.count()} (mới {Article.objects.count()})" in output
    published = Article.objects.published()
    assert published.filter(is_featured=True).exists()
    scheduled = Article.objects.filter(
        status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
    )
    assert scheduled.count() == 1
    hidden = Article.objects.exclude(status=Article.Status.PUBLISHED)
    assert not published.filter(pk__in=[*hidden.values_list("pk", flat=True), scheduled.get().pk])
    assert published.count() == Article.objects.count() - hidden.count() - 1
    assert Category.objects.filter(articles__isnull=True).count() == 0

    for article in Article.objects.prefetch_related("photos"):
        assert article.cover and article.cover_alt and article.cover_caption
        assert article.author_name and article.author_unit
        assert article.body.startswith("<p>")
        assert "{ngay}" not in article.summary
        photos = list(article.photos.all())
        assert photos, article.title
        for photo in photos:
            assert photo.caption and photo.alt_text and photo.credit
            assert photo.alt_text != photo.caption

    with Image.open(Article.objects.first().cover.path) as cover:
        assert (cover.format, cover.size) == ("JPEG", (1200, 750))


def test_demo_summary_dates_match_publication_dates():
    load_demo("--photos-per-article", "1")

    for article in Article.objects.filter(published_at__isnull=False):
        local = timezone.localtime(article.published_at)
        assert f"{local:%d/%m/%Y}" in article.summary


def test_second_run_creates_nothing_and_keeps_the_files():
    load_demo("--photos-per-article", "1")
    counts = (Category.objects.count(), Article.objects.count(), Photo.objects.count())
    files = sorted(Article.objects.values_list("cover", flat=True))
    files += sorted(Photo.objects.values_list("image", flat=True))

    output = load_demo("--photos-per-article", "1")

    assert (Category.objects.count(), Article.objects.count(), Photo.objects.count()) == counts
    assert "(mới 0)" in output
    assert "Tệp ảnh vừa vẽ: 0" in output
    again = sorted(Article.objects.values_list("cover", flat=True))
    again += sorted(Photo.objects.values_list("image", flat=True))
    assert again == files


def test_missing_picture_is_drawn_again():
    load_demo("--photos-per-article", "1")
    article = Article.objects.first()
    article.cover.delete(save=True)

    output = load_demo("--photos-per-article", "1")

    article.refresh_from_db()
    assert article.cover and article.cover.storage.exists(article.cover.name)
    assert "Tệp ảnh vừa vẽ: 1" in output


def test_photos_per_article_must_be_positive():
    with pytest.raises(CommandError):
        load_demo("--photos-per-article", "0")
    assert not Article.objects.exists()


def test_demo_bodies_use_only_html_that_survives_cleaning():
    changed = [data["title"] for data in ARTICLES if clean_html(data["body"]) != data["body"]]
    assert changed == []


def test_demo_has_every_state_with_its_history_taken_by_the_demo_staff():
    output = load_demo("--photos-per-article", "1")

    users = {data["key"]: User.objects.get(username=data["username"]) for data in STAFF}
    correspondent, editor, content_admin = (
        users["correspondent"],
        users["editor"],
        users["content_admin"],
    )
    assert [user.groups.get().name for user in users.values()] == [
        "Cộng tác viên",
        "Biên tập viên",
        "Quản trị nội dung",
    ]
    assert correspondent.profile.unit.short_name == "CĐCKCN"
    for user in users.values():
        assert user.is_staff and user.email and user.profile.full_name and user.profile.phone
        assert user.has_usable_password()

    Status = Article.Status
    states = {
        Status.DRAFT: [],
        Status.PENDING: [("draft", "pending")],
        Status.RETURNED: [("draft", "pending"), ("pending", "returned")],
        Status.WITHDRAWN: [("draft", "pending"), ("pending", "published"),
                           ("published", "withdrawn")],
    }  # fmt: skip
    for status, steps in states.items():
        article = Article.objects.get(status=status, created_by__isnull=False)
        history = list(article.transitions.all())
        assert [(row.from_status, row.to_status) for row in history] == steps
        assert article.created_by in (correspondent, editor)
        if status in {Status.RETURNED, Status.WITHDRAWN}:
            assert history[-1].comment and history[-1].actor in (editor, content_admin)
    scheduled = Article.objects.get(status=Status.PUBLISHED, published_at__gt=timezone.now())
    assert scheduled.transitions.last().to_status == Status.PUBLISHED
    assert scheduled.transitions.last().actor == content_admin
    live = Article.objects.published().filter(created_by=correspondent).get()
    assert [row.actor for row in live.transitions.all()] == [correspondent, editor]
    assert ArticleTransition.objects.filter(actor__isnull=True).count() == 0

    # Passwords were generated and printed once, never the same twice.
    printed = {username: password for username, password in PASSWORD.findall(output)}
    assert sorted(printed) == sorted(data["username"] for data in STAFF)
    assert len(set(printed.values())) == 3
    for user in users.values():
        assert user.check_password(printed[user.username])

    # The report for this month has figures, named by full name.
    today = timezone.localdate()
    figures = report.build(*report.month_bounds(today.year, today.month))
    assert figures.total.submitted >= 4 and figures.total.returned >= 1
    assert figures.total.published >= 1 and figures.total.photos >= 2
    authors = {row.author for row in figures.rows}
    assert display_name(correspondent) in authors
    assert correspondent.username not in authors


def test_second_run_creates_no_account_no_step_and_prints_no_password():
    first = load_demo("--photos-per-article", "1")
    steps = ArticleTransition.objects.count()
    passwords = dict(
        User.objects.filter(username__in=[d["username"] for d in STAFF]).values_list(
            "username", "password"
        )
    )

    again = load_demo("--photos-per-article", "1")

    assert PASSWORD.findall(first) and not PASSWORD.findall(again)
    assert "mật khẩu" not in again.lower()
    assert f"Tài khoản cán bộ: {len(STAFF)} (mới 0)" in again
    assert ArticleTransition.objects.count() == steps
    assert User.objects.count() == len(STAFF)
    assert passwords == dict(
        User.objects.filter(username__in=passwords).values_list("username", "password")
    )
