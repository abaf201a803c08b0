"""The static 500 page keeps its own style under the public policy, which allows no inline style
but that page's, by hash."""

import pytest
from playwright.sync_api import expect

# Transactional for the live server; serialized_rollback restores what the flush takes (see
# test_visitor_journey.py).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_500_page_is_styled_and_breaks_no_policy(live_server, page, settings):
    settings.ROOT_URLCONF = "tests.security.urls_with_an_error"
    violations = []
    page.on("console", lambda message: violations.append(message.text))

    response = page.goto(live_server.url + "/kaputt/")

    assert response.status == 500
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Da ist etwas schiefgegangen")
    # The colour comes from the inline <style>: the browser applied it.
    expect(heading).to_have_css("color", "rgb(163, 0, 13)")
    assert [text for text in violations if "Content Security Policy" in text] == []
