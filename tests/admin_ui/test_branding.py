"""The admin is kopofo's, in German, from the login page on."""

import re

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def visible_text(html):
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    return " ".join(soup.get_text(" ").split())


def test_the_login_page_is_kopofos_and_german(client):
    html = client.get("/admin/login/").content.decode()
    soup = BeautifulSoup(html, "html.parser")

    assert soup.title.get_text() == "Anmelden - kopofo nrw"
    assert soup.find("h1").get_text(strip=True) == "Anmelden bei kopofo nrw"
    assert soup.find("img", src=re.compile(r"/static/img/admin-logo\.svg$"))["alt"] == "kopofo nrw"
    assert soup.find("label", attrs={"for": "id_password"}).get_text(" ", strip=True) == (
        "Passwort *"
    )
    text = visible_text(html)
    for english in ["Password", "Sign in", "Forgotten", "Remember me", "Enter"]:
        assert english not in text
    assert "Enter password" not in html


def test_a_wrong_password_is_answered_in_german(client, django_user_model):
    django_user_model.objects.create_user("rita", password="ein-langes-passwort-123")

    html = client.post(
        "/admin/login/", {"username": "rita", "password": "falsch-falsch-falsch"}
    ).content.decode()

    assert "Passwort" in visible_text(html)
    assert "didn't match" not in html


def test_every_admin_page_carries_the_name_and_logo(admin_client, home):
    html = admin_client.get("/admin/").content.decode()
    soup = BeautifulSoup(html, "html.parser")

    assert soup.title.get_text().endswith("- kopofo nrw")
    assert soup.find("link", rel="icon")["href"].endswith("admin-logo.svg")
    assert (
        "img/admin-logo.svg"
        in soup.find(
            "template", attrs={"data-wagtail-sidebar-branding-logo": True}
        ).decode_contents()
    )
    assert soup.find("h1").get_text(strip=True) == "kopofo nrw – Verwaltung"
