"""The site and its settings are looked up once per generation per process, not per request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from kopofo.pages import middleware
from kopofo.pages.demo import CONTACT_DETAILS
from kopofo.pages.models import ContactSettings

pytestmark = pytest.mark.django_db


def tables_queried(client, path, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    assert response.status_code == 200
    sql = " ".join(query["sql"] for query in captured.captured_queries)
    return {
        table
        for table in ("wagtailcore_site", "pages_contactsettings", "pages_panelsettings")
        if f'"{table}"' in sql
    }, response


def test_a_second_request_finds_the_site_and_its_settings_remembered(client, home):
    first, _ = tables_queried(client, "/")
    second, response = tables_queried(client, "/")

    assert first == {"wagtailcore_site", "pages_contactsettings", "pages_panelsettings"}
    assert second == set()
    # What the layout shows from them is there all the same.
    assert CONTACT_DETAILS["phone"] in response.text


def test_changed_contact_details_show_on_the_next_request(client, home):
    client.get("/")
    settings = ContactSettings.objects.get()
    settings.phone = "0201 7654321"
    settings.save()

    queried, response = tables_queried(client, "/")

    assert "pages_contactsettings" in queried
    assert "0201 7654321" in response.text


def test_another_host_gets_its_own_site_and_strangers_the_default(client, home):
    other_root = home.add_child(instance=type(home)(title="Zweite Seite", slug="zweite"))
    Site.objects.create(hostname="kopofo-nrw.test", port=80, root_page=other_root)

    assert "Zweite Seite" in client.get("/", HTTP_HOST="kopofo-nrw.test").text
    assert "Zweite Seite" in client.get("/", HTTP_HOST="kopofo-nrw.test").text
    assert "Zweite Seite" not in client.get("/", HTTP_HOST="localhost").text
    assert "Zweite Seite" not in client.get("/").text


def test_no_more_hosts_are_remembered_than_the_limit(client, home, settings, monkeypatch):
    settings.ALLOWED_HOSTS = ["*"]
    monkeypatch.setattr(middleware, "MAX_REMEMBERED_HOSTS", 3)
    for number in range(10):
        assert client.get("/", HTTP_HOST=f"host{number}.example").status_code == 200

    assert len(middleware._remembered[1]) == 3
