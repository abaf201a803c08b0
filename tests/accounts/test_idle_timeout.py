"""An admin left alone logs itself out; readers still get no cookie."""

from datetime import timedelta

import pytest

from kopofo.accounts.middleware import LAST_ACTIVITY
from kopofo.pages.staff import EDITORS
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(StaffUserFactory(username="erika", group=EDITORS))
    assert client.get("/admin/").status_code == 200
    return client


def idle_for(client, minutes):
    session = client.session
    session[LAST_ACTIVITY] -= minutes * 60
    session.save()


def test_after_thirty_idle_minutes_the_admin_asks_for_the_login_again(editor_client):
    idle_for(editor_client, 31)

    response = editor_client.get("/admin/pages/")

    assert response.status_code == 302
    assert response.url == "/admin/login/?next=/admin/pages/"
    login = editor_client.get(response.url)
    assert "zu lange inaktiv" in login.content.decode()
    assert editor_client.get("/admin/").status_code == 302


def test_a_request_within_thirty_minutes_keeps_the_session_alive(editor_client):
    idle_for(editor_client, 29)
    assert editor_client.get("/admin/").status_code == 200

    idle_for(editor_client, 29)
    assert editor_client.get("/admin/").status_code == 200


def test_the_idle_time_comes_from_the_settings(editor_client, settings):
    settings.ADMIN_IDLE_TIMEOUT = timedelta(minutes=5)
    idle_for(editor_client, 6)

    assert editor_client.get("/admin/").status_code == 302


def test_an_idle_session_is_also_ended_on_the_public_site(editor_client, home):
    idle_for(editor_client, 31)

    response = editor_client.get("/")

    assert response.status_code == 200
    assert editor_client.get("/admin/").status_code == 302


def test_readers_still_get_no_cookie(client, home):
    response = client.get("/")

    assert not response.cookies
