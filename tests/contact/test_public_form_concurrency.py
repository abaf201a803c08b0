"""Concurrent contact messages from one sender cannot overshoot the rate limit (PostgreSQL).

In a file of its own: a transactional test empties the database when it ends, so it must not
share a file (xdist's unit of work) with tests that expect the migrated data.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from kopofo.contact.models import ContactSubmission
from tests.contact.test_contact_form import VALID, post
from tests.factories import ContactPageFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_posts_cannot_overshoot_the_rate_limit(home, settings):
    settings.CONTACT_RATE_LIMIT = (3, 3600)
    page = ContactPageFactory(parent=home)
    start = threading.Barrier(8)
    statuses = []

    def send():
        try:
            start.wait()
            statuses.append(post(Client(), page, VALID).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [302] * 3 + [429] * 5
    assert ContactSubmission.objects.count() == 3
