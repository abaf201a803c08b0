"""Every answer tells the browser what it may load, frame and use."""

import base64
import hashlib
import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def csp(response):
    policy = response["Content-Security-Policy"]
    return {name: value for name, _, value in (d.partition(" ") for d in policy.split("; "))}


@pytest.fixture
def about(home):
    return StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")


def test_every_answer_switches_off_camera_microphone_location_payment_usb_and_ad_topics(
    client, admin_client, about
):
    for response in (client.get("/ueber-uns/"), admin_client.get("/admin/")):
        policy = response["Permissions-Policy"]
        for feature in [
            "camera",
            "microphone",
            "geolocation",
            "payment",
            "usb",
            "interest-cohort",
            "browsing-topics",
        ]:
            assert f"{feature}=()" in policy


def test_public_pages_allow_no_inline_style_but_the_500_pages_own(client, about):
    style_src = csp(client.get("/ueber-uns/"))["style-src"]

    html = (TEMPLATES / "500.html").read_text()
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert style_src == f"'self' 'sha256-{digest}'"


def test_no_template_uses_a_style_attribute_the_policy_would_block():
    offenders = [
        f"{path.relative_to(TEMPLATES)}:{number}"
        for path in TEMPLATES.rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if re.search(r"\sstyle\s*=", line)
    ]

    assert offenders == []


def test_the_page_itself_carries_no_style_attribute(client, news_index):
    html = client.get("/").content.decode() + client.get("/aktuelles/").content.decode()

    assert not re.search(r"\sstyle\s*=", html)


def test_no_page_may_be_framed_and_both_headers_say_so(client, admin_client, about):
    for response in (client.get("/ueber-uns/"), admin_client.get("/admin/")):
        assert response["X-Frame-Options"] == "DENY"
        assert csp(response)["frame-ancestors"] == "'none'"


def test_wagtails_preview_may_be_framed_by_the_admin_and_both_headers_say_so(admin_client, about):
    response = admin_client.get(f"/admin/pages/{about.pk}/edit/preview/")

    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert csp(response)["frame-ancestors"] == "'self'"


def test_the_admin_has_a_policy_of_its_own_that_keeps_other_hosts_out(admin_client, home):
    policy = csp(admin_client.get("/admin/"))

    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["form-action"] == "'self'"
    for directive in policy.values():
        assert "http" not in directive and "*" not in directive
