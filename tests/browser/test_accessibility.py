import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from tests.page_types import PAGE_TYPES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# WCAG 2.1 A and AA, the level the association's accessibility statement promises.
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

# Every page type that a GET reaches; the contact form's errors are checked below.
PAGES = [path for method, path in PAGE_TYPES.values() if method == "GET"]


@pytest.fixture
def demo_site():
    call_command("load_demo_content", force=True, stdout=io.StringIO())


def violations(page):
    results = Axe().run(page, options=WCAG_21_AA)
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])}x, e.g. "
        f"{violation['nodes'][0]['html'][:120]})"
        for violation in results.response["violations"]
    ]


def test_the_main_pages_pass_the_wcag_21_aa_checks_on_desktop_and_phone(
    demo_site, live_server, browser
):
    found = {}
    for viewport in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
        context = browser.new_context(locale="de-DE", viewport=viewport)
        page = context.new_page()
        for path in PAGES:
            page.goto(live_server.url + path)
            if problems := violations(page):
                found[f"{path} at {viewport['width']}px"] = problems
        context.close()

    assert found == {}


def test_the_contact_form_with_errors_passes_the_wcag_21_aa_checks(demo_site, live_server, page):
    page.goto(live_server.url + "/kontakt/")
    page.get_by_role("button", name="Nachricht senden").click()

    # The click only starts the POST: wait for the answer's error summary before checking it.
    expect(page.get_by_role("alert")).to_be_visible()
    assert violations(page) == []
