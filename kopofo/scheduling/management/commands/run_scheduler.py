import contextlib

from django.core.management.base import BaseCommand

from kopofo.scheduling.scheduler import Scheduler


class Command(BaseCommand):
    help = "Enqueue the periodic jobs the apps declare (@periodic) when they are due."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=5.0, help="Seconds between checks.")
        parser.add_argument("--once", action="store_true", help="Enqueue what is due, then stop.")

    def handle(self, *args, interval, once, **options):
        scheduler = Scheduler()
        if once:
            for name in scheduler.tick():
                self.stdout.write(f"Enqueued {name}")
            return
        self.stdout.write(f"Scheduler running, checking every {interval:g} s.")
        with contextlib.suppress(KeyboardInterrupt):
            scheduler.run_forever(interval)
