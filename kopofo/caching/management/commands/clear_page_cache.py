from django.core.management.base import BaseCommand

from kopofo.caching import services


class Command(BaseCommand):
    help = (
        "Make every cached page stale, in every process (after a change the site's signals "
        "can't see, such as a QuerySet.update() or SQL by hand)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help="Empty the whole cache backend: also the rate limit's counts and renditions.",
        )

    def handle(self, *args, **options):
        if options["all"]:
            services.cache().clear()
            self.stdout.write("Cache emptied.")
        else:
            services.new_generation()
            self.stdout.write("Every cached page is stale now.")
