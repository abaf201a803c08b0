from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse

from kopofo.pages.demo import DEMO_PASSWORD, DemoSite
from kopofo.seams import demo_content


class Command(BaseCommand):
    help = "Create (or complete) the demo site: every app's demo content, then the staff users."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even though DEBUG is off (e.g. in tests)."
        )

    def handle(self, *args, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Demo content and demo passwords don't belong on a production site; "
                "use --force if this database really is a demo."
            )
        demo = DemoSite()
        with transaction.atomic():
            for step in demo_content:
                step(demo)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write(
            f"Wagtail admin: {settings.WAGTAILADMIN_BASE_URL}{reverse('wagtailadmin_home')}  "
            f"user 'admin', password '{DEMO_PASSWORD}' "
            f"(also 'redaktion' and 'geschaeftsstelle' with the same password)"
        )
