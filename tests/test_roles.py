"""The three roles hold exactly what they need: units, categories and staff are the content
administrator's; a content administrator gives roles but never superuser rights."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from portal.newsroom import roles
from tests.factories import ContentAdminFactory, CorrespondentFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

MANAGED = [
    "admin:newsroom_unit_add",
    "admin:news_category_add",
    "admin:auth_user_add",
    "admin:newsroom_unit_changelist",
    "admin:auth_user_changelist",
]


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("name", MANAGED)
@pytest.mark.parametrize(
    "factory, allowed",
    [(CorrespondentFactory, False), (StaffFactory, False), (ContentAdminFactory, True)],
    ids=["correspondent", "editor", "content administrator"],
)
def test_units_categories_and_staff_belong_to_the_content_administrator(factory, allowed, name):
    response = logged_in(factory()).get(reverse(name))
    if name == "admin:newsroom_unit_changelist" and not allowed:
        # Everyone may look at the list of units (to know whom they write for), not change it.
        assert response.status_code == 200
        assert reverse("admin:newsroom_unit_add") not in response.content.decode()
    else:
        assert response.status_code == (200 if allowed else 403)


def test_a_content_administrator_gives_roles_but_not_superuser_rights():
    admin = ContentAdminFactory()
    person = UserFactory(username="nguoimoi", is_staff=True)
    url = reverse("admin:auth_user_change", args=[person.pk])
    client = logged_in(admin)
    html = client.get(url).content.decode()
    assert 'name="is_superuser"' not in html and 'name="user_permissions"' not in html
    offered = client.get(url).context["adminform"].form.fields["groups"].queryset
    assert set(offered.values_list("name", flat=True)) == set(roles.ROLES)

    data = {
        "username": "nguoimoi", "is_active": "on", "is_staff": "on", "is_superuser": "on",
        "groups": [Group.objects.get(name=roles.EDITOR).pk],
        "last_login_0": "", "last_login_1": "", "date_joined_0": "01/11/2026",
        "date_joined_1": "08:00:00", "profile-TOTAL_FORMS": "1", "profile-INITIAL_FORMS": "0",
        "profile-MIN_NUM_FORMS": "0", "profile-MAX_NUM_FORMS": "1",
        "profile-0-full_name": "Phan Văn Mới", "profile-0-unit": "", "profile-0-phone": "",
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    person.refresh_from_db()
    assert person.is_superuser is False  # the forged field is not in the form
    assert list(person.groups.values_list("name", flat=True)) == [roles.EDITOR]
    assert person.profile.full_name == "Phan Văn Mới"


def test_nobody_but_a_superuser_edits_a_superusers_account():
    boss = UserFactory(username="sep", is_staff=True, is_superuser=True)
    response = logged_in(ContentAdminFactory()).post(
        reverse("admin:auth_user_change", args=[boss.pk]), {"username": "doi-ten"}
    )
    assert response.status_code == 403
    boss.refresh_from_db()
    assert boss.username == "sep"
