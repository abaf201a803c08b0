"""Phrases with a stop word are now found through index terms of their word pairs
(motions_db/text.py, `index_terms`), which entries written before lack.

This migration indexed every published record again with the then current indexing code. That
code writes the tables as the latest migration leaves them, so a database upgraded across a
later change of those tables would fail here; the reindexing now happens once, after the last
such change (migration 0010, after 0009)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("motions_db", "0005_title_vector_index")]

    operations = []
