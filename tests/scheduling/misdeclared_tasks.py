"""A tasks module whose author forgot kopofo.scheduling.background_task."""

from django.tasks import task


@task()
def send_reminders():
    """On the immediate "default" backend: would run inside the request that enqueues it."""
