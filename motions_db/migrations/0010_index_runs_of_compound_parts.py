"""Index every published record again with the current indexing code, as `manage.py
reindex_papers` does (about two minutes at 100,000 records on PostgreSQL; SQLite matches by
substring and has nothing to redo).

Its compounds now also give their runs of parts ("Klimaschutz" of "Klimaschutzkonzept",
"Haushaltsverfahren" of "Bürgerhaushaltsverfahren", motions_db/text.py), and entries from
before migrations 0006 and 0008 lack their word pairs' terms. The indexing code writes the
tables as the latest migration leaves them (0009, `SearchText`): a later migration that changes
those tables must move this step after it.
"""

from django.db import migrations

from ._postgresql import reindex_every_record


class Migration(migrations.Migration):
    dependencies = [("motions_db", "0009_search_text_apart")]

    operations = [migrations.RunPython(reindex_every_record, migrations.RunPython.noop)]
