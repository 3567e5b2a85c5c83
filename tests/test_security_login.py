"""Admin login: django-axes lockout per username and address, the real address, safe ?next=."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.test import Client

from tests.factories import StaffFactory

LOGIN_URL = "/admin/login/"
PASSWORD = "mat-khau-thu-nghiem-1"
CLIENT_IP = "203.0.113.7"


@pytest.fixture(autouse=True)
def axes_on(settings):
    settings.AXES_ENABLED = True  # off in test settings, see portal/settings/test.py


@pytest.fixture
def editor(db):
    return StaffFactory(username="bientap", password=PASSWORD)


def login(client, username="bientap", password=PASSWORD, **meta):
    return client.post(
        LOGIN_URL, {"username": username, "password": password, "next": "/admin/"}, **meta
    )


def logged_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def fail_five_times(client, **meta):
    for n in range(1, django_settings.AXES_FAILURE_LIMIT + 1):
        response = login(client, password="sai-mat-khau", **meta)
        # The login form again with its error, until the fifth failure locks the account.
        assert response.status_code == (429 if n == 5 else 200)


@pytest.mark.django_db
def test_five_failures_lock_the_username_from_that_address(editor):
    client = Client(REMOTE_ADDR=CLIENT_IP)
    fail_five_times(client)
    response = login(client)  # even the right password
    assert response.status_code == 429
    assert "Tài khoản tạm khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_four_failures_do_not_lock(editor):
    client = Client(REMOTE_ADDR=CLIENT_IP)
    for _ in range(4):
        login(client, password="sai-mat-khau")
    assert logged_in(login(client))


@pytest.mark.django_db
def test_lock_is_per_username_and_address(editor):
    StaffFactory(username="phongvien", password=PASSWORD)
    fail_five_times(Client(REMOTE_ADDR=CLIENT_IP))
    assert logged_in(login(Client(REMOTE_ADDR=CLIENT_IP), username="phongvien"))
    assert logged_in(login(Client(REMOTE_ADDR="198.51.100.20")))


@pytest.mark.django_db
def test_cool_off_is_fifteen_minutes(editor):
    client = Client(REMOTE_ADDR=CLIENT_IP)
    fail_five_times(client)
    assert login(client).status_code == 429
    # Move the failures 14 then 16 minutes into the past instead of waiting.
    AccessAttempt.objects.update(attempt_time=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=14))
    assert login(client).status_code == 429
    AccessAttempt.objects.update(attempt_time=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16))
    assert logged_in(login(client))


@pytest.mark.django_db
def test_behind_nginx_the_client_address_counts_and_forged_entries_do_not(editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = Client(REMOTE_ADDR="127.0.0.1")  # every request reaches Django from nginx
    for n in range(1, django_settings.AXES_FAILURE_LIMIT + 1):
        # The attacker sends a new X-Forwarded-For each time; nginx appends the real address.
        forged = f"10.0.{n}.{n + 1}, 192.0.2.{n + 1}"
        response = login(proxy, password="sai", HTTP_X_FORWARDED_FOR=f"{forged}, {CLIENT_IP}")
        assert response.status_code == (429 if n == 5 else 200)
    response = login(proxy, HTTP_X_FORWARDED_FOR=f"10.9.9.9, {CLIENT_IP}")
    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {CLIENT_IP}
    # Another reader behind the same proxy is not locked out with the attacker.
    assert logged_in(login(proxy, HTTP_X_FORWARDED_FOR="198.51.100.20"))


@pytest.mark.django_db
def test_without_a_proxy_x_forwarded_for_is_ignored(editor, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    client = Client(REMOTE_ADDR=CLIENT_IP)
    for n in range(django_settings.AXES_FAILURE_LIMIT):
        login(client, password="sai", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    assert login(client, HTTP_X_FORWARDED_FOR="10.1.1.1").status_code == 429


@pytest.mark.django_db
@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "//evil.example/admin/",
        "https://evil.example",
        "https://evil.example/admin/",
        "/\\evil.example",
        "\\\\evil.example",
        "https:evil.example",
        " //evil.example",
        "javascript:alert(1)",
        "http://testserver.evil.example/",
    ],
)
def test_next_never_leaves_the_site(editor, target):
    client = Client(REMOTE_ADDR=CLIENT_IP)
    response = client.post(
        f"{LOGIN_URL}?next={target}", {"username": "bientap", "password": PASSWORD, "next": target}
    )
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
    assert urlsplit(location).netloc == ""
    assert "evil" not in location and "javascript" not in location


@pytest.mark.django_db
def test_next_on_the_site_is_followed(editor):
    response = Client().post(
        LOGIN_URL, {"username": "bientap", "password": PASSWORD, "next": "/admin/news/article/"}
    )
    assert response["Location"] == "/admin/news/article/"
