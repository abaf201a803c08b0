"""The office's handbook (docs/handbuch.md) is one click away in the admin, for staff only."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from kopofo.admin_ui.views import render_handbook
from kopofo.pages.staff import EDITORS
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db

HANDBOOK_URL = "/admin/handbuch/"


@pytest.fixture
def editor_client():
    client = Client()
    client.force_login(StaffUserFactory(username="rita", group=EDITORS))
    return client


def test_the_redaktion_opens_the_handbook_from_the_admins_help_menu(editor_client):
    dashboard = editor_client.get("/admin/").content.decode()
    # The sidebar menu comes as JSON for its script: "Hilfe" → "Handbuch".
    assert '"label": "Handbuch"' in dashboard and f'"url": "{HANDBOOK_URL}"' in dashboard

    response = editor_client.get(HANDBOOK_URL)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == [
        "Handbuch für die Website-Verwaltung"
    ]
    headings = [h2.get_text(strip=True) for h2 in soup.select(".handbook h2")]
    assert "Die zwei Rollen" in headings and "Bilder und Alternativtexte" in headings
    roles = soup.select_one(".handbook table")
    assert "Redaktion" in roles.get_text() and "Geschäftsstelle" in roles.get_text()
    assert soup.select_one(".handbook strong").get_text() == "https://kopofo-nrw.de/admin/"


def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login_and_sees_no_handbook(client):
    response = client.get(HANDBOOK_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert "Die zwei Rollen" not in response.content.decode()


def test_html_and_script_links_in_the_handbook_file_are_shown_as_text_not_run():
    _, body = render_handbook(
        "# Handbuch\n\n<script>alert(1)</script>\n\n[klick](javascript:alert(1)) "
        '<img src=x onerror="alert(1)">\n'
    )

    assert "<script>" not in body and "<img" not in body
    assert "&lt;script&gt;" in body
    assert 'href="javascript:' not in body
