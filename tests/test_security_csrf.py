"""A form posted without a valid CSRF token: a Vietnamese 403 that says what to do."""

import pytest
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory

from tests.factories import ArticleFactory, StaffFactory

ENGLISH = ("CSRF verification failed", "Forbidden", "Request aborted")


def assert_vietnamese_csrf_page(response, back="/admin/"):
    assert response.status_code == 403
    text = response.content.decode()
    assert "Biểu mẫu đã hết hạn" in text
    assert "phiên đăng nhập đã kết thúc" in text
    assert "Nội dung bạn đã gõ không bị mất" in text and "30 giây" in text
    assert f'<a href="{back}">Quay lại trang trước</a>' in text
    assert "Tải lại trang (phím F5" in text
    for english in ENGLISH:
        assert english not in text


@pytest.mark.django_db
def test_admin_login_without_a_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "a", "password": "b"})
    assert_vietnamese_csrf_page(response)
    assert "cho phép cookie" in response.content.decode()  # no CSRF cookie at all


@pytest.mark.django_db
def test_article_form_without_a_token():
    client = Client(enforce_csrf_checks=True)
    client.force_login(StaffFactory())
    article = ArticleFactory(title="Hội nghị người lao động")
    form = f"/admin/news/article/{article.pk}/change/"
    assert client.get(form).status_code == 200  # sets the CSRF cookie
    response = client.post(form, {"title": "Đã sửa"}, HTTP_REFERER=f"http://testserver{form}")
    assert_vietnamese_csrf_page(response, back=f"http://testserver{form}")
    assert "cho phép cookie" not in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Hội nghị người lao động"


@pytest.mark.django_db
def test_article_form_with_a_stale_token():
    """The session ended and began again elsewhere: the token in the open form is old."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(StaffFactory())
    old_token = get_token(RequestFactory().get("/"))
    response = client.post("/admin/news/article/add/", {"csrfmiddlewaretoken": old_token})
    assert_vietnamese_csrf_page(response)


@pytest.mark.django_db
def test_back_link_never_leaves_the_site():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", HTTP_REFERER="https://evil.example/admin/")
    assert_vietnamese_csrf_page(response, back="/admin/")
