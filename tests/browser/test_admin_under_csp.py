"""Wagtail's admin works under its Content-Security-Policy: no violation in any frame's console.

Staff log in, open the dashboard, edit a page with the live preview open beside it and pick an
image in the chooser; every violation the browser reports is collected, in every frame.
"""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.factories import ImageFactory, StandardPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "ein-langes-passwort-fuer-den-test"
# Every frame reports what its policy refused, also what never reaches the console.
RECORD_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


@pytest.fixture
def editable_page(home):
    home.save_revision().publish()
    ImageFactory(title="Ratssaal")
    return StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")


@pytest.fixture
def staff_page(browser_context, live_server):
    get_user_model().objects.create_superuser("chefin", "chefin@kopofo-nrw.de", PASSWORD)
    browser_context.add_init_script(RECORD_VIOLATIONS)
    page = browser_context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "chefin")
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/admin/")
    return page


def csp_errors(page):
    return [
        text for text in page.console_errors if "Content Security Policy" in text or "CSP" in text
    ]


def test_dashboard_page_editor_with_preview_and_image_chooser_load_without_a_csp_violation(
    staff_page, editable_page, live_server
):
    page = staff_page
    page.wait_for_load_state("networkidle")

    page.goto(f"{live_server.url}/admin/pages/{editable_page.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value("Über uns")

    # The live preview shows the page in a frame of the admin.
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text("Über uns")

    # The image chooser opens in a modal and lists the images.
    page.locator("[data-chooser-action-choose]").first.click()
    expect(page.locator(".modal-dialog").get_by_text("Ratssaal")).to_be_visible()
    page.wait_for_load_state("networkidle")

    assert csp_errors(page) == []
    assert page.console_errors == []


def test_staff_see_the_public_page_with_wagtails_user_bar_without_a_csp_violation(
    staff_page, editable_page, live_server
):
    page = staff_page

    page.goto(f"{live_server.url}/ueber-uns/")
    expect(page.locator("wagtail-userbar")).to_be_attached()
    page.locator("wagtail-userbar").locator("button").first.click()
    page.wait_for_load_state("networkidle")

    assert page.console_errors == []
