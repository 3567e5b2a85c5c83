"""A library picture picked for the body of an article: the editor dialog's library window, and
the library file kept on disk while a body shows it."""

import pytest
from django.urls import reverse

from news import media_files, trash
from news.models import Article
from portal.photos.models import Picture
from tests.factories import (
    ArticleFactory,
    CorrespondentFactory,
    PictureFactory,
    StaffFactory,
    UserFactory,
)

BROWSE_URL = "/admin/photos/picture/chon/"


def picks(response):
    """(url, alt) of every picture the window offers, in order."""
    return [
        (picture.image.url, picture.alt_text) for picture in response.context["page"].object_list
    ]


def test_the_url_is_the_one_the_editor_opens():
    assert reverse("admin:photos_picture_browse") == BROWSE_URL


@pytest.mark.django_db
def test_who_may_write_articles_may_browse_the_library_others_may_not(client, media):
    PictureFactory()
    assert client.get(BROWSE_URL).status_code == 302  # to the login page
    client.force_login(UserFactory(is_staff=True))  # staff, no newsroom role
    assert client.get(BROWSE_URL).status_code == 403
    client.force_login(CorrespondentFactory())
    response = client.get(BROWSE_URL)
    assert response.status_code == 200
    assert len(picks(response)) == 1


@pytest.mark.django_db
def test_search_without_diacritics_offers_the_librarys_file_and_alt(client, media):
    client.force_login(StaffFactory())
    meeting = PictureFactory(
        caption="Hội nghị người lao động Công ty Dệt Nam Định", alt_text="Hội trường kín chỗ"
    )
    PictureFactory(caption="Trao quà Tết cho công nhân", alt_text="Hai người bắt tay")
    response = client.get(BROWSE_URL, {"q": "hoi nghi nguoi lao dong", "CKEditorFuncNum": "3"})
    assert picks(response) == [(meeting.image.url, "Hội trường kín chỗ")]
    html = response.content.decode()
    assert f'data-picture-url="{meeting.image.url}"' in html
    assert 'data-picture-alt="Hội trường kín chỗ"' in html
    assert 'data-func-num="3"' in html
    assert "js/picture-browse.js" in html and "<script>" not in html
    assert "1 ảnh khớp" in html
    response = client.get(BROWSE_URL, {"q": "khong co anh nao"})
    assert picks(response) == []
    assert "Không có ảnh nào khớp" in response.content.decode()


@pytest.mark.django_db
def test_pages_keep_the_search_and_the_editors_number_and_bad_input_is_no_error(client, media):
    client.force_login(StaffFactory())
    for n in range(26):
        PictureFactory(caption=f"Giải bóng đá công nhân lần {n}")
    PictureFactory(caption="Lớp tập huấn")
    first = client.get(BROWSE_URL, {"q": "bong da", "CKEditorFuncNum": "12"})
    assert len(picks(first)) == 24
    html = first.content.decode()
    assert "?q=bong+da&amp;CKEditorFuncNum=12&amp;p=2" in html
    second = client.get(BROWSE_URL, {"q": "bong da", "CKEditorFuncNum": "12", "p": "2"})
    assert len(picks(second)) == 2
    assert not set(picks(first)) & set(picks(second))
    for bad in ("abc", "-1", "999", "2.5"):
        assert client.get(BROWSE_URL, {"p": bad}).status_code == 200
    hostile = client.get(BROWSE_URL, {"CKEditorFuncNum": '1"><script>alert(1)</script>'})
    assert hostile.status_code == 200
    assert 'data-func-num=""' in hostile.content.decode()
    assert "alert(1)" not in hostile.content.decode()


@pytest.mark.django_db
def test_the_window_costs_a_fixed_number_of_queries(client, media, django_assert_max_num_queries):
    client.force_login(StaffFactory())
    for _n in range(30):
        PictureFactory()
    # session, user, the user's and the groups' permissions, the count, the page
    with django_assert_max_num_queries(6):
        response = client.get(BROWSE_URL, {"q": "tap huan", "p": "2"})
    assert len(picks(response)) == 6


@pytest.mark.django_db
def test_a_library_file_in_a_body_is_kept_while_the_body_shows_it(
    media, django_capture_on_commit_callbacks
):
    picture = PictureFactory()
    name = picture.image.name
    body = f'<p><img src="/media/{name}" alt="Học viên trong hội trường"></p>'
    article = ArticleFactory(body=body)
    assert name in media_files.body_names(article.body)
    assert name in media_files.used_names()

    # Deleted from the library: the article still shows it, so the file and its renditions stay.
    with django_capture_on_commit_callbacks(execute=True):
        picture.delete()
    assert not Picture.objects.exists()
    assert media_files.is_referenced(name)
    assert (media / name).is_file()
    assert name not in media_files.orphans()

    # In the trash, the article still names it: kept (in the trash folder) and restored.
    with django_capture_on_commit_callbacks(execute=True):
        trash.move_to_trash(article, StaffFactory())
    assert media_files.is_referenced(name)
    with django_capture_on_commit_callbacks(execute=True):
        trash.restore(article, StaffFactory())
    assert (media / name).is_file()

    # Another article showing it too keeps it in place when this one goes to the trash.
    other = ArticleFactory(body=body)
    with django_capture_on_commit_callbacks(execute=True):
        trash.move_to_trash(article, StaffFactory())
    assert (media / name).is_file()

    # Once no body shows it, it is an orphan clean_media removes.
    Article.objects.filter(pk__in=[article.pk, other.pk]).update(body="<p>Không còn ảnh.</p>")
    assert not media_files.is_referenced(name)
    assert name in media_files.orphans()
    assert media_files.remove_if_unused(name)
    assert not (media / name).exists()


@pytest.mark.django_db
def test_a_library_file_in_a_body_is_not_removed_when_its_picture_row_goes_by_queryset(
    media, django_capture_on_commit_callbacks
):
    picture = PictureFactory()
    ArticleFactory(body=f'<p><img src="{picture.image.url}" alt="Học viên"></p>')
    with django_capture_on_commit_callbacks(execute=True):
        Picture.objects.all().delete()
    assert (media / picture.image.name).is_file()
