"""Index every published record again (PostgreSQL): the terms of word pairs are now stored as
they are (`indexing.PAIR_MARK`), not parsed and stemmed a second time, and the search asks for
them so; entries written before hold the stemmed forms. Uses the current indexing code, as
migration 0006 does; about two minutes at 100,000 records."""

from django.db import migrations

from ._postgresql import reindex_every_record


class Migration(migrations.Migration):
    dependencies = [("motions_db", "0007_search_functions")]

    operations = [migrations.RunPython(reindex_every_record, migrations.RunPython.noop)]
