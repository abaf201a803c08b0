"""A GIN index over the titles alone (PostgreSQL): a search with too many matches to rank
exactly puts the records whose title matches first, and asks this index which those are."""

from django.db import migrations

from ._postgresql import on_postgresql

FORWARDS = (
    "CREATE INDEX IF NOT EXISTS motions_db_entry_title_vector "
    "ON motions_db_searchentry USING gin (title_vector)"
)
BACKWARDS = "DROP INDEX IF EXISTS motions_db_entry_title_vector"


class Migration(migrations.Migration):
    dependencies = [("motions_db", "0004_narrow_search_rows")]

    operations = [migrations.RunPython(on_postgresql(FORWARDS), on_postgresql(BACKWARDS))]
