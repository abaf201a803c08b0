import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from kopofo.pages.demo import MORE_ABOUT, WELCOME_TEXT

# The live server reads the demo content from its own thread: a transactional test (see
# test_visitor_journey.py).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
LAST_SENTENCE = "".join(MORE_ABOUT)


@pytest.fixture
def demo_site():
    call_command("load_demo_content", force=True, stdout=io.StringIO())


def open_home(browser, live_server, viewport):
    context = browser.new_context(locale="de-DE", viewport=viewport)
    page = context.new_page()
    page.goto(live_server.url + "/")
    return page


def top_of(locator):
    return locator.bounding_box()["y"]


def test_on_a_phone_the_news_are_within_two_screens_and_the_whole_welcome_text_one_tap_away(
    demo_site, live_server, browser
):
    page = open_home(browser, live_server, PHONE)
    news_heading = page.get_by_role("heading", name="Aktuelles", level=2)
    first_paragraph, *folded = WELCOME_TEXT

    assert top_of(news_heading) < 2 * PHONE["height"]
    expect(page.get_by_text(first_paragraph)).to_be_visible()
    for paragraph in [*folded, LAST_SENTENCE]:
        expect(page.get_by_text(paragraph)).to_be_hidden()

    # The welcome text's own "Weiterlesen" (each news item has one too, as a link).
    page.locator("summary", has_text="Weiterlesen").click()

    for paragraph in [*folded, LAST_SENTENCE]:
        expect(page.get_by_text(paragraph)).to_be_visible()
    # Opened, the text comes before the news, as it stands in the page.
    assert top_of(page.get_by_text(LAST_SENTENCE)) < top_of(news_heading)


def test_on_a_desktop_the_welcome_text_stands_open_beside_the_picture_above_news_and_contact(
    demo_site, live_server, browser
):
    page = open_home(browser, live_server, DESKTOP)
    welcome = page.get_by_role("heading", level=1)
    picture = page.locator(".hero__image img")
    news_heading = page.get_by_role("heading", name="Aktuelles", level=2)
    contact = page.get_by_role("complementary", name="Weitere Angebote")

    expect(page.locator("summary", has_text="Weiterlesen")).to_be_hidden()
    for paragraph in [*WELCOME_TEXT, LAST_SENTENCE]:
        expect(page.get_by_text(paragraph)).to_be_visible()
    # Screen readers get the paragraphs too, not a collapsed group.
    assert WELCOME_TEXT[-1] in page.locator("main").aria_snapshot()

    # The picture beside the welcome; the news below the text, the contact box beside the news.
    assert picture.bounding_box()["x"] > welcome.bounding_box()["x"] + 400
    assert top_of(picture) < top_of(page.get_by_text(WELCOME_TEXT[0]))
    assert top_of(news_heading) > top_of(page.get_by_text(LAST_SENTENCE))
    assert contact.bounding_box()["x"] > news_heading.bounding_box()["x"] + 400
    assert abs(top_of(contact) - top_of(news_heading)) < 100
