"""Every .ics the site gives out is valid iCalendar that a calendar can import and keep current."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from events.models import EventPage
from tests.factories import EventCategoryFactory, EventPageFactory, berlin, days_ahead

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def parsed(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def only_event(calendar):
    (event,) = calendar.walk("VEVENT")
    return event


def test_an_events_calendar_file_carries_everything_a_calendar_needs(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        title="Bodenpreise treiben die Mieten",
        start=berlin(2031, 3, 15, 11),
        end=berlin(2031, 3, 15, 16),
        venue_name="Bürgerhaus",
        street="Luegallee 65",
        postal_code="40545",
        city="Düsseldorf",
    )
    response = client.get(event.ical_url)
    assert response["Content-Disposition"] == 'attachment; filename="310315-DEM-D.ics"'
    calendar = parsed(response)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Berlin"
    entry = only_event(calendar)
    assert entry["UID"] == f"veranstaltung-{event.pk}@testserver"
    assert entry["DTSTAMP"].dt.tzinfo is not None
    assert entry["DTSTART"].dt == datetime.datetime(2031, 3, 15, 11, tzinfo=BERLIN)
    assert entry["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert entry["DTEND"].dt == datetime.datetime(2031, 3, 15, 16, tzinfo=BERLIN)
    assert entry["SUMMARY"] == "Bodenpreise treiben die Mieten"
    assert entry["LOCATION"] == "Bürgerhaus, Luegallee 65, 40545 Düsseldorf"
    assert entry["URL"] == "http://testserver/veranstaltungen/" + event.slug + "/"
    assert entry["URL"] in entry["DESCRIPTION"]
    assert "310315-DEM-D" in entry["DESCRIPTION"]
    assert entry["CATEGORIES"].cats == ["Diskussionsveranstaltung"]
    assert entry["SEQUENCE"] == 0
    assert entry["STATUS"] == "CONFIRMED"


def test_a_cancelled_event_updates_calendars_that_imported_it(client, event_index):
    event = EventPageFactory(parent=event_index)
    uid = only_event(parsed(client.get(event.ical_url)))["UID"]
    event.status = EventPage.Status.CANCELLED
    event.save_revision().publish()
    entry = only_event(parsed(client.get(event.ical_url)))
    assert entry["UID"] == uid
    assert entry["STATUS"] == "CANCELLED"
    assert entry["SEQUENCE"] == 1


def test_a_moved_event_keeps_its_uid_and_raises_its_sequence(client, event_index):
    event = EventPageFactory(parent=event_index)
    event.start += datetime.timedelta(days=7)
    event.end += datetime.timedelta(days=7)
    event.save_revision().publish()
    entry = only_event(parsed(client.get(event.ical_url)))
    assert entry["SEQUENCE"] == 1
    assert entry["DTSTART"].dt == timezone.localtime(event.start)


def test_an_event_across_the_change_to_summer_time_keeps_its_real_hours(client, event_index):
    # 30 March 2031: at 2:00 the clocks in Berlin jump to 3:00.
    event = EventPageFactory(
        parent=event_index, start=berlin(2031, 3, 29, 20), end=berlin(2031, 3, 30, 10)
    )
    calendar = parsed(client.get(event.ical_url))
    entry = only_event(calendar)
    start, end = entry["DTSTART"].dt, entry["DTEND"].dt
    assert start.utcoffset() == datetime.timedelta(hours=1)
    assert end.utcoffset() == datetime.timedelta(hours=2)
    # Same tzinfo subtracts wall clocks in Python: compare the instants.
    assert end.astimezone(datetime.UTC) - start.astimezone(datetime.UTC) == datetime.timedelta(
        hours=13
    )
    (zone,) = calendar.walk("VTIMEZONE")
    assert {part.name for part in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    assert event.when == "Sa., 29. März 2031, 20:00 Uhr – So., 30. März 2031, 10:00 Uhr"


def test_an_all_day_event_is_given_as_whole_days(client, event_index):
    event = EventPageFactory(
        parent=event_index, all_day=True, start=berlin(2031, 5, 9, 9), end=berlin(2031, 5, 10, 9)
    )
    entry = only_event(parsed(client.get(event.ical_url)))
    assert entry["DTSTART"].dt == datetime.date(2031, 5, 9)
    assert entry["DTEND"].dt == datetime.date(2031, 5, 11)


def test_a_past_event_still_has_its_file_and_the_join_link_is_only_for_the_registered(
    client, event_index
):
    event = EventPageFactory(
        parent=event_index,
        start=days_ahead(-200),
        format=EventPage.Format.ONLINE,
        city="",
        online_platform="Zoom",
        join_url="https://zoom.us/j/9876543210",
    )
    response = client.get(event.ical_url)
    entry = only_event(parsed(response))
    assert entry["LOCATION"] == "Onlineveranstaltung über Zoom"
    assert b"9876543210" not in response.content


def test_the_feed_covers_half_a_year_back_and_everything_ahead(client, event_index):
    for title, days in [("Vor sieben Monaten", -213), ("Vor fünf Monaten", -150), ("Bald", 3)]:
        EventPageFactory(parent=event_index, title=title, start=days_ahead(days))
    EventPageFactory(
        parent=event_index,
        title="Workshop",
        start=days_ahead(9),
        category=EventCategoryFactory(name="Workshop", code="WS"),
    )
    response = client.get("/veranstaltungen/ical/?junk=%ff&x[]=1")
    assert response["Content-Disposition"] == 'attachment; filename="kopofo-veranstaltungen.ics"'
    calendar = parsed(response)
    summaries = [str(entry["SUMMARY"]) for entry in calendar.walk("VEVENT")]
    assert summaries == ["Vor fünf Monaten", "Bald", "Workshop"]
    assert len(calendar.walk("VTIMEZONE")) == 1
    only_workshops = parsed(client.get("/veranstaltungen/ical/workshop/"))
    assert [str(entry["SUMMARY"]) for entry in only_workshops.walk("VEVENT")] == ["Workshop"]
    assert client.get("/veranstaltungen/ical/gibt-es-nicht/").status_code == 404


def test_the_list_offers_the_feed_to_subscribe_and_each_category_s_feed(client, event_index):
    EventPageFactory(parent=event_index)
    text = client.get("/veranstaltungen/").text
    assert "webcal://testserver/veranstaltungen/ical/" in text
    assert "/veranstaltungen/ical/diskussionsveranstaltung/" in text


def test_calendar_clients_that_poll_the_feed_get_304_until_something_changes(client, event_index):
    event = EventPageFactory(parent=event_index)
    first = client.get("/veranstaltungen/ical/")
    assert first["X-Cache"] == "miss"
    etag = first["ETag"]
    again = client.get("/veranstaltungen/ical/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    event.title = "Neuer Titel"
    event.save_revision().publish()
    changed = client.get("/veranstaltungen/ical/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert b"Neuer Titel" in changed.content
    event_etag = client.get(event.ical_url)["ETag"]
    assert client.get(event.ical_url, HTTP_IF_NONE_MATCH=event_etag).status_code == 304
