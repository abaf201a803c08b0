import datetime

from django.utils import timezone

from kopofo.caching import services as page_cache

from .models import EventPage

#: When the last check ran, in the page cache's own store, which every process shares.
LAST_CHECK_KEY = "events:lists-checked-at"


def refresh_lists_when_events_end(now=None):
    """Make cached pages stale once an event has ended since the last check.

    "Die nächsten Termine" on the list, the home page, the sidebar and the topic pages drop an
    event when it ends; no change of content tells the page cache so, time does.
    """
    now = now or timezone.now()
    store = page_cache.cache()
    last = store.get(LAST_CHECK_KEY)
    if last is None:
        ended = True  # The first run, or the cache was emptied: no telling what ended meanwhile.
    else:
        since = datetime.datetime.fromtimestamp(last, tz=datetime.UTC)
        ended = EventPage.objects.live().filter(end__gt=since, end__lte=now).exists()
    if ended:
        page_cache.invalidate("an event has ended")
    store.set(LAST_CHECK_KEY, now.timestamp(), timeout=None)
    return ended
