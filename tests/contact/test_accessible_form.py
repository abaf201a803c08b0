"""The contact form: errors tied to their fields, a summary, and fields a browser can fill."""

from html.parser import HTMLParser

import pytest

from tests.factories import ContactPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


class Elements(HTMLParser):
    """Every element's attributes, by id."""

    def __init__(self, html):
        super().__init__()
        self.by_id = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            assert attrs["id"] not in self.by_id, f"id {attrs['id']} twice"
            self.by_id[attrs["id"]] = {"tag": tag, **attrs}


@pytest.fixture
def contact_page(home):
    privacy = StandardPageFactory(parent=home, title="Datenschutz", slug="datenschutz")
    return ContactPageFactory(parent=home, privacy_page=privacy)


def failed_post(client, contact_page):
    data = {"name": "", "e_mail": "keine-adresse", "nachricht": "Hallo"}
    response = client.post(contact_page.url, data, HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 200
    return response.content.decode()


def test_every_error_has_the_id_its_field_is_described_by(client, contact_page):
    elements = Elements(failed_post(client, contact_page)).by_id

    for field in ("id_name", "id_e_mail", "id_datenschutz_einwilligung"):
        assert f"{field}_error" in elements[field]["aria-describedby"].split(), field
        assert f"{field}_error" in elements, field
        assert elements[field]["aria-invalid"] == "true"
    assert "aria-invalid" not in elements["id_nachricht"]


def test_the_error_summary_comes_first_and_links_each_message_to_its_field(client, contact_page):
    html = failed_post(client, contact_page)

    summary = html.split("data-error-summary")[1].split("</ul>")[0]
    assert '<a href="#id_name">Bitte füllt das Feld „Name“ aus.</a>' in summary
    assert 'href="#id_e_mail"' in summary
    assert 'href="#id_datenschutz_einwilligung"' in summary
    assert 'href="#id_nachricht"' not in summary
    assert 'role="alert"' in summary
    assert html.index("data-error-summary") < html.index('id="id_name"')


def test_the_page_with_errors_keeps_the_title_kontakt(client, contact_page):
    assert "<title>Kontakt – kopofo nrw</title>" in failed_post(client, contact_page)


def test_name_and_email_fields_say_what_the_browser_may_fill_in(client, contact_page):
    elements = Elements(client.get(contact_page.url).content.decode()).by_id

    assert elements["id_name"]["autocomplete"] == "name"
    assert elements["id_e_mail"]["autocomplete"] == "email"
    assert "autocomplete" not in elements["id_nachricht"]
    # No browser may fill in the honeypot.
    assert elements["id_homepage"]["autocomplete"] == "off"


def test_the_privacy_link_is_a_hint_under_the_consent_box_not_part_of_its_label(
    client, contact_page
):
    elements = Elements(client.get(contact_page.url).content.decode()).by_id

    consent = elements["id_datenschutz_einwilligung"]
    assert consent["aria-describedby"] == "id_datenschutz_einwilligung_helptext"
    assert "id_datenschutz_einwilligung_helptext" in elements
