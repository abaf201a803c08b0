"""Index every published record again (PostgreSQL): phrases with a stop word are now found
through index terms of their word pairs (motions_db/text.py, `index_terms`), which entries
written before lack. Uses the current indexing code, as `manage.py reindex_papers` does; about
a minute and a half at 100,000 records."""

from django.db import migrations

from ._postgresql import reindex_every_record


class Migration(migrations.Migration):
    dependencies = [("motions_db", "0005_title_vector_index")]

    operations = [migrations.RunPython(reindex_every_record, migrations.RunPython.noop)]
