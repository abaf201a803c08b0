"""Time the subscribable calendar feed with 2,000 events, beside the bare view.

    make bench-events                       # SQLite
    DATABASE_URL=postgres://... make bench-events

Builds the demo site in a throwaway database, adds 2,000 events (a third of them in the past
half-year the feed still carries, the rest ahead, some online, some all-day, some cancelled)
and times `/veranstaltungen/ical/` rendered afresh (page cache off) next to the bare view of
bench/urls.py in the same process.
"""

import datetime
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import BARE_PATH
from bench.run import demo_site, measure

EVENT_COUNT = int(os.environ.get("BENCH_EVENTS", "2000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "10"))
FEED = "/veranstaltungen/ical/"
TOWNS = ["Bochum", "Dortmund", "Duisburg", "Düsseldorf", "Essen", "Köln", "Münster", "Wuppertal"]


def add_events(count, seed=9):
    from django.utils import timezone

    from events.models import EventCategory, EventIndexPage, EventPage

    rng = random.Random(seed)
    index = EventIndexPage.objects.get()
    categories = list(EventCategory.objects.all())
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for number in range(count):
        start = now + datetime.timedelta(days=rng.randint(-175, 540), hours=rng.randint(-3, 8))
        online = number % 5 == 0
        index.add_child(
            instance=EventPage(
                title=f"Kommunalpolitik vor Ort {number}: {rng.choice(TOWNS)} im Gespräch",
                slug=f"termin-{number}",
                start=start,
                end=start + datetime.timedelta(hours=rng.choice([2, 3, 5])),
                all_day=number % 17 == 0,
                format=EventPage.Format.ONLINE if online else EventPage.Format.IN_PERSON,
                city="" if online else rng.choice(TOWNS),
                venue_name="" if online else "Bürgerhaus",
                category=rng.choice(categories),
                status=EventPage.Status.CANCELLED if number % 23 == 0 else EventPage.Status.PLANNED,
                teaser="Wir diskutieren, was Städte tun können.",
            )
        )


def main():
    with demo_site(ROOT_URLCONF="bench.urls") as client:
        from django.db import connection

        add_events(EVENT_COUNT)
        print(f"{connection.vendor}, {EVENT_COUNT} more events, {ROUNDS} requests per address")
        print(f"{'address':32} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'KB':>8} events")
        for address in (BARE_PATH, FEED):
            median, p95, queries, response = measure(client, address, ROUNDS)
            body = response.content
            events = body.count(b"BEGIN:VEVENT")
            print(
                f"{address:32} {median:10.1f} {p95:8.1f} {queries:8d} "
                f"{len(body) / 1024:8.0f} {events}"
            )


if __name__ == "__main__":
    main()
