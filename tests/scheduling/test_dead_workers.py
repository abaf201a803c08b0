"""A task whose worker died does not stay RUNNING for ever (with real processes:
test_worker_processes.py)."""

from datetime import timedelta

import pytest
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from kopofo.mail.models import OutgoingMail
from kopofo.scheduling.models import WorkerHeartbeat
from kopofo.scheduling.workers import requeue_tasks_of_dead_workers

from .example_tasks import every_minute


def running_task(worker_id, *, started_ago):
    result = DBTaskResult.objects.get(pk=every_minute.enqueue().id)
    result.claim(worker_id)
    DBTaskResult.objects.filter(pk=result.pk).update(started_at=timezone.now() - started_ago)
    return result


def heartbeat(worker_id, *, seen_ago):
    return WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        hostname="web1",
        pid=4711,
        queues="default",
        last_seen=timezone.now() - seen_ago,
    )


@pytest.mark.django_db
def test_the_task_of_a_worker_that_fell_silent_is_queued_again_at_once(settings):
    settings.TASK_WORKER_DEAD_AFTER_SECONDS = 60
    heartbeat("gone", seen_ago=timedelta(minutes=2))
    heartbeat("alive", seen_ago=timedelta(seconds=5))
    orphan = running_task("gone", started_ago=timedelta(minutes=3))
    busy = running_task("alive", started_ago=timedelta(minutes=3))
    unknown = running_task("never-heard-of", started_ago=timedelta(minutes=3))
    just_claimed = running_task("never-heard-of", started_ago=timedelta(seconds=1))

    requeued = requeue_tasks_of_dead_workers()

    assert sorted(map(str, requeued)) == sorted([str(orphan.pk), str(unknown.pk)])
    orphan.refresh_from_db()
    assert (orphan.status, orphan.run_after) == (TaskResultStatus.READY, get_date_max())
    assert orphan.worker_ids == ["gone"]  # the lost run counts as an attempt
    assert orphan.exception_class_path == "kopofo.scheduling.retries.WorkerLost"
    assert "worker gone stopped sending heartbeats" in orphan.traceback
    for result in (busy, just_claimed):
        result.refresh_from_db()
        assert result.status == TaskResultStatus.RUNNING


@pytest.mark.django_db
def test_a_task_that_lost_its_worker_on_every_attempt_fails_for_good(settings):
    settings.ADMINS = ["betrieb@kopofo-nrw.de"]
    orphan = running_task("w1", started_ago=timedelta(minutes=3))
    DBTaskResult.objects.filter(pk=orphan.pk).update(worker_ids=["w1", "w2", "w3", "w4", "w5"])

    assert requeue_tasks_of_dead_workers() == []

    orphan.refresh_from_db()
    assert orphan.status == TaskResultStatus.FAILED
    assert orphan.exception_class_path == "kopofo.scheduling.retries.WorkerLost"
    assert OutgoingMail.objects.get().content["to"] == ["betrieb@kopofo-nrw.de"]
