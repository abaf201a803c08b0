from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from . import workers
from .registry import NO_RETRY, background_task, periodic


@periodic(every=timedelta(minutes=1))
@background_task(retry=NO_RETRY)
def publish_scheduled_pages():
    # Wagtail's own command publishes pages whose time has come and unpublishes expired ones.
    call_command("publish_scheduled", verbosity=0)


@periodic(every=timedelta(minutes=1))
@background_task(retry=NO_RETRY)
def requeue_tasks_of_dead_workers():
    return len(workers.requeue_tasks_of_dead_workers())


@periodic(every=timedelta(hours=1))
@background_task()
def purge_finished_task_results():
    """A finished task's record (its ids, its error) is kept no longer than the data it concerns."""
    cutoff = timezone.now() - timedelta(days=settings.TASK_RESULT_RETENTION_DAYS)
    deleted, _details = (
        DBTaskResult.objects.finished()
        .filter(backend_name=settings.BACKGROUND_TASKS, finished_at__lt=cutoff)
        .delete()
    )
    return deleted
