"""Events as iCalendar (RFC 5545): one event's `.ics`, the feeds, and "add to" links.

Calendars that imported an event recognise it again by its UID and take a copy with a higher
SEQUENCE as the newer one; so the UID never changes and `EventPage.sequence` rises whenever time,
place or status change. Times carry Europe/Berlin with its VTIMEZONE, so that a calendar
elsewhere shows the right hour on both sides of a daylight-saving change.
"""

import datetime
import re
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from kopofo.site_url import absolute

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODUCT_ID = "-//kommunalpolitisches forum nrw e.V.//Veranstaltungen//DE"
CALENDAR_NAME = "kopofo nrw – Veranstaltungen"
STATUS = {"planned": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def uid(page):
    return f"veranstaltung-{page.pk}@{urlsplit(settings.SITE_URL).hostname}"


def ical_dates(page):
    """DTSTART and DTEND: local times with their zone, or whole days (DTEND is exclusive)."""
    start, end = timezone.localtime(page.start), timezone.localtime(page.end)
    if page.all_day:
        return start.date(), end.date() + datetime.timedelta(days=1)
    return start, (end if end > start else None)


def description(page, url):
    """Plain text: what a calendar entry needs to decide and to find the page again."""
    lines = [page.subtitle, page.teaser, f"Veranstaltungsnummer: {page.event_number}"]
    if page.public_join_url:
        lines.append(f"Zugang: {page.public_join_url}")
    lines.append(f"Alle Informationen und Anmeldung: {url}")
    return "\n\n".join(line for line in lines if line)


def calendar_event(page, stamp):
    url = absolute(page.url)
    start, end = ical_dates(page)
    event = Event()
    event.add("uid", uid(page))
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    if end is not None:
        event.add("dtend", end)
    title = f"Abgesagt: {page.title}" if page.is_cancelled else page.title
    event.add("summary", title)
    event.add("description", description(page, url))
    if page.location:
        event.add("location", page.location)
    event.add("url", url)
    event.add("categories", [page.category.name])
    event.add("sequence", page.sequence)
    event.add("status", STATUS[page.status])
    if page.last_published_at:
        event.add("last-modified", page.last_published_at)
    return event


def calendar(pages, *, name=CALENDAR_NAME):
    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for page in pages:
        cal.add_component(calendar_event(page, stamp))
    # One VTIMEZONE for Europe/Berlin, with the rules of every year the events fall in.
    cal.add_missing_timezones()
    return cal


def safe_filename(name):
    return re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-") or "veranstaltung"


def response(cal, filename):
    answer = HttpResponse(cal.to_ical(), content_type=CONTENT_TYPE)
    answer["Content-Disposition"] = f'attachment; filename="{safe_filename(filename)}.ics"'
    return answer


def event_response(page):
    return response(calendar([page], name=page.title), page.event_number or page.slug)


def feed_response(pages, *, filename, name=None):
    pages = pages.select_related("category")
    title = f"{CALENDAR_NAME}: {name}" if name else CALENDAR_NAME
    return response(calendar(pages, name=title), filename)


def webcal_url(url):
    """The feed's address for "subscribe": calendars take webcal:// as "poll this"."""
    address = absolute(url)
    return "webcal://" + address.split("://", 1)[1]


def _utc(value):
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def google_calendar_url(page):
    start, end = ical_dates(page)
    end = end or start
    span = f"{start:%Y%m%d}/{end:%Y%m%d}" if page.all_day else f"{_utc(start)}/{_utc(end)}"
    query = {
        "action": "TEMPLATE",
        "text": page.title,
        "dates": span,
        "details": description(page, absolute(page.url)),
        "location": page.location,
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def outlook_calendar_url(page):
    start, end = ical_dates(page)
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": page.title,
        "startdt": start.isoformat(),
        "enddt": (end or start).isoformat(),
        "body": description(page, absolute(page.url)),
        "location": page.location,
    }
    if page.all_day:
        query["allday"] = "true"
    return "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(query)
