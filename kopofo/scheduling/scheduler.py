import logging
import time
from datetime import datetime

from django.utils import timezone

from .jobs import JOBS

logger = logging.getLogger(__name__)


class Scheduler:
    """Enqueues each periodic job when it is due; the background worker does the work.

    It keeps no state beyond the process: after a restart every job runs once at once, which
    costs nothing because each job is idempotent.
    """

    def __init__(self, jobs=JOBS):
        self.jobs = jobs
        self.last_enqueued: dict[str, datetime] = {}

    def due_jobs(self, now):
        for job in self.jobs:
            last = self.last_enqueued.get(job.name)
            if last is None or now - last >= job.every:
                yield job

    def tick(self, now=None):
        now = now or timezone.now()
        enqueued = []
        for job in self.due_jobs(now):
            job.task.enqueue()
            self.last_enqueued[job.name] = now
            enqueued.append(job.name)
            logger.info("Enqueued %s", job.name)
        return enqueued

    def run_forever(self, interval=5.0):
        while True:
            self.tick()
            time.sleep(interval)
