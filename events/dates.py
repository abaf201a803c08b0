"""Dates and times of events as the association writes them (see `describe`).

Written out here rather than through the active translation, so that a mail made by the worker
or a feed reads the same as the page.
"""

import datetime

from django.utils import timezone

WEEKDAYS = ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."]
MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


def day(value: datetime.date) -> str:
    return f"{WEEKDAYS[value.weekday()]}, {value.day}. {MONTHS[value.month - 1]} {value.year}"


def month_name(value: datetime.date) -> str:
    return f"{MONTHS[value.month - 1]} {value.year}"


def describe(start, end, *, all_day=False) -> str:
    # Weekday, day, month, year, then the hours joined by an en dash and "Uhr"; an all-day
    # event without hours; one over several days with each day (see the tests for examples).
    start = timezone.localtime(start)
    end = timezone.localtime(end or start)
    if start.date() == end.date():
        if all_day:
            return day(start)
        if end == start:
            return f"{day(start)}, {start:%H:%M} Uhr"
        return f"{day(start)}, {start:%H:%M}–{end:%H:%M} Uhr"
    if all_day:
        return f"{day(start)} – {day(end)}"
    return f"{day(start)}, {start:%H:%M} Uhr – {day(end)}, {end:%H:%M} Uhr"


def start_of_day(value):
    local = timezone.localtime(value)
    return timezone.make_aware(datetime.datetime.combine(local.date(), datetime.time.min))


def end_of_day(value):
    """The last second of the day in Berlin (23:59:59), so "until the end of the day" holds."""
    local = timezone.localtime(value)
    return timezone.make_aware(datetime.datetime.combine(local.date(), datetime.time(23, 59, 59)))
