"""The Datenbank's search at scale: each kind of search through the view, beside its raw SQL.

    make bench-datenbank-search                        # 100,000 records
    .venv/bin/python bench/datenbank_search.py --records 10000 --runs 20

Loads the records with bench/motions_db.py (same database, kept between runs), then asks
`/datenbank/` through the site's whole middleware stack (in-process, page cache off) for each
kind of search, several words per kind, `--runs` times each. Beside each it runs the SQL
statements the page sent, captured and replayed on a plain psycopg connection without Django:
the floor that the view's Python, ORM and template add to. Prints the median and p95 per kind,
both ways, and first the bare view (/bench/bare/: a constant answer through the same stack) and
what the first search after a change of content pays once per process: loading the facet
columns (motions_db/facets.py). The timed searches find them loaded, as all but that one do.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.motions_db import ensure_records, setup_django  # noqa: E402

#: Several searches per kind, so one lucky word does not stand for its kind.
CASES = {
    "word, in most records": ["Stadt", "Antrag", "Verwaltung"],
    "word, in some records": ["Sozialticket", "Kita", "Klimaschutz"],
    "word, rare": ["Mietendeckel", "Provenienzforschung", "Schulmittagessen"],
    "compound part": ["Gebühren", "Ticket", "Notstand"],
    "phrase": ['"Weiter so"', '"der Rat"', '"sozialen Wohnungsbau"'],
    "OR and exclusion": ["Kita OR Schule -Köln", "Miete OR Wohnen", "Bus OR Bahn -Dortmund"],
    "word with two facets": ["Miete&art=antrag&region=ruhrgebiet", "Kita&jahr=2024&art=anfrage"],
    "deep page": ["Stadt&seite=50", "Antrag&seite=40&sortierung=datum"],
    "no words, facets only": ["&art=antrag", "&jahr=2023&region=koeln"],
    "hostile, at the caps": ["Stadt%20" * 2000, '"' + "Rat%20der%20Stadt%20" * 300],
}


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    setup_django()
    ensure_records(args.records)

    import psycopg
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench import BARE_PATH
    from motions_db import facets, vocabulary
    from motions_db.models import SearchEntry

    settings.PAGE_CACHE_ENABLED = False
    # The pages link their static files through production's manifest, as `make run` does.
    call_command("collectstatic", interactive=False, verbosity=0)
    settings.ROOT_URLCONF = "bench.urls"
    vocabulary.rebuild()
    for table in ("motions_db_searchentry", "motions_db_searchtext"):
        connection.cursor().execute(f"VACUUM ANALYZE {table}")
    print(f"{SearchEntry.objects.count():,} published records in the search table\n")
    database = settings.DATABASES["default"]
    raw = psycopg.connect(
        dbname=database["NAME"],
        user=database["USER"],
        host=database["HOST"],
        port=database["PORT"] or 5432,
        autocommit=True,
    )
    client = Client(HTTP_HOST="127.0.0.1")

    def view_once(query, address="/datenbank/?q="):
        started = time.perf_counter()
        response = client.get(f"{address}{query}")
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, query
        return elapsed

    def statements_of(query):
        """The page's SQL, from a request of its own: capturing formats every statement with
        its parameters (a ranked page passes up to 1,500 ids), which the timed runs must not
        pay for."""
        with CaptureQueriesContext(connection) as captured:
            view_once(query)
        return [each["sql"] for each in captured.captured_queries]

    view_once("", BARE_PATH)  # warm-up: the first request sets up the middleware
    bare = [view_once("", BARE_PATH) for _ in range(args.runs * 5)]
    print(
        f"bare view {BARE_PATH}: median {statistics.median(bare):.1f} ms, "
        f"p95 {percentile(bare, 0.95):.1f} ms\n"
    )

    def raw_once(statements):
        started = time.perf_counter()
        with raw.transaction():
            for sql in statements:
                if sql.startswith(("SAVEPOINT", "RELEASE", "BEGIN", "COMMIT")):
                    continue
                cursor = raw.execute(sql)
                if cursor.description:
                    cursor.fetchall()
        return (time.perf_counter() - started) * 1000

    loads = []
    for _ in range(5):
        started = time.perf_counter()
        facets.load()
        loads.append((time.perf_counter() - started) * 1000)
    load_median = statistics.median(loads)
    print(f"facet columns, loaded once per change of content: median {load_median:.0f} ms\n")

    print(
        f"{'kind of search':28} {'view median':>12} {'view p95':>10} {'SQL median':>11} "
        f"{'SQL p95':>9} {'p95 ratio':>9} {'queries':>8}"
    )
    for kind, queries in CASES.items():
        view_times, raw_times, counts = [], [], []
        for query in queries:
            # Warm: the per-generation names and facet columns, the buffers. Twice: in two runs
            # right after an import, the capture after one warm-up still held a load of the
            # facet columns (17 statements instead of 3), cause not found.
            view_once(query)
            view_once(query)
            statements = statements_of(query)
            counts.append(len(statements))
            for _ in range(args.runs):
                view_times.append(view_once(query))
                raw_times.append(raw_once(statements))
        view_median, view_p95 = statistics.median(view_times), percentile(view_times, 0.95)
        raw_median, raw_p95 = statistics.median(raw_times), percentile(raw_times, 0.95)
        print(
            f"{kind:28} {view_median:9.1f} ms {view_p95:7.1f} ms {raw_median:8.1f} ms"
            f" {raw_p95:6.1f} ms {view_p95 / raw_p95:8.1f}x {max(counts):8}"
        )


if __name__ == "__main__":
    main()
