"""A worker killed mid-task leaves no task RUNNING for ever, and a mail goes out exactly once."""

from datetime import timedelta

import pytest
from django.core.mail import send_mail
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from kopofo.mail.models import OutgoingMail
from kopofo.scheduling.models import WorkerHeartbeat
from kopofo.scheduling.workers import requeue_tasks_of_dead_workers
from tests.mail.servers import SilentServer

from .example_tasks import every_minute
from .processes import production_environment, start_manage, wait_for

CONSOLE_MAIL_SEPARATOR = "-" * 79 + "\n"
TIMEOUT = 30  # seconds for a worker to start, connect or finish


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
    assert orphan.exception_class_path == "kopofo.scheduling.WorkerLost"
    assert OutgoingMail.objects.get().content["to"] == ["betrieb@kopofo-nrw.de"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_mail_whose_worker_was_killed_mid_send_is_sent_once_by_the_next_worker(tmp_path):
    # Committed at once (no transaction here), so the worker processes see the outbox row.
    send_mail("Einladung", "Hallo Erika!", "buero@kopofo-nrw.de", ["erika@example.org"])
    task = DBTaskResult.objects.get(task_path="kopofo.mail.tasks.deliver_mail")
    workers = []
    try:
        with SilentServer() as mail_server:
            first = start_manage(
                "first-worker",
                "run_worker",
                "--queue-name",
                "mail",
                "--worker-id",
                "first",
                env=production_environment(
                    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                    EMAIL_HOST="127.0.0.1",
                    EMAIL_PORT=str(mail_server.port),
                    # Longer than the test: only the kill ends this attempt.
                    EMAIL_TIMEOUT="600",
                ),
                tmp_path=tmp_path,
            )
            workers.append(first)
            # The first worker claimed the task and waits for the mail server's greeting.
            wait_for(
                lambda: mail_server.connected.is_set() or first.popen.poll() is not None,
                timeout=TIMEOUT,
                failure=lambda: "the first worker never connected\n" + first.report(),
            )
            task.refresh_from_db()
            assert task.status == TaskResultStatus.RUNNING, first.report()

            first.kill()

        task.refresh_from_db()
        assert task.status == TaskResultStatus.RUNNING
        assert WorkerHeartbeat.objects.filter(worker_id="first").exists()

        # The next worker takes back at its start what the silent one left RUNNING.
        second = start_manage(
            "second-worker",
            "run_worker",
            "--queue-name",
            "mail",
            "--worker-id",
            "second",
            env=production_environment(TASK_WORKER_DEAD_AFTER_SECONDS="0"),
            tmp_path=tmp_path,
        )
        workers.append(second)

        def finished():
            task.refresh_from_db()
            return task.status in {TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED}

        wait_for(
            finished,
            timeout=TIMEOUT,
            failure=lambda: "the second worker did not finish the task\n" + second.report(),
        )
        second.stop()
    finally:
        for worker in workers:
            worker.stop()

    assert task.status == TaskResultStatus.SUCCESSFUL, f"{task.traceback}\n{second.report()}"
    assert task.worker_ids == ["first", "second"]
    printed = second.stdout.read_text().split(CONSOLE_MAIL_SEPARATOR)[:-1]
    assert len(printed) == 1, second.report()
    assert "Hallo Erika!" in printed[0]
    outgoing = OutgoingMail.objects.get()
    assert (outgoing.status, outgoing.content) == (OutgoingMail.Status.SENT, None)
    # The killed attempt never recorded itself; the row counts the one that sent.
    assert outgoing.attempts == 1
    assert not WorkerHeartbeat.objects.filter(worker_id="second").exists()
