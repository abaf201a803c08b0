"""The events app's models: the calendar (`events.py`) and the half-year programmes."""

from .events import (
    EVENTS_PER_PAGE,
    FEED_PAST,
    CoOrganiser,
    EventCategory,
    EventIndexPage,
    EventPage,
    EventPageQuerySet,
    EventSeries,
    EventSettings,
    EventSpeaker,
)
from .programmes import ProgrammePage, ProgrammePdf

__all__ = [
    "EVENTS_PER_PAGE",
    "FEED_PAST",
    "CoOrganiser",
    "EventCategory",
    "EventIndexPage",
    "EventPage",
    "EventPageQuerySet",
    "EventSeries",
    "EventSettings",
    "EventSpeaker",
    "ProgrammePage",
    "ProgrammePdf",
]
