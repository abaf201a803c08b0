"""Workers announce that they live; the tasks of a worker that died are queued again.

django-tasks-db 0.13 marks a task RUNNING when a worker claims it and has no heartbeat: a worker
killed mid-task (OOM, SIGKILL, a lost host) leaves the task RUNNING for ever. `run_worker`
writes a heartbeat every few seconds from a thread of its own, and `requeue_tasks_of_dead_workers`
(at every worker's start and as a periodic job) hands a RUNNING task whose worker fell silent
back to the queue, counting the lost run as an attempt, so a task that kills its worker every
time still ends FAILED.
"""

import logging
import os
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat
from .retries import schedule_retry_or_fail

logger = logging.getLogger(__name__)


def heartbeat_interval():
    return timedelta(seconds=settings.TASK_WORKER_HEARTBEAT_SECONDS)


def silence_before_dead():
    return timedelta(seconds=settings.TASK_WORKER_DEAD_AFTER_SECONDS)


class Heartbeat:
    """Keeps the worker's `WorkerHeartbeat` row fresh while the worker runs a task or waits."""

    def __init__(self, worker_id, *, queues):
        self.worker_id = worker_id
        self.queues = queues
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="heartbeat", daemon=True)

    def beat(self):
        WorkerHeartbeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={"last_seen": timezone.now()},
            create_defaults={
                "last_seen": timezone.now(),
                "hostname": socket.gethostname()[:255],
                "pid": os.getpid(),
                "queues": self.queues[:255],
            },
        )

    def start(self):
        # The first beat before the first claim: no task may be RUNNING under an unknown worker.
        self.beat()
        self._thread.start()

    def stop(self):
        self._stopped.set()
        self._thread.join(timeout=settings.TASK_WORKER_HEARTBEAT_SECONDS + 5)
        try:
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
        except DatabaseError:
            logger.warning("Could not sign off worker %s", self.worker_id)

    def _run(self):
        try:
            while not self._stopped.wait(settings.TASK_WORKER_HEARTBEAT_SECONDS):
                try:
                    close_old_connections()
                    self.beat()
                except DatabaseError:
                    # A database that is away for a moment: try again on the next beat.
                    logger.warning("Heartbeat of worker %s failed", self.worker_id, exc_info=True)
        finally:
            connection.close()


def requeue_tasks_of_dead_workers(now=None):
    """Queue again each RUNNING task whose worker has not been heard of for a while."""
    now = now or timezone.now()
    since = now - silence_before_dead()
    alive = set(WorkerHeartbeat.objects.alive(since).values_list("worker_id", flat=True))
    requeued = []
    running = DBTaskResult.objects.running().filter(
        backend_name=settings.BACKGROUND_TASKS, started_at__lt=since
    )
    for result in running:
        worker_id = result.worker_ids[-1] if result.worker_ids else "?"
        if worker_id in alive:
            continue
        if schedule_retry_or_fail(
            result, status=TaskResultStatus.RUNNING, now=now, lost_worker=worker_id
        ):
            requeued.append(result.pk)
            logger.warning(
                "Task %s (%s) was RUNNING on worker %s, which is gone; queued again",
                result.task_path,
                result.pk,
                worker_id,
            )
    # Rows of workers that died long ago only fill the table.
    WorkerHeartbeat.objects.filter(last_seen__lt=now - timedelta(days=1)).delete()
    return requeued
