import logging
import time

from django.db import transaction
from django.utils import timezone

from .models import JobRun
from .registry import periodic_jobs

logger = logging.getLogger(__name__)


class Scheduler:
    """Enqueues each periodic job when it is due; the background worker does the work.

    When a job last ran is kept in the database (`JobRun`), so a restart does not run every job
    at once, and two schedulers side by side (a deployment overlapping the old one) enqueue each
    due job once: whoever moves `last_enqueued_at` forward with a compare-and-set update
    enqueues, in the same transaction; the other's update then matches no row.
    """

    def __init__(self, jobs=None):
        # Without a list of its own, the scheduler runs the jobs the apps declared (@periodic).
        self._jobs = jobs

    @property
    def jobs(self):
        return self._jobs if self._jobs is not None else periodic_jobs()

    def tick(self, now=None):
        now = now or timezone.now()
        jobs = self.jobs
        JobRun.objects.bulk_create([JobRun(name=job.name) for job in jobs], ignore_conflicts=True)
        enqueued = []
        for job in jobs:
            with transaction.atomic():
                claimed = (
                    JobRun.objects.filter(name=job.name)
                    .due(job.every, now)
                    .update(last_enqueued_at=now)
                )
                if claimed:
                    job.task.enqueue()
            if claimed:
                enqueued.append(job.name)
                logger.info("Enqueued %s", job.name)
        return enqueued

    def run_forever(self, interval=5.0):
        while True:
            self.tick()
            time.sleep(interval)
