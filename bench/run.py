"""Time the pages every visitor hits, on a fresh database with the demo content.

Prints, per address, the median and 95th percentile time to render it (the page cache is off)
and the number of queries. Uses DATABASE_URL when set (PostgreSQL), otherwise a throwaway
SQLite file.

    make bench                      # SQLite
    DATABASE_URL=postgres://... make bench
"""

import os
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "50"))
ADDRESSES = [
    "/",
    "/aktuelles/",
    "/aktuelles/neue-website-des-kopofo-nrw/",
    "/ueber-uns/",
    "/kontakt/",
    "/suche/?q=Fraktion",
    "/themen/integration/",
    "/aktuelles/feed/",
    "/sitemap.xml",
]


class QueryCounter(list):
    def __call__(self, execute, sql, params, many, context):
        self.append(sql)
        return execute(sql, params, many, context)


@contextmanager
def demo_site(**overrides):
    """A fresh database with the demo content and a test client, in this process.

    `overrides` are settings for the run (e.g. ROOT_URLCONF). The page cache is off: what is
    timed is the rendering (`make bench-load` measures the cache).
    """
    workdir = tempfile.mkdtemp(prefix="kopofo-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "kopofo.settings.dev"
    os.environ["DEBUG"] = "false"
    os.environ["MEDIA_ROOT"] = f"{workdir}/media"
    os.environ["CACHE_DIR"] = f"{workdir}/cache"
    os.environ["PAGE_CACHE_ENABLED"] = "false"

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment

    # Plain static storage: the benchmark measures pages, not collectstatic. Through
    # override_settings, whose signal makes Django drop the storage it has already set up.
    override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        **overrides,
    ).enable()
    setup_test_environment()
    if connection.vendor == "postgresql":
        from django.test.utils import get_runner

        runner = get_runner(settings)(verbosity=0, interactive=False)
        # A throwaway test_* database, dropped again at the end.
        databases = runner.setup_databases()
    else:
        runner = databases = None
        call_command("migrate", verbosity=0)
    call_command("load_demo_content", force=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    try:
        yield Client(HTTP_HOST="localhost")
    finally:
        if runner:
            runner.teardown_databases(databases)
        shutil.rmtree(workdir, ignore_errors=True)


def measure(client, address, rounds=ROUNDS):
    """Median and 95th percentile in ms of `rounds` requests after one warm-up, its queries and
    the warm-up's answer."""
    from django.db import connection

    queries = QueryCounter()
    with connection.execute_wrapper(queries):
        response = client.get(address)
    assert response.status_code == 200, (address, response.status_code)
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        client.get(address)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    return statistics.median(timings), p95, len(queries), response


def main():
    with demo_site() as client:
        from django.db import connection

        print(f"{connection.vendor}, {ROUNDS} requests per address (after one warm-up)")
        print(f"{'address':48} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for address in ADDRESSES:
            median, p95, queries, _response = measure(client, address)
            print(f"{address:48} {median:10.1f} {p95:8.1f} {queries:8d}")


if __name__ == "__main__":
    main()
