"""A failing task is tried five times with growing pauses, then fails visibly and tells ADMINS."""

from datetime import timedelta

import pytest
from django.core import mail
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kopofo.scheduling import RETRY

from .example_tasks import always_fails, every_minute

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def admins(settings):
    settings.ADMINS = ["betrieb@kopofo-nrw.de"]


def run_attempt(run_worker, result_id):
    """Let the back-off pass and run whatever is due; return the task's row afterwards."""
    DBTaskResult.objects.filter(pk=result_id, status=TaskResultStatus.READY).update(
        run_after=timezone.now()
    )
    run_worker()
    return DBTaskResult.objects.get(pk=result_id)


def test_a_failing_task_is_retried_after_1_5_15_and_60_minutes_then_fails(run_worker):
    result_id = always_fails.enqueue().id
    pauses = []

    for _attempt in range(RETRY.attempts - 1):
        before = timezone.now()
        result = run_attempt(run_worker, result_id)
        assert result.status == TaskResultStatus.READY
        assert result.exception_class_path == "tests.scheduling.example_tasks.FlakyServiceDown"
        pauses.append(result.run_after - before)
    result = run_attempt(run_worker, result_id)

    assert [round(pause / timedelta(minutes=1)) for pause in pauses] == [1, 5, 15, 60]
    assert result.status == TaskResultStatus.FAILED
    assert len(result.worker_ids) == 5


def test_a_task_that_failed_for_good_is_mailed_to_the_admins_once_an_hour(run_worker):
    first = always_fails.enqueue().id
    for _attempt in range(RETRY.attempts):
        run_attempt(run_worker, first)
    second = always_fails.enqueue().id
    for _attempt in range(RETRY.attempts):
        run_attempt(run_worker, second)

    assert DBTaskResult.objects.get(pk=second).status == TaskResultStatus.FAILED
    [alert] = mail.outbox
    assert alert.to == ["betrieb@kopofo-nrw.de"]
    assert "always_fails endgültig fehlgeschlagen" in alert.subject
    assert "nach 5 Versuch(en)" in alert.body
    assert f"/admin/hintergrundaufgaben/inspect/{first}/" in alert.body


def test_a_task_that_succeeds_is_not_retried(run_worker):
    result_id = every_minute.enqueue().id

    [result] = run_worker()

    assert str(result.pk) == result_id
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert mail.outbox == []
