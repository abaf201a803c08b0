"""The Datenbank at scale: import generated records into PostgreSQL and time it.

    make bench-datenbank                               # 100,000 records
    .venv/bin/python bench/motions_db.py --records 10000

Uses the PostgreSQL database `kopofo_bench_datenbank` (DATABASE_URL overrides), creates and
migrates it if needed, and keeps it between runs: `ensure_records(n)` imports only the generated
records the database lacks (the generator's series are prefix-stable, so comparing the count is
enough), through `manage.py import_papers` on a JSON Lines file under var/, and reports the rate.
A second run with the same `--records` imports nothing and goes straight to the timings that
follow the import (the search's, added to `main()`).
"""

import argparse
import io
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/kopofo_bench_datenbank"
#: The generator's series the benchmark uses; its external ids start with "gen-<seed>-".
SEED = 0
VAR = ROOT / "var"


def setup_django(database_url=None):
    """Point Django at the benchmark's database (made if missing) and migrate it."""
    url = database_url or os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
    if not url.startswith("postgres"):
        sys.exit("bench/motions_db.py measures PostgreSQL; DATABASE_URL must name one.")
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kopofo.settings.dev")
    # DEBUG would keep every query of a 100,000-record import in memory.
    os.environ["DEBUG"] = "false"
    _create_database(url)

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _create_database(url):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = parts._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not exists.fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


def generated_count():
    from motions_db.models import Paper

    return Paper.objects.filter(external_id__startswith=f"gen-{SEED}-").count()


def ensure_records(n):
    """Make the database hold the first `n` generated records; returns the import's figures
    (a dict with records, seconds and per_second), or None when nothing was missing."""
    from django.core.management import call_command

    from motions_db.generate import generate, write_jsonl

    present = generated_count()
    if present >= n:
        print(f"{present} generated records present, nothing to import")
        return None
    VAR.mkdir(exist_ok=True)
    path = VAR / f"bench-datenbank-{present}-{n}.jsonl"
    started = time.perf_counter()
    with path.open("w", encoding="utf-8") as stream:
        write_jsonl(generate(n, seed=SEED, start=present), stream)
    generated = time.perf_counter() - started
    size = path.stat().st_size / 1e6
    print(f"generated {n - present} records ({size:.0f} MB) in {generated:.1f} s: {path}")

    out = io.StringIO()
    clock = CpuClock()
    started, cpu = time.perf_counter(), time.process_time()
    call_command("import_papers", str(path), "--no-progress", stdout=out)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    spent = clock.spent()
    summary = out.getvalue().strip().splitlines()[-1]
    records = n - present
    figures = {"records": records, "seconds": seconds, "per_second": records / seconds}
    print(
        f"import_papers: {summary}; {records} records in {seconds:.1f} s = "
        f"{figures['per_second']:.0f} records/s"
    )
    # On a shared machine the wall clock also measures the neighbours: the import's own CPU
    # time tells how much of it was Python (not counted: the indexing processes, children of
    # the fork server), and the machine's counters how busy the cores were and with what.
    print(f"  CPU time of the import process: {cpu:.1f} s; {describe_machine()}")
    if spent:
        print(
            f"  the machine's cores: {spent.busy:.1f} s busy, {spent.idle:.1f} s idle, "
            f"{spent.stolen:.1f} s taken by the host; PostgreSQL's backends "
            f"{spent.postgresql:.1f} s ({spent.postgresql / records * 1000:.2f} ms a record), "
            f"everything else {spent.busy - spent.postgresql:.1f} s "
            f"({(spent.busy - spent.postgresql) / records * 1000:.2f} ms a record)"
        )
    path.unlink()
    return figures


@dataclass
class CpuSpent:
    busy: float
    idle: float
    stolen: float
    postgresql: float


class CpuClock:
    """What the machine's cores did from now until `spent()`: busy, idle and taken by the host
    (from /proc/stat), and how much of the busy time PostgreSQL's backends took. Those are the
    postmaster's children: the ones that ended are in its children's times, this process's own
    backend is read directly. None where there is no /proc or the server runs elsewhere (a
    container, another host)."""

    def __init__(self):
        from django.db import connection

        self.hz = os.sysconf("SC_CLK_TCK")
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                self.backend = cursor.fetchone()[0]
            status = Path(f"/proc/{self.backend}/status").read_text()
            self.postmaster = int(status.split("PPid:")[1].split()[0])
            self.started = self._read()
        except (OSError, IndexError, ValueError):
            self.started = None

    def _times(self, pid):
        """(own, ended children's) CPU seconds of a process, from /proc/<pid>/stat."""
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        utime, stime, cutime, cstime = map(int, fields[11:15])
        return (utime + stime) / self.hz, (cutime + cstime) / self.hz

    def _read(self):
        user, nice, system, idle, iowait, irq, softirq, steal = map(
            int, Path("/proc/stat").read_text().split("\n")[0].split()[1:9]
        )
        busy = (user + nice + system + irq + softirq) / self.hz
        postgresql = self._times(self.postmaster)[1] + self._times(self.backend)[0]
        return busy, (idle + iowait) / self.hz, steal / self.hz, postgresql

    def spent(self):
        if self.started is None:
            return None
        try:
            now = self._read()
        except OSError:
            return None
        return CpuSpent(*(after - before for after, before in zip(now, self.started, strict=True)))


def describe_machine():
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return f"{os.cpu_count()} cores, load average {load}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args(argv)

    setup_django()
    from django.db import connection

    print(f"PostgreSQL {connection.cursor().connection.info.server_version}; {describe_machine()}")
    ensure_records(args.records)
    from motions_db.models import Paper, SearchEntry

    print(
        f"{Paper.objects.count()} records, {SearchEntry.objects.count()} searchable; "
        f"{describe_machine()}"
    )


if __name__ == "__main__":
    main()
