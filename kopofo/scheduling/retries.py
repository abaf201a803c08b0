"""A failed task is tried again after a pause, a bounded number of times, then visibly failed.

django-tasks-db 0.13 has no retries: the worker marks a task FAILED and sends `task_finished`.
This receiver, in the worker's process, puts the same row back to READY with a later `run_after`
while its policy allows another attempt (the attempts made are the worker ids the row collected),
and tells the operators once it gives up.
"""

import logging

from django.conf import settings
from django.dispatch import receiver
from django.tasks import TaskResultStatus
from django.tasks.signals import task_finished
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from .registry import retry_policy

logger = logging.getLogger(__name__)


@receiver(task_finished)
def retry_or_give_up(sender, task_result, **kwargs):
    if task_result.status != TaskResultStatus.FAILED:
        return
    if task_result.backend != settings.BACKGROUND_TASKS:
        return
    # The worker runs this inside its own error handling: an exception here would end it.
    try:
        result = DBTaskResult.objects.get(pk=task_result.id)
        schedule_retry_or_fail(result, status=TaskResultStatus.FAILED)
    except Exception:
        logger.exception("Could not retry or report the failed task %s", task_result.id)


class WorkerLost(Exception):
    """The worker running a task fell silent (killed, out of memory, host gone)."""


WORKER_LOST = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"


def schedule_retry_or_fail(result, *, status, now=None, lost_worker=None):
    """Queue `result` again after its back-off, or fail it and tell the operators.

    `status` is what the row must still be, so that of two callers only one acts on it. A task
    whose worker was lost (`lost_worker`) runs again at once: its death says nothing about the
    task, but it counts as an attempt. Returns True if the task will run again.
    """
    now = now or timezone.now()
    policy = retry_policy(result.task_path)
    attempt = len(result.worker_ids)
    delay = policy.delay_after(attempt) if policy else None
    error = {}
    if lost_worker is not None:
        result.exception_class_path = WORKER_LOST
        result.traceback = (
            f"{WORKER_LOST}: worker {lost_worker} stopped sending heartbeats while running "
            "this task.\n"
        )
        error = {"exception_class_path": result.exception_class_path, "traceback": result.traceback}
    if delay is not None:
        retried = DBTaskResult.objects.filter(pk=result.pk, status=status).update(
            status=TaskResultStatus.READY,
            # The backend's "as soon as possible" is the year 9999.
            run_after=get_date_max() if lost_worker is not None else now + delay,
            finished_at=None,
            **error,
        )
        if retried:
            logger.warning(
                "Task %s (%s) failed on attempt %d of %d; next attempt %s",
                result.task_path,
                result.pk,
                attempt,
                policy.attempts,
                "at once" if lost_worker is not None else f"after {now + delay:%Y-%m-%d %H:%M:%S}",
            )
        return bool(retried)
    if status != TaskResultStatus.FAILED:
        failed = DBTaskResult.objects.filter(pk=result.pk, status=status).update(
            status=TaskResultStatus.FAILED, finished_at=now, **error
        )
        if not failed:
            return False
    logger.error(
        "Task %s (%s) failed for good after %d attempts", result.task_path, result.pk, attempt
    )
    from kopofo.mail.alerts import report_failed_task

    report_failed_task(result, attempts=attempt)
    return False
