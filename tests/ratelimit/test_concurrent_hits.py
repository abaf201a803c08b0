"""The rate limit holds under concurrency: many connections at once cannot overshoot it."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from kopofo.ratelimit.models import Counter
from kopofo.ratelimit.services import hit

# Threads need committed tables of their own connections: a transactional test. Alone in its
# file, so that it runs after the others in its worker; serialized_rollback puts back what the
# migrations created for the next transactional test (as in tests/browser/).
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOUR = timedelta(hours=1)


@pytest.fixture(autouse=True)
def half_past(monkeypatch):
    """Mid-window, so that no test's hits straddle the start of the next hour by chance."""
    now = timezone.now().replace(minute=30, second=0, microsecond=0)
    monkeypatch.setattr(timezone, "now", lambda: now)
    return now


def test_concurrent_hits_from_many_connections_never_overshoot_the_limit():
    threads_count, limit = 16, 5
    barrier = threading.Barrier(threads_count)
    results = []
    lock = threading.Lock()

    def attempt():
        try:
            barrier.wait()
            allowed = hit("contact", "203.0.113.7", limit=limit, window=HOUR)
            with lock:
                results.append(allowed)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(results) == threads_count
    assert results.count(True) == limit
    assert Counter.objects.get().hits == threads_count
