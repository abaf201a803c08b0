"""What the lockout keeps is deleted once it has done its work (the rate limit's counts expire
in the cache by themselves)."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F

from kopofo.accounts.tasks import purge_expired_login_failures

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
