from django.utils.translation import gettext_lazy as _

from kopofo.caching.services import per_generation
from kopofo.pages.models import first_page_of_type
from kopofo.pages.panels import HOME, SIDEBAR, Panel
from kopofo.seams import panels

from .models import EventIndexPage, EventPage

NEXT_EVENTS = 3


def upcoming_events():
    upcoming = EventPage.objects.live().public().upcoming()
    return list(upcoming.select_related("category")[:NEXT_EVENTS])


def next_events(request):
    # Every page shows the same box; an event's end makes the page cache's generation change
    # (tasks.py), so the list is worked out once per change.
    events = per_generation(request, ("next_events",), upcoming_events)
    if not events:
        return None
    index = first_page_of_type(request, EventIndexPage)
    # The list itself shows the same dates a box beside it would repeat.
    if index and request.path == index.url:
        return None
    return {"next_events": events, "events_index": index}


panels.register(
    Panel(
        key="termine",
        label=_("Die nächsten Termine (die drei nächsten Veranstaltungen)"),
        template="panels/next_events.html",
        get_context=next_events,
        default_places=(HOME, SIDEBAR),
    ),
    order=30,
)
