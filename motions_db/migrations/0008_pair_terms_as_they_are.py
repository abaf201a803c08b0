"""The terms of word pairs are now stored as they are (`indexing.PAIR_MARK`), not parsed and
stemmed a second time, and the search asks for them so; entries written before hold the
stemmed forms.

Like 0006, this migration indexed every published record again with the then current code;
that now happens once, in migration 0010, after the search tables' last change (0009)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("motions_db", "0007_search_functions")]

    operations = []
