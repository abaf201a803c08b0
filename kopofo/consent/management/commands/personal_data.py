import json

from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder

from kopofo.personal_data import erase_person, export_person, sources


class Command(BaseCommand):
    help = (
        "Show (as JSON) or delete everything the site stores about one email address, in every "
        "app that registered its personal data (kopofo.seams.personal_data)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", nargs="?")
        parser.add_argument("--delete", action="store_true", help="Delete instead of showing.")
        parser.add_argument(
            "--sources", dest="list_sources", action="store_true", help="List where data is kept."
        )

    def handle(self, *args, email, delete, list_sources, **options):
        if list_sources or not email:
            for source in sources():
                self.stdout.write(f"{source.label}: kept {source.retention or 'until deleted'}")
            return
        if delete:
            for label, count in erase_person(email).items():
                self.stdout.write(f"{label}: {count} deleted")
            return
        self.stdout.write(
            json.dumps(export_person(email), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
