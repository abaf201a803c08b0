"""Time the half-year programme's PDF with about 40 events.

    make bench-programme                    # SQLite
    DATABASE_URL=postgres://... make bench-programme

Builds the demo site in a throwaway database, adds 40 events to next year's autumn half-year
(some online, some cancelled, one all-day) and a programme for it, then times, in this process:
gathering what the PDF shows and its fingerprint (what every request of the PDF's address pays),
rendering the PDF (what a rebuild pays), and the page and the PDF's address as a reader gets
them with the page cache off and the PDF stored.
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import demo_site, measure

EVENT_COUNT = int(os.environ.get("BENCH_EVENTS", "40"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))
TOWNS = ["Bochum", "Dortmund", "Duisburg", "Düsseldorf", "Essen", "Köln", "Münster", "Wuppertal"]


def add_programme(count):
    from django.utils import timezone

    from events.models import EventCategory, EventIndexPage, EventPage, ProgrammePage

    index = EventIndexPage.objects.get()
    categories = list(EventCategory.objects.all())
    year = timezone.localdate().year + 1
    for number in range(count):
        day = datetime.date(year, 7 + number * 6 // count, 1 + number * 7 % 28)
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(11)))
        online = number % 5 == 0
        index.add_child(
            instance=EventPage(
                title=f"Kommunalpolitik vor Ort {number}: Wohnen, Wärme und Haushalt in "
                f"{TOWNS[number % len(TOWNS)]}",
                subtitle="Ein Tagesseminar für Ratsmitglieder und sachkundige Bürger*innen",
                slug=f"programm-termin-{number}",
                start=start,
                end=start + datetime.timedelta(hours=5),
                all_day=number == 7,
                format=EventPage.Format.ONLINE if online else EventPage.Format.IN_PERSON,
                online_platform="Zoom" if online else "",
                city="" if online else TOWNS[number % len(TOWNS)],
                venue_name="" if online else "Bürgerhaus",
                street="" if online else "Marktstraße 1",
                category=categories[number % len(categories)],
                status=EventPage.Status.CANCELLED if number % 13 == 0 else EventPage.Status.PLANNED,
                fees="kostenfrei" if number % 2 else "20 €, ermäßigt 10 €",
            )
        ).save_revision().publish()
    programme = index.add_child(
        instance=ProgrammePage(
            season=ProgrammePage.Season.AUTUMN,
            year=year,
            editorial="<p>Liebe Kommunalpolitiker*innen, das ist unser Programm.</p>" * 4,
            signature="Wolfgang Freye, Vorsitzender",
        )
    )
    programme.save_revision().publish()
    return ProgrammePage.objects.get(pk=programme.pk)


def median_ms(function, rounds=ROUNDS):
    function()  # warm-up: fonts registered, templates and querysets compiled
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main():
    with demo_site() as client:
        from django.db import connection

        from events import programme_pdf
        from events.services import programme_pdf as stored_pdf

        programme = add_programme(EVENT_COUNT)
        document = programme_pdf.document_for(programme)
        pdf = programme_pdf.render(document)
        print(
            f"{connection.vendor}, {len(document.events)} events in {programme.title}, "
            f"median of {ROUNDS} runs; the PDF has {len(pdf) / 1024:.0f} KB"
        )
        print(f"{'what':44} {'median ms':>10}")
        print(
            f"{'gather and fingerprint (every PDF request)':44} "
            f"{median_ms(lambda: programme_pdf.document_for(programme).fingerprint):10.1f}"
        )
        print(
            f"{'render the PDF (a rebuild)':44} "
            f"{median_ms(lambda: programme_pdf.render(document)):10.1f}"
        )
        stored_pdf(programme.pk)
        for address in (programme.url, programme.url + "pdf/"):
            median, p95, queries, _response = measure(client, address, ROUNDS)
            print(f"{address:44} {median:10.1f}  (p95 {p95:.1f} ms, {queries} queries)")


if __name__ == "__main__":
    main()
