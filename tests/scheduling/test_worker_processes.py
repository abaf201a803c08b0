"""Real worker and scheduler processes against the test database (PostgreSQL only).

Only transactional tests live here: pytest-django runs them after the others, and xdist keeps a
file together, so their flush never empties the database under another file's tests.
"""

from datetime import timedelta

import pytest
from django.core.mail import send_mail
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kopofo.mail.models import OutgoingMail
from kopofo.scheduling.models import WorkerHeartbeat
from kopofo.scheduling.registry import periodic_jobs
from tests.mail.servers import SilentServer
from tests.processes import production_environment, start_manage, wait_for

# Transactional, so the processes see what the test wrote; serialized_rollback restores what the
# flush afterwards would take from the next test (Wagtail's root page, locale, site).
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CONSOLE_MAIL_SEPARATOR = "-" * 79 + "\n"
TIMEOUT = 30  # seconds for a worker to start, connect or finish


def start_mail_worker(worker_id, tmp_path, **environment):
    return start_manage(
        f"{worker_id}-worker",
        "run_worker",
        "--queue-name",
        "mail",
        "--worker-id",
        worker_id,
        env=production_environment(**environment),
        tmp_path=tmp_path,
    )


def smtp_at(server, *, timeout):
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(server.port),
        "EMAIL_TIMEOUT": str(timeout),
    }


def wait_until_finished(task, worker):
    def finished():
        task.refresh_from_db()
        return task.status in {TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED}

    wait_for(
        finished,
        timeout=TIMEOUT,
        failure=lambda: f"{worker.name} did not finish the task\n" + worker.report(),
    )


def printed_mails(worker):
    return worker.stdout.read_text().split(CONSOLE_MAIL_SEPARATOR)[:-1]


def test_a_mail_the_server_did_not_answer_is_retried_later_and_sent_once(tmp_path):
    # Committed at once (no transaction here), so the worker processes see the outbox row.
    send_mail("Einladung", "Hallo Erika!", "buero@kopofo-nrw.de", ["erika@example.org"])
    task = DBTaskResult.objects.get(task_path="kopofo.mail.tasks.deliver_mail")
    workers = []
    try:
        with SilentServer() as mail_server:
            first = start_mail_worker("first", tmp_path, **smtp_at(mail_server, timeout=1))
            workers.append(first)

            def retry_scheduled():
                task.refresh_from_db()
                return task.status == TaskResultStatus.READY and task.worker_ids == ["first"]

            wait_for(
                retry_scheduled,
                timeout=TIMEOUT,
                failure=lambda: "the first attempt did not fail and wait\n" + first.report(),
            )
            first.stop()
        assert timedelta(seconds=30) < task.run_after - timezone.now() <= timedelta(minutes=1)
        outgoing = OutgoingMail.objects.get()
        assert (outgoing.status, outgoing.attempts) == (OutgoingMail.Status.QUEUED, 1)

        # The minute of back-off is not waited for here.
        DBTaskResult.objects.filter(pk=task.pk).update(run_after=timezone.now())
        second = start_mail_worker("second", tmp_path)
        workers.append(second)
        wait_until_finished(task, second)
    finally:
        for worker in workers:
            worker.stop()

    assert task.status == TaskResultStatus.SUCCESSFUL, f"{task.traceback}\n{second.report()}"
    assert task.worker_ids == ["first", "second"]
    assert len(printed_mails(second)) == 1, second.report()
    outgoing.refresh_from_db()
    assert (outgoing.status, outgoing.attempts, outgoing.content) == ("sent", 2, None)


def test_a_mail_whose_worker_was_killed_mid_send_is_sent_once_by_the_next_worker(tmp_path):
    # Committed at once (no transaction here), so the worker processes see the outbox row.
    send_mail("Einladung", "Hallo Erika!", "buero@kopofo-nrw.de", ["erika@example.org"])
    task = DBTaskResult.objects.get(task_path="kopofo.mail.tasks.deliver_mail")
    workers = []
    try:
        with SilentServer() as mail_server:
            # A timeout longer than the test: only the kill ends this attempt.
            first = start_mail_worker("first", tmp_path, **smtp_at(mail_server, timeout=600))
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
        second = start_mail_worker("second", tmp_path, TASK_WORKER_DEAD_AFTER_SECONDS="0")
        workers.append(second)
        wait_until_finished(task, second)
        second.stop()
    finally:
        for worker in workers:
            worker.stop()

    assert task.status == TaskResultStatus.SUCCESSFUL, f"{task.traceback}\n{second.report()}"
    assert task.worker_ids == ["first", "second"]
    printed = printed_mails(second)
    assert len(printed) == 1, second.report()
    assert "Hallo Erika!" in printed[0]
    outgoing = OutgoingMail.objects.get()
    assert (outgoing.status, outgoing.content) == (OutgoingMail.Status.SENT, None)
    # The killed attempt never recorded itself; the row counts the one that sent.
    assert outgoing.attempts == 1
    assert not WorkerHeartbeat.objects.filter(worker_id="second").exists()


def test_schedulers_started_side_by_side_enqueue_each_declared_job_once(tmp_path):
    env = production_environment()
    schedulers = [
        start_manage(f"scheduler-{number}", "run_scheduler", "--once", env=env, tmp_path=tmp_path)
        for number in range(4)
    ]
    for scheduler in schedulers:
        assert scheduler.popen.wait(timeout=60) == 0, scheduler.report()

    declared = {job.name for job in periodic_jobs()}
    enqueued = [
        line.removeprefix("Enqueued ")
        for scheduler in schedulers
        for line in scheduler.stdout.read_text().splitlines()
    ]
    assert sorted(enqueued) == sorted(declared)
    assert sorted(DBTaskResult.objects.values_list("task_path", flat=True)) == sorted(declared)
