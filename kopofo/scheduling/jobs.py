"""Every periodic job of the site, in one list: the scheduler enqueues each when it is due.

An app that needs a purge or a reminder adds its task here; the worker runs it like any other.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.tasks import Task

from kopofo.contact.tasks import purge_contact_submissions

from .tasks import publish_scheduled_pages


@dataclass(frozen=True)
class PeriodicJob:
    task: Task
    every: timedelta

    @property
    def name(self):
        return self.task.name


JOBS = [
    PeriodicJob(publish_scheduled_pages, every=timedelta(minutes=1)),
    PeriodicJob(purge_contact_submissions, every=timedelta(hours=1)),
]
