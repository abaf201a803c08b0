"""The contact form with a keyboard and a screen reader: GOV.UK's error summary, in a browser."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_site():
    call_command("load_demo_content", force=True, stdout=io.StringIO())


def send_empty_form(page, live_server):
    page.goto(live_server.url + "/kontakt/")
    page.get_by_role("button", name="Nachricht senden").click()
    page.wait_for_load_state()


def test_after_a_failed_post_the_error_summary_has_the_focus_and_the_title_stays(
    demo_site, live_server, page
):
    send_empty_form(page, live_server)

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("Bitte prüft eure Angaben")
    expect(page).to_have_title("Kontakt – kopofo nrw")


def test_a_link_in_the_summary_takes_the_focus_to_its_field(demo_site, live_server, page):
    send_empty_form(page, live_server)

    page.locator(".error-summary").get_by_role(
        "link", name="Bitte füllt das Feld „E-Mail“ aus."
    ).click()

    field = page.get_by_role("textbox", name="E-Mail")
    expect(field).to_be_focused()
    expect(field).to_have_accessible_description("Fehler: Bitte füllt das Feld „E-Mail“ aus.")
    expect(page.locator("label[for=id_e_mail]")).to_be_in_viewport()


def test_without_javascript_the_summary_still_comes_first_and_has_the_focus(
    demo_site, live_server, browser
):
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    send_empty_form(page, live_server)

    expect(page.locator(".error-summary")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(".error-summary").get_by_role("link").first).to_be_focused()
    context.close()


def test_a_sent_message_leads_to_the_thanks_and_a_reload_sends_nothing_twice(
    demo_site, live_server, page
):
    page.goto(live_server.url + "/kontakt/")
    page.get_by_label("Name").fill("Erika Muster")
    page.get_by_label("E-Mail").fill("erika@example.org")
    page.get_by_label("Nachricht").fill("Wann ist das nächste Seminar?")
    page.get_by_label("Ich bin einverstanden").check()
    page.get_by_role("button", name="Nachricht senden").click()

    expect(page).to_have_url(live_server.url + "/kontakt/danke/")
    expect(page).to_have_title("Kontakt – kopofo nrw")
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vielen Dank für eure Nachricht")
