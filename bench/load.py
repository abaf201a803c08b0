"""The load benchmark: the site served as production serves it, driven by wrk.

    make bench-load
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kopofo_bench BENCH_SECONDS=10 make bench-load

Builds a fresh PostgreSQL database (DATABASE_URL, default kopofo_bench on 127.0.0.1; dropped and
created again, so its name must contain "bench"), loads the demo content plus 500 news items and
50 pages (bench/content.py), collects the static files, and starts gunicorn with 2 sync workers
and DEBUG off (bench/settings.py) twice: with the page cache off (PAGE_CACHE_ENABLED=false),
then on. Each address gets a warm-up and then `wrk -t2 -c10 --latency` for
BENCH_SECONDS (default 10). Prints requests per second, p50 and p99 for each, as a share of the
bare view /bench/bare/ on the same server, and the queries one request costs, counted in a
separate process. Then publishes a change and checks that the very next request shows it; the
run fails if not.

Settings: BENCH_SECONDS, BENCH_WARMUP_SECONDS (2), BENCH_PORT (a free one), BENCH_CONNECTIONS (10).
"""

import contextlib
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import BARE_PATH  # noqa: E402
from kopofo.middleware import HEALTH_CHECK_PATH  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/kopofo_bench"
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
WARMUP_SECONDS = int(os.environ.get("BENCH_WARMUP_SECONDS", "2"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "10"))
WORKERS = 2
HOST = "127.0.0.1"

#: One address per public page type, as a visitor reaches it.
ADDRESSES = [
    BARE_PATH,
    "/",
    "/aktuelles/",
    "/aktuelles/?seite=2",
    "/aktuelles/neue-website-des-kopofo-nrw/",
    "/ueber-uns/",
    "/kontakt/",
    "/suche/?q=Fraktion",
    "/themen/",
    "/themen/integration/",
    "/aktuelles/feed/",
    "/sitemap.xml",
]
#: The issue's goals: cached home and list pages at half the bare view or better ...
CACHED_GOAL_ADDRESSES = ["/", "/aktuelles/", "/aktuelles/?seite=2"]
CACHED_GOAL_SHARE = 50.0
#: ... and every uncached page at p99 under 100 ms with 10 concurrent clients.
UNCACHED_GOAL_P99_MS = 100.0

PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")


class BenchError(Exception):
    """A step failed; the message says which and why."""


# --- the parts that run inside Django (child processes) -------------------------------------


def django_setup():
    import django

    django.setup()


def seed():
    """Child process: add the news items and pages to the demo site."""
    django_setup()
    from bench.content import add_bench_content

    add_bench_content()


def count_queries():
    """Child process: the queries of one request to each address, after one warm-up request.

    The warm-up fills what a running server keeps between requests (the site, content types,
    the page cache when it is on), so the count is what each later request costs.
    """
    django_setup()
    from django.db import connection
    from django.test import Client

    from bench.run import QueryCounter

    client = Client(HTTP_HOST=HOST)
    counts = {}
    for address in ADDRESSES:
        client.get(address)
        queries = QueryCounter()
        with connection.execute_wrapper(queries):
            response = client.get(address)
        if response.status_code != 200:
            raise BenchError(f"{address} answered {response.status_code} in-process")
        counts[address] = len(queries)
    print(json.dumps(counts))


def publish():
    """Child process: publish a new title for the home page and for the newest news item.

    Prints the addresses and the text each must show from the next request on.
    """
    django_setup()
    from kopofo.pages.models import HomePage, NewsPage

    stamp = time.strftime("%H:%M:%S")
    home = HomePage.objects.get()
    home.title = f"Willkommen, frisch veröffentlicht um {stamp}"
    home.save_revision().publish()
    news = NewsPage.objects.live().public().newest_first().first()
    news.title = f"Neue Überschrift, veröffentlicht um {stamp}"
    news.save_revision().publish()
    checks = [
        ["/", home.title],
        ["/", news.title],
        ["/aktuelles/", news.title],
        [news.get_url(), news.title],
        ["/aktuelles/feed/", news.title],
    ]
    print(json.dumps(checks))


# --- the benchmark itself ------------------------------------------------------------------


