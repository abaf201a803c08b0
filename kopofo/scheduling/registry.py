"""How a project task is declared: on the background backend, with a retry policy, and, if it
recurs, as a periodic job. Every app declares its tasks in its own `tasks.py`; nothing shared
lists them.

    @periodic(every=timedelta(hours=1))
    @background_task()
    def purge_contact_submissions(): ...

`discover_tasks()` imports every installed app's `tasks` module at start-up, so the scheduler
finds the periodic jobs and the worker finds the retry policies without a list that imports
each feature.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.tasks import Task, task
from django.utils.module_loading import autodiscover_modules

DEFAULT_QUEUE = "default"
# Mail has its own queue and worker: a slow mail server must never hold up scheduled publishing.
MAIL_QUEUE = "mail"


@dataclass(frozen=True)
class RetryPolicy:
    """How often a failing task runs in all, and how long it waits before each new attempt."""

    attempts: int
    backoff: tuple[timedelta, ...] = ()

    def delay_after(self, attempt: int) -> timedelta | None:
        """The wait before the next attempt, or None once the task has used up its attempts."""
        if attempt >= self.attempts:
            return None
        if not self.backoff:
            return timedelta(0)
        return self.backoff[min(attempt, len(self.backoff)) - 1]


# Five attempts in about 81 minutes: long enough to ride out a mail server's restart or an
# ESP's hiccup, short enough that the office learns of a real failure the same morning.
RETRY = RetryPolicy(
    attempts=5,
    backoff=(timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1)),
)
# For periodic jobs that run again soon anyway: their next run is the retry.
NO_RETRY = RetryPolicy(attempts=1)


@dataclass(frozen=True)
class PeriodicJob:
    task: Task
    every: timedelta

    @property
    def name(self):
        return self.task.module_path


_retry_policies: dict[str, RetryPolicy] = {}
_periodic_jobs: dict[str, PeriodicJob] = {}


def background_task(
    function=None, *, queue_name=DEFAULT_QUEUE, priority=0, retry=RETRY, takes_context=False
):
    """`django.tasks.task` on the database-backed background backend, with a retry policy.

    The project's tasks use this and never `@task` itself: the "default" backend runs a task at
    once, inside the request that enqueues it (tests/scheduling/test_task_backends.py).
    """

    def decorate(function):
        declared = task(
            function,
            backend=settings.BACKGROUND_TASKS,
            queue_name=queue_name,
            priority=priority,
            takes_context=takes_context,
        )
        _retry_policies[declared.module_path] = retry
        return declared

    if function is not None:
        return decorate(function)
    return decorate


def periodic(*, every: timedelta):
    """Have the scheduler enqueue this task every `every`; goes above `@background_task()`."""

    def register(declared):
        if not isinstance(declared, Task):
            raise TypeError("@periodic goes above @background_task(), on the task it declares.")
        _periodic_jobs[declared.module_path] = PeriodicJob(declared, every)
        return declared

    return register


def retry_policy(task_path: str) -> RetryPolicy | None:
    """The policy a task was declared with; None for tasks that are not the project's."""
    return _retry_policies.get(task_path)


def is_background_task(declared: Task) -> bool:
    return declared.module_path in _retry_policies


def discover_tasks():
    """Import every installed app's `tasks` module, which registers its tasks and jobs."""
    autodiscover_modules("tasks")


def periodic_jobs() -> list[PeriodicJob]:
    discover_tasks()
    return list(_periodic_jobs.values())
