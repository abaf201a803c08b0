"""The rate limit holds when many connections hit it at once (PostgreSQL: row locks).

In a file of its own: a transactional test empties the database when it ends, so it must not
share a file (xdist's unit of work) with tests that expect the migrated data.
"""

import threading
from datetime import timedelta

import pytest
from django.db import connection

from kopofo.ratelimit.models import Counter
from kopofo.ratelimit.services import hit

HOUR = timedelta(hours=1)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
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
