"""Visitors find the next dates, filter them, and see on an event's page all they need."""

import json
import re

import pytest

from events.models import EventPage, EventSettings
from tests.factories import (
    CoOrganiserFactory,
    EventCategoryFactory,
    EventPageFactory,
    TopicFactory,
    berlin,
    days_ahead,
)

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'class="teaser__title"><a href="[^"]+">([^<]+)</a>', response.text)


def test_the_next_dates_come_soonest_first_in_german_with_place_and_calendar_link(
    client, event_index
):
    EventPageFactory(parent=event_index, title="Später", start=days_ahead(30))
    EventPageFactory(
        parent=event_index,
        title="Bald",
        start=berlin(2031, 3, 15, 11),
        end=berlin(2031, 3, 15, 14, 30),
        format=EventPage.Format.ONLINE,
        city="",
        online_platform="Zoom",
    )
    EventPageFactory(parent=event_index, title="Vorbei", start=days_ahead(-3))
    response = client.get("/veranstaltungen/")
    assert response.status_code == 200
    assert titles(response) == ["Später", "Bald"]
    assert "Sa., 15. März 2031, 11:00–14:30 Uhr · Onlineveranstaltung über Zoom" in response.text
    assert "In meinen Kalender eintragen" in response.text
    archive = client.get("/veranstaltungen/archiv/")
    assert titles(archive) == ["Vorbei"]


def test_filters_narrow_the_list_and_junk_in_them_is_ignored(client, event_index):
    workshop = EventCategoryFactory(name="Workshop", code="WS")
    housing = TopicFactory(name="Wohnen")
    EventPageFactory(parent=event_index, title="Werkstatt", category=workshop)
    tagged = EventPageFactory(parent=event_index, title="Mieten", start=days_ahead(40))
    tagged.topics.add(housing)
    tagged.save_revision().publish()
    EventPageFactory(
        parent=event_index,
        title="Online",
        format=EventPage.Format.ONLINE,
        city="",
        online_platform="Zoom",
        start=days_ahead(5),
    )
    assert titles(client.get("/veranstaltungen/?kategorie=workshop")) == ["Werkstatt"]
    assert titles(client.get("/veranstaltungen/?thema=wohnen")) == ["Mieten"]
    assert titles(client.get("/veranstaltungen/?format=online")) == ["Online"]
    month = days_ahead(40).strftime("%Y-%m")
    assert "Mieten" in titles(client.get(f"/veranstaltungen/?monat={month}"))
    for junk in (
        "?kategorie=%00",
        "?monat=2026-13",
        "?monat=abc&format=x&thema[]=1",
        "?seite=-1",
        "?seite=999999999999999999999",
        "?kategorie=workshop&monat=9999-99",
    ):
        response = client.get("/veranstaltungen/" + junk)
        assert response.status_code in (200, 400), junk
        if response.status_code == 200:
            assert titles(response), junk


def test_the_list_takes_the_same_number_of_queries_for_3_or_30_events(
    client, event_index, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        client.get("/veranstaltungen/")  # the site's root paths and settings, cached once
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/veranstaltungen/?format=in_person").status_code == 200
        return len(queries)

    topic = TopicFactory(name="Haushalt")
    for n in range(3):
        EventPageFactory(parent=event_index, start=days_ahead(n + 1)).topics.add(topic)
    few = count()
    for n in range(27):
        EventPageFactory(parent=event_index, start=days_ahead(n + 10)).topics.add(topic)
    assert count() == few


def test_an_event_page_says_when_where_how_to_register_and_what_to_know(client, event_index, home):
    EventSettings.objects.create(
        site=home.get_site(),
        important_notes="<p>Kinderbetreuung bitte mindestens 14 Tage vorher anmelden.</p>",
    )
    event = EventPageFactory(
        parent=event_index,
        title="Bodenpreise treiben die Mieten",
        start=berlin(2031, 3, 15, 11),
        end=berlin(2031, 3, 15, 16),
        venue_name="Haus der Begegnung",
        street="Luegallee 65",
        postal_code="40545",
        city="Düsseldorf",
        fees="10 Euro",
    )
    event.co_organisers.add(CoOrganiserFactory())
    event.speakers.create(name="Erika Muster", about="Ratsmitglied in Essen")
    event.save_revision().publish()
    response = client.get(event.url)
    text = response.text
    assert "Sa., 15. März 2031, 11:00–16:00 Uhr" in text
    assert "Haus der Begegnung, Luegallee 65, 40545 Düsseldorf" in text
    assert "https://www.openstreetmap.org/search?query=" in text
    assert "Anmeldung erforderlich" in text
    assert "310315-DEM-D" in text
    assert "Erika Muster, Ratsmitglied in Essen" in text
    assert "Rosa-Luxemburg-Stiftung NRW" in text
    assert "Kinderbetreuung bitte mindestens 14 Tage vorher anmelden." in text
    assert "10 Euro" in text
    assert "calendar.google.com" in text and "outlook.live.com" in text


def structured_data(response):
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    return json.loads(found.group(1))


def test_search_engines_read_the_event_as_schema_org_json_ld(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        title="Ein </script> im Titel",
        start=berlin(2031, 3, 15, 11),
        end=berlin(2031, 3, 15, 16),
        format=EventPage.Format.HYBRID,
        online_platform="Zoom",
    )
    data = structured_data(client.get(event.url))
    assert data["@type"] == "Event"
    assert data["name"] == "Ein </script> im Titel"
    assert data["startDate"] == "2031-03-15T11:00:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]
    assert data["organizer"]["name"] == "kommunalpolitisches forum nrw e.V."


def test_a_cancelled_event_says_so_and_takes_no_registrations(client, event_index):
    event = EventPageFactory(parent=event_index, status=EventPage.Status.CANCELLED)
    response = client.get(event.url)
    assert "Diese Veranstaltung ist abgesagt." in response.text
    assert "Anmeldung erforderlich" not in response.text
    assert structured_data(response)["eventStatus"] == "https://schema.org/EventCancelled"
    postponed = EventPageFactory(parent=event_index, status=EventPage.Status.POSTPONED)
    assert "Diese Veranstaltung ist verschoben." in client.get(postponed.url).text


def test_the_join_link_stays_off_the_page_when_registration_is_required(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        format=EventPage.Format.ONLINE,
        city="",
        online_platform="Zoom",
        join_url="https://zoom.us/j/9876543210",
    )
    assert "9876543210" not in client.get(event.url).text
    event.registration = EventPage.Registration.NONE
    event.save_revision().publish()
    assert "9876543210" in client.get(event.url).text


def test_a_venue_without_street_an_all_day_and_a_past_event_show_without_error(client, event_index):
    for event in (
        EventPageFactory(parent=event_index, street="", venue_name=""),
        EventPageFactory(parent=event_index, all_day=True, start=days_ahead(3), end=days_ahead(5)),
        EventPageFactory(parent=event_index, start=days_ahead(-30)),
    ):
        assert client.get(event.url).status_code == 200


def test_an_unpublished_or_unknown_event_is_not_found(client, event_index):
    event = EventPageFactory(parent=event_index)
    event.unpublish()
    assert client.get(event.url_path.replace("/start", "", 1)).status_code == 404
    assert client.get("/veranstaltungen/gibt-es-nicht/").status_code == 404
