"""PostgreSQL's side of the Datenbank's search; on SQLite the search matches more simply.

- `kopofo_german`: German stemming without a stop-word list, so "Miete" finds "Mieten" and a
  quoted phrase keeps its short words ("Weiter so"). Snowball is built into PostgreSQL, so this
  needs no dictionary files and works on a managed server.
- The search table's vectors: a GIN index, and `toast_tuple_target` at its minimum so the long
  vector lives out of line. A search that matches half the archive then reads a narrow table
  (the GIN index answers plain words exactly), and only phrases read the vectors themselves.
  The title vector stays in the row (MAIN): ranking many matches by title is the cheap path.
- pg_trgm (a trusted extension since PostgreSQL 13) for "Meinten Sie …?" over the word list.
"""

from django.db import migrations

from ._postgresql import on_postgresql

FORWARDS = """
CREATE TEXT SEARCH DICTIONARY kopofo_german_stem (TEMPLATE = snowball, LANGUAGE = german);
CREATE TEXT SEARCH CONFIGURATION kopofo_german (COPY = pg_catalog.german);
ALTER TEXT SEARCH CONFIGURATION kopofo_german
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH kopofo_german_stem;
ALTER TABLE motions_db_searchentry SET (toast_tuple_target = 128);
ALTER TABLE motions_db_searchentry ALTER COLUMN title_vector SET STORAGE MAIN;
CREATE INDEX motions_db_entry_vector ON motions_db_searchentry USING gin (vector);
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX motions_db_word_trigrams ON motions_db_word USING gin (word gin_trgm_ops);
"""

BACKWARDS = """
DROP INDEX IF EXISTS motions_db_word_trigrams;
DROP INDEX IF EXISTS motions_db_entry_vector;
DROP TEXT SEARCH CONFIGURATION IF EXISTS kopofo_german;
DROP TEXT SEARCH DICTIONARY IF EXISTS kopofo_german_stem;
"""


class Migration(migrations.Migration):
    dependencies = [("motions_db", "0001_records")]

    operations = [migrations.RunPython(on_postgresql(FORWARDS), on_postgresql(BACKWARDS))]
