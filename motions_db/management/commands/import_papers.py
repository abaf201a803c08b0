"""manage.py import_papers <file> [--format jsonl|csv] [--dry-run] [--no-progress]"""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from motions_db import importers


class Command(BaseCommand):
    help = "Importiert Datenbankeinträge aus JSON Lines oder CSV (Spalten: siehe README)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=["jsonl", "csv"], dest="file_format")
        parser.add_argument(
            "--dry-run", action="store_true", help="Alles prüfen und zählen, nichts speichern."
        )
        parser.add_argument("--no-progress", action="store_true", help="Ohne Fortschrittsbalken.")

    def handle(self, file, file_format=None, dry_run=False, no_progress=False, **options):
        file_format = file_format or importers.detect_format(file)
        try:
            total = importers.count_records(file, file_format)
        except OSError as error:
            raise CommandError(f"Die Datei {file} lässt sich nicht lesen: {error}") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"Die Datei {file} ist nicht in UTF-8: {error}") from error
        # The bar goes to stderr, and only to a terminal: a cron job's mail gets the summary.
        show = not no_progress and sys.stderr.isatty()
        with tqdm(total=total, unit=" Einträge", disable=not show, file=sys.stderr) as bar:
            result = importers.import_file(
                file, file_format=file_format, dry_run=dry_run, progress=bar
            )
        for message in result.errors:
            self.stdout.write(message)
        for name in result.unknown_bodies:
            self.stdout.write(
                f"Unbekannte Kommune „{name}“ als Gemeinde angelegt: bitte Kreis und "
                "Regierungsbezirk im Admin ergänzen."
            )
        prefix = "Probelauf, nichts gespeichert: " if dry_run else ""
        self.stdout.write(prefix + result.summary)
        if result.failed:
            # Exit status 1, so a script or cron job that runs the import notices: the rows
            # above need fixing, though the others are saved.
            saved = "nichts gespeichert" if dry_run else "die übrigen sind gespeichert"
            raise CommandError(
                f"{result.failed} fehlerhafte Zeilen, oben aufgeführt; {saved}.", returncode=1
            )
