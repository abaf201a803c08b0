"""The office manages staff accounts, but never to gain more than it holds itself."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kopofo.pages.staff import EDITORS, OFFICE
from tests.factories import STAFF_PASSWORD, StaffUserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Ein-ganz-neues-Passwort-2026"


@pytest.fixture
def office(client):
    member = StaffUserFactory(username="otto", group=OFFICE)
    client.force_login(member)
    return member


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        "chefin", "chefin@kopofo-nrw.de", STAFF_PASSWORD
    )


@pytest.fixture
def technik():
    """A group with a right the office lacks: managing groups."""
    group = Group.objects.create(name="Technik")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(content_type__app_label="auth", codename="change_group"),
    )
    return group


def new_user_data(**changes):
    return {
        "username": "neu",
        "email": "neu@kopofo-nrw.de",
        "first_name": "Nele",
        "last_name": "Neu",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        **changes,
    }


def edit_data(user, **changes):
    return {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name or "Vorname",
        "last_name": user.last_name or "Nachname",
        "is_active": "on",
        "groups": [group.pk for group in user.groups.all()],
        "password1": "",
        "password2": "",
        **changes,
    }


def test_the_office_creates_an_editor(client, office, django_user_model):
    editors = Group.objects.get(name=EDITORS)

    listing = client.get(reverse("wagtailusers_users:index"))
    response = client.post(reverse("wagtailusers_users:add"), new_user_data(groups=[editors.pk]))

    assert listing.status_code == 200
    assert response.status_code == 302
    user = django_user_model.objects.get(username="neu")
    assert list(user.groups.all()) == [editors]
    assert user.check_password(NEW_PASSWORD)


def test_the_office_cannot_create_a_superuser(client, office, django_user_model):
    page = client.get(reverse("wagtailusers_users:add")).content.decode()

    client.post(reverse("wagtailusers_users:add"), new_user_data(is_superuser="on"))

    [checkbox] = [line for line in page.splitlines() if 'name="is_superuser"' in line]
    assert "disabled" in checkbox
    assert not django_user_model.objects.get(username="neu").is_superuser


def test_the_office_cannot_make_an_editor_a_superuser(client, office):
    editor = StaffUserFactory(username="erika", group=EDITORS)

    client.post(
        reverse("wagtailusers_users:edit", args=[editor.pk]), edit_data(editor, is_superuser="on")
    )

    editor.refresh_from_db()
    assert not editor.is_superuser


def test_the_office_cannot_make_itself_a_superuser(client, office):
    client.post(
        reverse("wagtailusers_users:edit", args=[office.pk]), edit_data(office, is_superuser="on")
    )

    office.refresh_from_db()
    assert not office.is_superuser


def test_the_office_can_neither_open_nor_change_the_password_of_a_superuser(
    client, office, superuser
):
    url = reverse("wagtailusers_users:edit", args=[superuser.pk])

    listing = client.get(reverse("wagtailusers_users:index")).content.decode()
    page = client.get(url)
    response = client.post(
        url,
        edit_data(
            superuser, email="otto@kopofo-nrw.de", password1=NEW_PASSWORD, password2=NEW_PASSWORD
        ),
    )

    assert "chefin" in listing
    assert f'href="{url}"' not in listing
    assert page.status_code in (302, 403)
    assert response.status_code in (302, 403)
    superuser.refresh_from_db()
    assert superuser.check_password(STAFF_PASSWORD)
    assert superuser.email == "chefin@kopofo-nrw.de"
    assert superuser.is_active


def test_the_office_cannot_log_in_as_a_superuser_after_trying_to_change_the_password(
    client, office, superuser
):
    client.post(
        reverse("wagtailusers_users:edit", args=[superuser.pk]),
        edit_data(superuser, password1=NEW_PASSWORD, password2=NEW_PASSWORD),
    )
    client.logout()
    response = client.post("/admin/login/", {"username": "chefin", "password": NEW_PASSWORD})

    assert response.status_code == 200  # the login form again, with its error
    assert client.get("/admin/").status_code == 302


def test_the_office_cannot_delete_a_superuser(client, office, superuser, django_user_model):
    response = client.post(reverse("wagtailusers_users:delete", args=[superuser.pk]))

    assert response.status_code in (302, 403)
    assert django_user_model.objects.filter(pk=superuser.pk).exists()


def test_the_office_cannot_grant_a_group_with_rights_it_lacks(
    client, office, technik, django_user_model
):
    editor = StaffUserFactory(username="erika", group=EDITORS)

    created = client.post(reverse("wagtailusers_users:add"), new_user_data(groups=[technik.pk]))
    client.post(
        reverse("wagtailusers_users:edit", args=[editor.pk]),
        edit_data(editor, groups=[technik.pk]),
    )
    client.post(
        reverse("wagtailusers_users:edit", args=[office.pk]),
        edit_data(office, groups=[group.pk for group in office.groups.all()] + [technik.pk]),
    )

    assert created.status_code == 200  # the form again, with an error
    assert not django_user_model.objects.filter(username="neu").exists()
    assert not technik.user_set.exists()


def test_the_office_cannot_change_a_user_who_holds_more_than_it_does(client, office, technik):
    admin = StaffUserFactory(username="tina")
    admin.groups.add(technik)
    url = reverse("wagtailusers_users:edit", args=[admin.pk])

    client.post(url, edit_data(admin, password1=NEW_PASSWORD, password2=NEW_PASSWORD))
    client.post(reverse("wagtailusers_users:delete", args=[admin.pk]))

    admin.refresh_from_db()
    assert admin.check_password(STAFF_PASSWORD)


def test_the_office_cannot_change_a_user_with_a_permission_of_their_own_it_lacks(client, office):
    user = StaffUserFactory(username="tina", group=EDITORS)
    user.user_permissions.add(Permission.objects.get(codename="change_group"))

    client.post(
        reverse("wagtailusers_users:edit", args=[user.pk]),
        edit_data(user, password1=NEW_PASSWORD, password2=NEW_PASSWORD),
    )

    user.refresh_from_db()
    assert user.check_password(STAFF_PASSWORD)


def test_the_office_cannot_open_or_change_groups(client, office):
    office_group = Group.objects.get(name=OFFICE)
    before = set(office_group.permissions.all())
    change_group = Permission.objects.get(codename="change_group")

    index = client.get(reverse("wagtailusers_groups:index"))
    response = client.post(
        reverse("wagtailusers_groups:edit", args=[office_group.pk]),
        {"name": OFFICE, "permissions": [p.pk for p in before] + [change_group.pk]},
    )
    created = client.post(
        reverse("wagtailusers_groups:add"),
        {"name": "Alle Rechte", "permissions": [change_group.pk]},
    )

    assert index.status_code in (302, 403)
    assert response.status_code in (302, 403)
    assert created.status_code in (302, 403)
    assert set(office_group.permissions.all()) == before
    assert not Group.objects.filter(name="Alle Rechte").exists()


def bulk_url(action, *users):
    ids = "&".join(f"id={user.pk}" for user in users)
    return f"/admin/bulk/auth/user/{action}/?next=/admin/users/&{ids}"


def test_the_office_cannot_assign_a_group_with_rights_it_lacks_in_bulk(client, office, technik):
    editor = StaffUserFactory(username="erika", group=EDITORS)

    client.post(bulk_url("assign_role", editor, office), {"role": technik.pk})

    assert not technik.user_set.exists()


def test_the_office_cannot_deactivate_or_delete_a_superuser_in_bulk(
    client, office, superuser, django_user_model
):
    client.post(bulk_url("set_active_state", superuser), {"mark_as_active": "False"})
    client.post(bulk_url("delete", superuser))

    superuser.refresh_from_db()
    assert superuser.is_active


def test_a_superuser_may_still_do_all_of_it(client, superuser, technik, django_user_model):
    client.force_login(superuser)

    client.post(
        reverse("wagtailusers_users:add"),
        new_user_data(is_superuser="on", groups=[technik.pk]),
    )

    user = django_user_model.objects.get(username="neu")
    assert user.is_superuser
    assert list(user.groups.all()) == [technik]


def test_the_user_list_needs_no_more_queries_for_more_users(client, office, superuser):
    url = reverse("wagtailusers_users:index")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(20):
        StaffUserFactory(username=f"person{n}", group=EDITORS)
    with CaptureQueriesContext(connection) as many:
        client.get(url)

    assert len(many) == len(few)
