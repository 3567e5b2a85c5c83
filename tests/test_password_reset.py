"""Staff who forgot their password get a Vietnamese mail with a link that sets a new one."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import CorrespondentFactory, UserFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/admin/reset/\S+/)")


@pytest.fixture(autouse=True)
def _locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_admin_login_page_links_to_password_reset(client):
    html = client.get(reverse("admin:login")).content.decode()
    assert f'<a href="{reverse("admin_password_reset")}">Quên mật khẩu?</a>' in html


def test_staff_resets_password_through_the_mailed_link(client):
    user = CorrespondentFactory(username="ctv_lan", email="lan@example.org", full_name="Đỗ Thị Lan")
    page = client.get(reverse("admin_password_reset"))
    assert "Quên mật khẩu?" in page.content.decode()

    response = client.post(reverse("admin_password_reset"), {"email": "lan@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lan@example.org"]
    assert message.subject == "Đặt lại mật khẩu - Cổng thông tin Liên đoàn Lao động tỉnh"
    assert "Kính gửi Đỗ Thị Lan" in message.body
    assert "«ctv_lan»" in message.body
    assert "trong 3 ngày" in message.body

    path = LINK.search(message.body)[1]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    assert "Nhập mật khẩu mới" in form_page.content.decode()
    new = "Cong-doan-moi-2026!"
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert done.status_code == 302
    assert done["Location"] == reverse("password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(new)
    assert client.login(username="ctv_lan", password=new)

    # The link works once.
    client.logout()
    again = client.get(path, follow=True).content.decode()
    assert "Liên kết đặt lại mật khẩu không hợp lệ" in again


def test_accounts_without_staff_flag_and_unknown_addresses_get_no_mail(client):
    UserFactory(username="docgia", email="docgia@example.org")
    for email in ["docgia@example.org", "nobody@example.org"]:
        response = client.post(reverse("admin_password_reset"), {"email": email})
        assert response.status_code == 302  # the same answer: addresses are not revealed
    assert mail.outbox == []
