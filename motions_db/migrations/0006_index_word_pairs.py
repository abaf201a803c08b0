"""Index every published record again (PostgreSQL): phrases with a stop word are now found
through index terms of their word pairs (motions_db/text.py, `common_pairs`), which entries
written before lack. Uses the current indexing code, as `manage.py reindex_papers` does; about
a minute and a half at 100,000 records."""

from django.db import migrations


def reindex(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from motions_db import indexing

    indexing.reindex_all()


class Migration(migrations.Migration):
    dependencies = [("motions_db", "0005_title_vector_index")]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
