from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse

from kopofo.pages.setup import set_up_site


class Command(BaseCommand):
    help = (
        "Set up an empty production site: home page, Aktuelles, the legal pages as drafts, the "
        "staff groups and their workflow, and the site's host from SITE_URL. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--origin",
            help="The site's origin, e.g. https://kopofo-nrw.de (default: SITE_URL, else "
            "WAGTAILADMIN_BASE_URL).",
        )

    def handle(self, *args, origin=None, **options):
        report = set_up_site(origin)
        for line in report.created:
            self.stdout.write(f"  + {line}")
        if not report.created:
            self.stdout.write("Nothing to do: the site was set up already.")
        site = report.site
        self.stdout.write(
            self.style.SUCCESS(f"The site answers as {site.hostname}:{site.port}. Next steps:")
        )
        admin = f"{settings.WAGTAILADMIN_BASE_URL}{reverse('wagtailadmin_home')}"
        for step in [
            "python manage.py createsuperuser  (the first account; it creates the others)",
            f"log in at {admin}",
            "Einstellungen → Kontaktdaten: the office's address, phone, e-mail and hours",
            "Seiten: write the home page; fill in and publish the three legal pages",
            "Einstellungen → Benutzer: staff accounts in the groups Redaktion or Geschäftsstelle",
        ]:
            self.stdout.write(f"  - {step}")