class Run:
    """One benchmark run: its database, temporary folder and server, cleaned up in `close`."""

    def __init__(self):
        self.database_url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
        self.workdir = Path(tempfile.mkdtemp(prefix="kopofo-bench-load-"))
        self.port = int(os.environ.get("BENCH_PORT") or free_port())
        self.server = None
        self.server_log = None
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": self.database_url,
            # Production refuses to start without these; the run's own, thrown away after it.
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "WAGTAILADMIN_BASE_URL": f"http://{HOST}:{self.port}",
            "SITE_URL": f"http://{HOST}:{self.port}",
            "MEDIA_ROOT": str(self.workdir / "media"),
            "BENCH_STATIC_ROOT": str(self.workdir / "static"),
            # The page cache of this run alone, shared by gunicorn's workers and the process
            # that publishes in the publish check.
            "CACHE_DIR": str(self.workdir / "cache"),
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
        # A setting of the caller's shell must not decide what "cached" means.
        self.env.pop("PAGE_CACHE_ENABLED", None)
        for name in ("CANONICAL_HOST", "SENTRY_DSN", "ADMINS", "REDIS_URL"):
            self.env.pop(name, None)

    def close(self):
        self.stop_server()
        shutil.rmtree(self.workdir, ignore_errors=True)

    # Preparing the site.

    def prepare(self):
        step("fresh database", self.recreate_database)
        step("migrate", self.child, "manage.py", "migrate", "--noinput", "--verbosity", "0")
        step("demo content", self.child, "manage.py", "load_demo_content", "--force")
        step("500 news items, 50 pages", self.child, "bench/load.py", "seed")
        step("collectstatic", self.child, "manage.py", "collectstatic", "--noinput", "-v", "0")

    def recreate_database(self):
        import psycopg

        parts = urlsplit(self.database_url)
        name = parts.path.lstrip("/")
        if parts.scheme not in {"postgres", "postgresql"} or "bench" not in name:
            raise BenchError(
                f"The benchmark drops and recreates its database; give it a PostgreSQL database "
                f"whose name contains 'bench' in DATABASE_URL, not {self.database_url!r}."
            )
        with psycopg.connect(
            host=parts.hostname,
            port=parts.port or 5432,
            user=parts.username,
            password=parts.password,
            dbname="postgres",
            autocommit=True,
        ) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
            self.postgres_version = connection.execute("SHOW server_version").fetchone()[0]

    def child(self, *args, env=None):
        """Run `python args` in the project with the benchmark's environment; its stdout."""
        result = subprocess.run(
            [PYTHON, *args], cwd=ROOT, env=env or self.env, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise BenchError(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")
        return result.stdout

    # The server.

    def mode_env(self, cached):
        return {**self.env, "PAGE_CACHE_ENABLED": "true" if cached else "false"}

    def start_server(self, cached):
        self.server_log = open(self.workdir / "gunicorn.log", "w")  # noqa: SIM115
        command = [GUNICORN, "kopofo.wsgi", "--bind", f"{HOST}:{self.port}"]
        command += ["--workers", str(WORKERS), "--no-control-socket", "--log-level", "warning"]
        # Its own session: Ctrl-C reaches this script, which then stops the whole server.
        self.server = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.mode_env(cached),
            stdout=self.server_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise BenchError(f"gunicorn exited ({self.server.returncode}):\n{self.log()}")
            with contextlib.suppress(OSError):
                if self.get(HEALTH_CHECK_PATH)[0] == 200:
                    return
            time.sleep(0.2)
        raise BenchError(f"gunicorn did not answer {HEALTH_CHECK_PATH} within 60 s:\n{self.log()}")

    def stop_server(self):
        if self.server and self.server.poll() is None:
            os.killpg(self.server.pid, signal.SIGTERM)
            try:
                self.server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.pid, signal.SIGKILL)
                self.server.wait()
        self.server = None
        if self.server_log:
            self.server_log.close()
            self.server_log = None

    def log(self):
        return (self.workdir / "gunicorn.log").read_text(errors="replace")[-4000:]

    def get(self, address):
        connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
        try:
            connection.request("GET", address)
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", errors="replace")
        finally:
            connection.close()

    # Measuring.

    def measure(self, cached):
        """wrk's figures for every address on a server with the page cache on or off."""
        print(f"  (load average before: {load_average()})")
        self.start_server(cached)
        try:
            results = {}
            for address in ADDRESSES:
                status, _ = self.get(address)
                if status != 200:
                    raise BenchError(f"{address} answered {status}:\n{self.log()}")
                url = f"http://{HOST}:{self.port}{address}"
                self.settle(parse_wrk(wrk(url, WARMUP_SECONDS)), WARMUP_SECONDS)
                results[address] = parse_wrk(wrk(url, SECONDS))
                self.settle(results[address], SECONDS)
                print(f"  {address:44} {format_result(results[address])}", flush=True)
            if cached:
                results["publish"] = self.check_publish()
            return results
        finally:
            self.stop_server()

    def settle(self, result, seconds):
        """Wait until the server has answered what wrk left behind.

        wrk stops with up to CONNECTIONS requests still queued at gunicorn, which answers each
        although nobody reads the answer any more; the next run must not pay for them. Queued
        behind each other on the workers, they are done within the slowest latency of the run.
        """
        time.sleep((seconds * 1000 if result["requests"] == 0 else result["max"]) / 1000)
        self.get(HEALTH_CHECK_PATH)

    def check_publish(self):
        """Publish in another process, then fetch each page at once: is the change there?

        The wrk runs just before have put every page in the cache, so a stale copy is there to
        be served if publishing does not replace it.
        """
        checks = json.loads(self.child("bench/load.py", "publish", env=self.mode_env(True)))
        seen = []
        for address, text in checks:
            # Several requests, so that both workers answer at least once (most likely).
            bodies = [self.get(address) for _ in range(2 * WORKERS)]
            visible = all(status == 200 and text in body for status, body in bodies)
            seen.append((address, text, visible))
        return seen


def step(name, function, *args):
    started = time.monotonic()
    print(f"{name} ...", end=" ", flush=True)
    result = function(*args)
    print(f"{time.monotonic() - started:.1f} s", flush=True)
    return result


def load_average():
    """Other work on the machine takes cores from the server and from wrk; this shows how much."""
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def wrk(url, seconds):
    # wrk leaves a request slower than its timeout (2 s by default) out of the latencies; a slow
    # page must show in p99 instead of vanishing from it.
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "30s"]
    command += ["--latency", url]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise BenchError(f"wrk failed:\n{result.stdout}{result.stderr}")
    return result.stdout


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def parse_wrk(output):
    """From `wrk --latency`'s report: requests, requests per second, p50, p99 and the slowest
    request in ms, and the errors (answers other than 2xx or 3xx, failed or timed-out sockets).
    """

    def match(pattern):
        found = re.search(pattern, output, re.MULTILINE)
        if not found:
            raise BenchError(f"Unexpected wrk output:\n{output}")
        return found

    def milliseconds(found):
        return float(found[1]) * UNITS_MS[found[2]]

    requests = int(match(r"^\s+(\d+) requests in")[1])
    errors = 0
    if found := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(found[1])
    if found := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(value) for value in found.groups())
    latency = r"([\d.]+)(us|ms|s|m)"
    # Without a single answer wrk prints zeros; they must not read as "fast".
    nothing = float("nan") if requests == 0 else None
    return {
        "requests": requests,
        "rps": float(match(r"^Requests/sec:\s+([\d.]+)")[1]),
        "p50": nothing or milliseconds(match(rf"^\s+50%\s+{latency}\s*$")),
        "p99": nothing or milliseconds(match(rf"^\s+99%\s+{latency}\s*$")),
        "max": nothing or milliseconds(match(rf"^\s+Latency\s+\S+\s+\S+\s+{latency}")),
        "errors": errors,
    }


