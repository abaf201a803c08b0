"""What the lockout and the rate limit keep is deleted once it has done its work."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F

from kopofo.accounts.tasks import purge_expired_login_failures
from kopofo.ratelimit.models import Counter
from kopofo.ratelimit.services import hit
from kopofo.ratelimit.tasks import purge_expired_rate_limit_counters

pytestmark = pytest.mark.django_db


def test_failed_logins_older_than_the_cool_off_are_purged_by_the_worker(client, run_worker):
    for username in ("alt", "neu"):
        client.post("/admin/login/", {"username": username, "password": "falsch-falsch"})
    AccessAttempt.objects.filter(username="alt").update(
        attempt_time=F("attempt_time") - timedelta(minutes=31)
    )

    purge_expired_login_failures.enqueue()
    [task] = run_worker()

    assert task.status == "SUCCESSFUL"
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["neu"]


def test_ended_rate_limit_windows_are_purged_by_the_worker(run_worker):
    hit("test", "key", limit=1, window=timedelta(hours=1))
    Counter.objects.update(expires=F("expires") - timedelta(hours=2))
    hit("test", "other", limit=1, window=timedelta(hours=1))

    purge_expired_rate_limit_counters.enqueue()
    [task] = run_worker()

    assert task.status == "SUCCESSFUL"
    assert Counter.objects.count() == 1
