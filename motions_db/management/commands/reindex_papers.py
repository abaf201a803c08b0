from django.core.management.base import BaseCommand

from motions_db import indexing


class Command(BaseCommand):
    help = (
        "Schreibt den Suchindex aller Einträge der Datenbank neu, etwa nachdem sich geändert hat, "
        "wie sie indexiert werden."
    )

    def handle(self, **options):
        indexed = indexing.reindex_all()
        records = "veröffentlichter Eintrag" if indexed == 1 else "veröffentlichte Einträge"
        self.stdout.write(f"Neu indexiert: {indexed} {records}.")
