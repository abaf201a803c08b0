"""The rate limit holds under concurrency: threads and processes at once cannot overshoot it."""

import os
import subprocess
import sys
import threading
import time
from datetime import timedelta

from django.conf import settings

from kopofo.ratelimit.services import hit

HOUR = timedelta(hours=1)


def test_concurrent_hits_from_many_threads_never_overshoot_the_limit():
    threads_count, limit = 16, 5
    barrier = threading.Barrier(threads_count)
    results = []
    lock = threading.Lock()

    def attempt():
        barrier.wait()
        allowed = hit("contact", "203.0.113.7", limit=limit, window=HOUR)
        with lock:
            results.append(allowed)

    threads = [threading.Thread(target=attempt) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(results) == threads_count
    assert results.count(True) == limit


HITTER = """
import sys, time
from datetime import datetime, timedelta
import django
django.setup()
from django.utils import timezone
from kopofo.ratelimit.services import hit
start_at, attempts, now = float(sys.argv[1]), int(sys.argv[2]), datetime.fromisoformat(sys.argv[3])
timezone.now = lambda: now  # the test's half past: no window boundary falls into the run
while time.time() < start_at:
    time.sleep(0.001)
print(sum(hit("contact", "203.0.113.9", limit=25, window=timedelta(hours=1))
          for _ in range(attempts)))
"""


def test_two_processes_share_one_limit(half_past):
    """Two web processes (or machines, with Redis) count into the same cache."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kopofo.settings.test",
        # The test settings pick this worker's cache directory or Redis database from it.
        "PYTEST_XDIST_WORKER": os.environ.get("PYTEST_XDIST_WORKER", "gw0"),
    }
    start_at = str(time.time() + 2)  # both are set up and waiting by then
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", HITTER, start_at, "20", half_past.isoformat()],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=60) for process in processes]

    assert [process.returncode for process in processes] == [0, 0], outputs
    allowed = [int(stdout.strip()) for stdout, _stderr in outputs]
    assert sum(allowed) == 25
    assert not hit("contact", "203.0.113.9", limit=25, window=HOUR)
