import datetime

import pytest
from playwright.sync_api import expect

from tests.factories import (
    BodyFactory,
    OrganizationFactory,
    PaperFactory,
    ParliamentaryGroupFactory,
    TopicFactory,
)

# The live server runs in its own thread: the records must be committed (see
# test_visitor_journey.py for why this is transactional with the migrated data restored).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def archive(home):
    mobility = TopicFactory(name="Mobilität", slug="mobilitaet")
    climate = TopicFactory(name="Klima", slug="klima")
    wesel = ParliamentaryGroupFactory(
        organization=OrganizationFactory(
            body=BodyFactory(name="Kreis Wesel", kind="kreis", administrative_region="duesseldorf"),
            kind="kreistag",
            name="Kreistag Wesel",
        )
    )
    bochum = ParliamentaryGroupFactory(organization=OrganizationFactory(body=BodyFactory()))
    for day in range(1, 26):
        PaperFactory(
            group=wesel,
            title=f"Sozialticket im Kreis Wesel, Teil {day}",
            date=datetime.date(2025, 3, day),
            topics=[mobility],
        )
    PaperFactory(group=wesel, title="Sozialticket und Klimaschutz", topics=[climate])
    PaperFactory(group=bochum, title="Sozialticket für Bochum", topics=[mobility])
    PaperFactory(group=bochum, title="Radwege in Bochum", topics=[mobility])


def test_a_politician_searches_narrows_by_two_facets_opens_a_record_and_comes_back(
    live_server, page, archive
):
    page.goto(live_server.url + "/datenbank/")
    page.get_by_role("searchbox", name="Suchbegriffe").fill("Sozialtickets")
    page.get_by_role("search", name="Datenbank durchsuchen").get_by_role(
        "button", name="Suchen"
    ).click()
    results = page.locator(".db-results")
    expect(results.get_by_role("heading", level=2)).to_have_text("27 Treffer für „Sozialtickets“")

    facets = page.get_by_role("complementary", name="Treffer eingrenzen")
    facets.get_by_role("link", name="Mobilität (26)").click()
    expect(results.get_by_role("heading", level=2)).to_have_text("26 Treffer für „Sozialtickets“")
    facets.get_by_role("link", name="Kreis Wesel (25)").click()
    expect(results.get_by_role("heading", level=2)).to_have_text("25 Treffer für „Sozialtickets“")
    expect(page).to_have_url(
        live_server.url + "/datenbank/?q=Sozialtickets&thema=mobilitaet&kreis=kreis-wesel"
    )

    page.get_by_role("link", name="Nächste Einträge").click()
    expect(page.get_by_text("Seite 2 von 2")).to_be_visible()
    second_page = page.url
    page.get_by_role("link", name="Sozialticket im Kreis Wesel, Teil 5", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sozialticket im Kreis Wesel, Teil 5")
    page.go_back()
    expect(page).to_have_url(second_page)
    expect(page.get_by_text("Seite 2 von 2")).to_be_visible()
    expect(
        page.get_by_role("link", name="Sozialticket im Kreis Wesel, Teil 5", exact=True)
    ).to_be_visible()