def failed(result):
    return result["requests"] == 0 or result["errors"] > 0


def format_result(result):
    errors = f"  {result['errors']} errors, {result['requests']} answers" if failed(result) else ""
    return (
        f"{result['rps']:9.1f} req/s  p50 {result['p50']:6.1f} ms  "
        f"p99 {result['p99']:6.1f} ms{errors}"
    )


def share(results, address):
    return 100 * results[address]["rps"] / results[BARE_PATH]["rps"]


def versions(run):
    import django
    import gunicorn
    import psycopg
    import wagtail

    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split()
    return (
        f"Python {platform.python_version()}, Django {django.__version__}, "
        f"Wagtail {wagtail.__version__}, gunicorn {gunicorn.__version__}, "
        f"psycopg {psycopg.__version__}, PostgreSQL {run.postgres_version}, "
        f"wrk {wrk_version[1] if len(wrk_version) > 1 else '?'}"
    )


def report(run, cached, uncached, queries_uncached, queries_cached):
    header = (
        f"{'address':44} {'cached':>9} {'%bare':>6} {'p50':>6} {'p99':>6}"
        f"  {'uncached':>9} {'%bare':>6} {'p50':>6} {'p99':>6}  {'queries':>7} {'cached':>6}"
    )
    print()
    print(
        f"{os.cpu_count()} cores ({platform.machine()}), gunicorn {WORKERS} sync workers, "
        f"DEBUG off, PostgreSQL, wrk -t2 -c{CONNECTIONS} -d{SECONDS}s "
        f"after {WARMUP_SECONDS} s warm-up (wrk shares the machine)"
    )
    print(versions(run))
    print(f"load average (1, 5, 15 min) at the end: {load_average()}")
    print("req/s; p50 and p99 in ms; queries per request uncached and cached (in-process)")
    print(header)
    print("-" * len(header))
    for address in ADDRESSES:
        c, u = cached[address], uncached[address]
        errors = " failed!" if failed(c) or failed(u) else ""
        print(
            f"{address:44} {c['rps']:9.1f} {share(cached, address):5.1f}% {c['p50']:6.1f} "
            f"{c['p99']:6.1f}  {u['rps']:9.1f} {share(uncached, address):5.1f}% {u['p50']:6.1f} "
            f"{u['p99']:6.1f}  {queries_uncached[address]:7d} {queries_cached[address]:6d}{errors}"
        )
    print()
    slow_cached = [a for a in CACHED_GOAL_ADDRESSES if share(cached, a) < CACHED_GOAL_SHARE]
    slow_uncached = [
        a for a in ADDRESSES if a != BARE_PATH and uncached[a]["p99"] >= UNCACHED_GOAL_P99_MS
    ]
    print(
        f"Goal: cached home and list pages at {CACHED_GOAL_SHARE:.0f} % of the bare view or more: "
        + ("met" if not slow_cached else f"not met ({', '.join(slow_cached)})")
    )
    print(
        f"Goal: uncached pages at p99 under {UNCACHED_GOAL_P99_MS:.0f} ms: "
        + ("met" if not slow_uncached else f"not met ({', '.join(slow_uncached)})")
    )
    published = cached["publish"]
    for address, text, visible in published:
        print(
            f"Publish seen by the next request: {address:44} {'yes' if visible else 'no'}  ({text})"
        )
    failures = [
        f"{address}: errors or no answer under load"
        for address in ADDRESSES
        if failed(cached[address]) or failed(uncached[address])
    ]
    failures += [
        f"{address}: publish not visible" for address, _, visible in published if not visible
    ]
    return failures


def main():
    if not shutil.which("wrk"):
        print("The load benchmark needs wrk: apt-get install wrk (or: make bench-load)")
        return 2
    # Ctrl-C and a plain kill both stop the run and clean up (SIGINT too: a shell starts a
    # background job with it ignored, and Python would then keep ignoring it).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    run = Run()
    try:
        run.prepare()
        print("queries per request ...", flush=True)
        queries_uncached = json.loads(
            run.child("bench/load.py", "queries", env=run.mode_env(False))
        )
        queries_cached = json.loads(run.child("bench/load.py", "queries", env=run.mode_env(True)))
        print("page cache off (PAGE_CACHE_ENABLED=false):", flush=True)
        uncached = run.measure(cached=False)
        print("page cache on:", flush=True)
        cached = run.measure(cached=True)
        failures = report(run, cached, uncached, queries_uncached, queries_cached)
    except BenchError as error:
        print(f"\n{error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nInterrupted.", file=sys.stderr)
        return 130
    finally:
        run.close()
    if failures:
        print("\nFAILED: " + "; ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    commands = {"seed": seed, "queries": count_queries, "publish": publish}
    if len(sys.argv) > 1:
        commands[sys.argv[1]]()
    else:
        sys.exit(main())
