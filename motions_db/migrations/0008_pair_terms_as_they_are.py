"""Index every published record again (PostgreSQL): the terms of word pairs are now stored as
they are (`indexing.PAIR_MARK`), not parsed and stemmed a second time, and the search asks for
them so; entries written before hold the stemmed forms. Uses the current indexing code, as
migration 0006 does; about two minutes at 100,000 records."""

from django.db import migrations


def reindex(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from motions_db import indexing

    indexing.reindex_all()


class Migration(migrations.Migration):
    dependencies = [("motions_db", "0007_search_functions")]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
