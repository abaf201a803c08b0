import io

import pytest
from django.core.management import call_command
from icalendar import Calendar
from playwright.sync_api import expect

from events.demo import EVENTS

# The live server runs in its own thread: the demo content must be committed (see
# test_visitor_journey.py for why this is transactional with the migrated data restored).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BODENPREISE = EVENTS["bodenpreise-treiben-die-mieten"][3]["title"]
NETZWERKTREFFEN = EVENTS["netzwerktreffen-integrationsraete"][3]["title"]


def test_a_visitor_filters_the_dates_opens_an_event_and_puts_it_into_their_calendar(
    live_server, page
):
    call_command("load_demo_content", force=True, stdout=io.StringIO())

    page.goto(live_server.url + "/veranstaltungen/")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=2, name="Die nächsten Termine")).to_be_visible()
    expect(page.get_by_role("link", name=NETZWERKTREFFEN, exact=True)).to_be_visible()

    page.get_by_label("Thema").select_option(label="Wohnen")
    page.get_by_role("button", name="Filtern").click()
    expect(page).to_have_url(
        live_server.url + "/veranstaltungen/?kategorie=&format=&thema=wohnen&monat="
    )
    expect(main.get_by_role("link", name=NETZWERKTREFFEN, exact=True)).to_have_count(0)

    main.get_by_role("link", name=BODENPREISE, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(BODENPREISE)
    expect(page.get_by_text("Luegallee 65, 40545 Düsseldorf")).to_be_visible()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Kalenderdatei (.ics) herunterladen").click()
    download = download_info.value
    assert download.suggested_filename.endswith("-DEM-D.ics")
    calendar = Calendar.from_ical(open(download.path(), "rb").read())  # noqa: SIM115
    (event,) = calendar.walk("VEVENT")
    assert event["SUMMARY"] == BODENPREISE
    assert event["LOCATION"] == "Bürgerhaus, Luegallee 65, 40545 Düsseldorf"
