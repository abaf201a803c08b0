"""An editor writes a news item in the admin: its address follows the German title, and giving up
a first try (which autosave has already kept as a draft) never blocks the next one."""

import re

import pytest
from playwright.sync_api import expect

from kopofo.pages.models import NewsPage
from kopofo.pages.staff import EDITORS
from tests.factories import STAFF_PASSWORD, StaffUserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Straßenbäume für Öffentliche Plätze"
SLUG = "strassenbaeume-fuer-oeffentliche-plaetze"
EDIT_URL = re.compile(r"/admin/pages/\d+/edit/")
# Wagtail's unsaved-changes check takes the form's first state two seconds after loading; what is
# typed before that counts as the start, and autosave would wait for a further change.
FORM_WATCHED = """() => {
  const form = document.querySelector("[data-controller~=w-unsaved]");
  const check = window.wagtail.app.getControllerForElementAndIdentifier(form, "w-unsaved");
  return Boolean(check && check.initialFormData);
}"""


@pytest.fixture
def editor_page(page, live_server, news_index):
    news_index.save_revision().publish()
    StaffUserFactory(username="rita", group=EDITORS)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "rita")
    page.fill("#id_password", STAFF_PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/admin/")
    return page


def start_news_item(page, live_server, news_index):
    page.goto(f"{live_server.url}/admin/pages/add/pages/newspage/{news_index.pk}/")
    page.wait_for_function(FORM_WATCHED)
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_title").press("Tab")
    # Autosave keeps the new item as a draft and moves the form to its edit address.
    expect(page).to_have_url(EDIT_URL)


def test_the_address_of_a_new_page_writes_out_umlauts_and_eszett(
    editor_page, live_server, news_index
):
    start_news_item(editor_page, live_server, news_index)

    expect(editor_page.locator("#id_slug")).to_have_value(SLUG)
    assert NewsPage.objects.get().slug == SLUG


def test_a_second_try_after_an_abandoned_draft_gets_a_free_address(
    editor_page, live_server, news_index
):
    start_news_item(editor_page, live_server, news_index)
    # The editor gives up and starts over with the same title.
    start_news_item(editor_page, live_server, news_index)

    expect(editor_page.locator("#id_slug")).to_have_value(f"{SLUG}-2")
    editor_page.locator("#id_teaser").fill("Die Fraktion beantragt mehr Bäume.")
    editor_page.get_by_role("button", name="Entwurf speichern").first.click()

    expect(editor_page.locator(".messages")).to_contain_text("aktualisiert")
    second = NewsPage.objects.get(slug=f"{SLUG}-2")
    assert second.get_latest_revision_as_object().teaser == "Die Fraktion beantragt mehr Bäume."
    assert sorted(NewsPage.objects.values_list("slug", flat=True)) == [SLUG, f"{SLUG}-2"]
