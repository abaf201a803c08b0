"""Real worker and scheduler processes against the test database (PostgreSQL only).

Only transactional tests live here: pytest-django runs them after the others, and xdist keeps a
file together, so their flush never empties the database under another file's tests.
"""

import pytest
from django.core.mail import send_mail
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kopofo.mail.models import OutgoingMail
from kopofo.scheduling.models import WorkerHeartbeat
from kopofo.scheduling.registry import periodic_jobs
from tests.mail.servers import SilentServer

from .processes import production_environment, start_manage, wait_for

# Transactional, so the processes see what the test wrote; serialized_rollback restores what the
# flush afterwards would take from the next test (Wagtail's root page, locale, site).
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CONSOLE_MAIL_SEPARATOR = "-" * 79 + "\n"
TIMEOUT = 30  # seconds for a worker to start, connect or finish


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
