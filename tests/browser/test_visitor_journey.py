import io
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from kopofo.pages.demo import NEWS, WELCOME

# The live server runs in its own thread, so the demo content must be committed: a transactional
# test. Its flush afterwards would also take the root page and the default site Wagtail's
# migrations created; serialized_rollback puts them back for the next transactional test.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
NEWS_TITLE = NEWS[0]["title"]


@pytest.fixture
def demo_site():
    # The demo site answers for localhost as the default site, which is where the live server is.
    call_command("load_demo_content", force=True, stdout=io.StringIO())


def test_visitor_reads_about_us_and_a_news_item_without_a_cookie_or_a_request_leaving_the_host(
    demo_site, live_server, browser_context, page
):
    requested = []
    browser_context.on("request", lambda request: requested.append(request.url))
    console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and console_errors.append(message.text),
    )

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(WELCOME)

    # Keyboard users skip the header and the menu with their first Tab.
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Zum Hauptinhalt springen")
    expect(skip_link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/#main")
    expect(page.locator("main#main")).to_be_focused()

    main_menu = page.get_by_role("navigation", name="Hauptmenü")
    main_menu.get_by_role("link", name="Über uns").click()
    expect(page).to_have_url(live_server.url + "/ueber-uns/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Über uns")
    expect(main_menu.get_by_role("link", name="Über uns")).to_have_attribute("aria-current", "page")

    main_menu.get_by_role("link", name="Aktuelles").click()
    expect(page).to_have_url(live_server.url + "/aktuelles/")
    page.get_by_role("heading", name=NEWS_TITLE).get_by_role("link").click()

    expect(page).to_have_url(live_server.url + "/aktuelles/neue-website-des-kopofo-nrw/")
    expect(page.get_by_role("heading", level=1)).to_have_text(NEWS_TITLE)
    expect(page.locator(".news__source")).to_have_text("kopofo nrw")
    page.wait_for_load_state("load")

    assert requested, "the browser recorded no requests at all"
    foreign = [url for url in requested if urlsplit(url).hostname not in LOCAL_HOSTS]
    assert foreign == [], "the page made requests that left the host"
    assert browser_context.cookies() == [], "an anonymous reader got a cookie"
    # Nothing on the way broke the Content-Security-Policy (or anything else the console reports).
    assert console_errors == []
