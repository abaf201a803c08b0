"""schema.org `Event` as JSON-LD, so that search engines show the date, place and status."""

import json

from django.conf import settings
from django.utils import timezone
from django.utils.safestring import mark_safe

from kopofo.site_url import absolute

EVENT_STATUS = {
    "planned": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
}
ATTENDANCE_MODE = {
    "in_person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}
# Inside <script> nothing may close the element or open a comment.
ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _moment(page, value):
    local = timezone.localtime(value)
    return local.date().isoformat() if page.all_day else local.isoformat()


def event_data(page):
    url = absolute(page.url)
    places = []
    if page.format != "online":
        places.append(
            {
                "@type": "Place",
                "name": page.venue_name or page.city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": page.street,
                    "postalCode": page.postal_code,
                    "addressLocality": page.city,
                    "addressCountry": "DE",
                },
            }
        )
    if page.format != "in_person":
        places.append({"@type": "VirtualLocation", "url": page.public_join_url or url})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "url": url,
        "startDate": _moment(page, page.start),
        "endDate": _moment(page, page.end),
        "eventStatus": EVENT_STATUS[page.status],
        "eventAttendanceMode": ATTENDANCE_MODE[page.format],
        "location": places[0] if len(places) == 1 else places,
        "organizer": {
            "@type": "Organization",
            "name": "kommunalpolitisches forum nrw e.V.",
            "url": settings.SITE_URL,
        },
    }
    if page.teaser:
        data["description"] = page.teaser
    return data


def json_ld(page):
    return mark_safe(json.dumps(event_data(page), ensure_ascii=False).translate(ESCAPES))
