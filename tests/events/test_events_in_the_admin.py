"""Staff keep events as pages: the number is proposed, the sequence follows time and place."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.models import EventPage, EventSettings
from kopofo.caching import services
from tests.factories import (
    CoOrganiserFactory,
    EventCategoryFactory,
    EventPageFactory,
    berlin,
    days_ahead,
)

pytestmark = pytest.mark.django_db


def test_the_event_number_is_proposed_from_day_category_and_town(event_index):
    category = EventCategoryFactory(name="Tagesseminar", code="TS")
    event = EventPageFactory(parent=event_index, category=category, start=berlin(2026, 11, 12, 11))
    online = EventPageFactory(
        parent=event_index,
        start=berlin(2026, 11, 12, 18),
        format=EventPage.Format.ONLINE,
        city="",
        online_platform="Zoom",
    )
    unknown_town = EventPageFactory(
        parent=event_index, city="Schmallenberg", start=berlin(2026, 3, 1, 9)
    )
    assert event.event_number == "261112-TS-DU"
    assert online.event_number == "261112-DEM-ONL"
    assert unknown_town.event_number == "260301-DEM-SCH"


def test_a_second_event_on_the_same_day_gets_a_number_of_its_own(event_index):
    first = EventPageFactory(parent=event_index, start=berlin(2026, 11, 12, 11))
    second = EventPageFactory(parent=event_index, start=berlin(2026, 11, 12, 18))
    assert (first.event_number, second.event_number) == ("261112-DEM-DU", "261112-DEM-DU-2")


def test_staff_may_set_the_number_themselves(event_index):
    event = EventPageFactory(parent=event_index, event_number="221112-DEM-DU")
    assert EventPage.objects.get(pk=event.pk).event_number == "221112-DEM-DU"


def test_sequence_rises_when_time_or_place_changes_and_stays_otherwise(event_index):
    event = EventPageFactory(parent=event_index)
    assert event.sequence == 0
    event.title = "Neuer Titel"
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.sequence == 0

    event.start += datetime.timedelta(hours=1)
    event.end += datetime.timedelta(hours=1)
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.sequence == 1

    event.street = "Kuhlenwall 1"
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.sequence == 2

    event.status = EventPage.Status.CANCELLED
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.sequence == 3


def test_an_old_revision_never_lowers_the_sequence(event_index):
    event = EventPageFactory(parent=event_index)
    old = event.save_revision()
    event.city, event.postal_code = "Essen", "45127"
    event.save_revision().publish()
    old.publish()
    event.refresh_from_db()
    assert event.city == "Duisburg"
    assert event.sequence == 2


def test_an_all_day_event_covers_its_days_in_berlin(event_index):
    event = EventPageFactory(
        parent=event_index,
        all_day=True,
        start=berlin(2026, 3, 14, 15),
        end=berlin(2026, 3, 15, 9),
    )
    assert timezone.localtime(event.start) == berlin(2026, 3, 14, 0, 0)
    assert timezone.localtime(event.end) == berlin(2026, 3, 15, 23, 59, 59)
    assert event.when == "Sa., 14. März 2026 – So., 15. März 2026"


def test_without_an_end_the_event_ends_when_it_begins(event_index):
    event = EventPageFactory(parent=event_index, start=berlin(2026, 3, 14, 11), end=None)
    assert event.end == event.start
    assert event.when == "Sa., 14. März 2026, 11:00 Uhr"


def test_dates_read_as_the_association_writes_them(event_index):
    event = EventPageFactory(
        parent=event_index, start=berlin(2026, 3, 14, 11), end=berlin(2026, 3, 14, 16)
    )
    assert event.when == "Sa., 14. März 2026, 11:00–16:00 Uhr"
    event.end = berlin(2026, 3, 15, 13)
    assert event.when == "Sa., 14. März 2026, 11:00 Uhr – So., 15. März 2026, 13:00 Uhr"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end": berlin(2026, 3, 14, 10)}, "end"),
        ({"city": ""}, "city"),
        ({"registration": EventPage.Registration.EXTERNAL}, "registration_url"),
    ],
)
def test_an_event_that_cannot_be_is_refused_with_a_german_message(event_index, changes, field):
    event = EventPageFactory.build(start=berlin(2026, 3, 14, 11), end=berlin(2026, 3, 14, 16))
    event.category.save()
    for name, value in changes.items():
        setattr(event, name, value)
    with pytest.raises(ValidationError) as refused:
        event.full_clean(exclude=["path", "depth", "slug"])
    assert field in refused.value.message_dict


def test_upcoming_is_soonest_first_and_past_is_newest_first(event_index):
    later = EventPageFactory(parent=event_index, start=days_ahead(20))
    sooner = EventPageFactory(parent=event_index, start=days_ahead(3))
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    running = EventPageFactory(parent=event_index, start=an_hour_ago)
    long_ago = EventPageFactory(parent=event_index, start=days_ahead(-60))
    recent = EventPageFactory(parent=event_index, start=days_ahead(-2))
    assert list(EventPage.objects.upcoming()) == [running, sooner, later]
    assert list(EventPage.objects.past()) == [recent, long_ago]


def test_the_join_link_is_public_only_when_nobody_needs_to_register(event_index):
    event = EventPageFactory(
        parent=event_index,
        format=EventPage.Format.ONLINE,
        online_platform="Zoom",
        join_url="https://zoom.us/j/123",
        registration=EventPage.Registration.REQUIRED,
    )
    assert event.public_join_url == ""
    event.registration = EventPage.Registration.NONE
    assert event.public_join_url == "https://zoom.us/j/123"


def test_changing_a_category_a_partner_or_the_notes_makes_cached_pages_stale(home):
    for change in (
        lambda: EventCategoryFactory(name="Workshop", code="WS"),
        lambda: CoOrganiserFactory(),
        lambda: EventSettings.objects.create(site=home.get_site(), important_notes="<p>x</p>"),
    ):
        before = services.cache().get(services.GENERATION_KEY)
        change()
        assert services.cache().get(services.GENERATION_KEY) != before


def test_the_office_keeps_the_lists_and_the_redaktion_chooses_from_them(db):
    office = set(
        Group.objects.get(name="Geschäftsstelle").permissions.values_list("codename", flat=True)
    )
    editors = set(
        Group.objects.get(name="Redaktion").permissions.values_list("codename", flat=True)
    )
    assert {"add_eventcategory", "change_coorganiser", "change_eventsettings"} <= office
    assert {"view_eventcategory", "view_coorganiser"} <= editors
    assert not {"add_eventcategory", "change_eventsettings"} & editors
