"""`db_worker` with a heartbeat: the background worker that `make worker` and compose run."""

from django.conf import settings
from django_tasks_db.management.commands import db_worker

from kopofo.scheduling.workers import Heartbeat, requeue_tasks_of_dead_workers


class Command(db_worker.Command):
    help = (
        "Run the background worker for the given queues, with a heartbeat, so that the tasks "
        "of a worker that died are queued again."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(backend_name=settings.BACKGROUND_TASKS, reload=False)

    def handle(self, *args, worker_id, queue_name, reload, **options):
        if reload:
            # The reloader would run the worker in a child process with a heartbeat of its own.
            self.stderr.write("run_worker does not reload; use db_worker --reload for that.")
        heartbeat = Heartbeat(worker_id, queues=queue_name)
        # A restarted worker first takes back what a dead one left RUNNING.
        requeue_tasks_of_dead_workers()
        heartbeat.start()
        try:
            super().handle(
                *args, worker_id=worker_id, queue_name=queue_name, reload=False, **options
            )
        finally:
            heartbeat.stop()
