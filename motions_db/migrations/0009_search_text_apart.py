"""Move the search vectors and the snippet text out of the search entries into a table of their
own (PostgreSQL; see `SearchText`).

Finding a common word's matches reads each match's row for its id: 88,000 rows for a word in
nine records of ten. A search entry's row carries its facet columns too; a search text's row
only its id and pointers to its values, stored out of line. The search's functions (migration
0007) read the new table.

Migration 0010 then indexes every published record again with the current indexing code,
which writes the tables as this migration leaves them. Backwards, the values go back into the
search entries.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

from ._postgresql import on_postgresql

MATCHING = """
CREATE OR REPLACE FUNCTION motions_db_matching_ids(query tsquery) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off SET work_mem = '32MB' SET jit = off
AS $$
    SELECT string_agg(int4send(paper_id::int4), '') FROM {table}
    WHERE vector @@ query
$$;

CREATE OR REPLACE FUNCTION motions_db_title_matching_ids(query tsquery) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off SET work_mem = '32MB' SET jit = off
AS $$
    SELECT string_agg(int4send(paper_id::int4), '') FROM {table}
    WHERE title_vector @@ query
$$;
"""

#: One page of ranked matches; `select` orders them, the function pages.
RANKING = """
CREATE OR REPLACE FUNCTION motions_db_ranked_ids(
    ids integer[], query tsquery, weights real[], page_size integer, skip integer
) RETURNS SETOF integer
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off SET jit = off
AS $${select}
    LIMIT page_size OFFSET skip
$$;
"""

FORWARDS = (
    """
ALTER TABLE motions_db_searchtext
    SET (toast_tuple_target = 128),
    ALTER COLUMN vector SET STORAGE EXTERNAL,
    ALTER COLUMN title_vector SET STORAGE EXTERNAL,
    ALTER COLUMN snippet_source SET STORAGE EXTERNAL;
CREATE INDEX motions_db_text_vector ON motions_db_searchtext USING gin (vector);
CREATE INDEX motions_db_text_title_vector ON motions_db_searchtext USING gin (title_vector);
"""
    + MATCHING.format(table="motions_db_searchtext")
    + RANKING.format(
        select="""
    SELECT t.paper_id FROM motions_db_searchtext t
    JOIN motions_db_searchentry e ON e.paper_id = t.paper_id
    WHERE t.paper_id = ANY(ids)
    ORDER BY ts_rank(weights, t.vector, query, 1) DESC, e.date DESC, t.paper_id DESC"""
    )
)

# After the columns are back in the search entries (the reversed RemoveFields), before the
# search text's table goes (the reversed CreateModel).
BACKWARDS = (
    """
ALTER TABLE motions_db_searchentry
    ALTER COLUMN vector SET STORAGE EXTERNAL,
    ALTER COLUMN snippet_source SET STORAGE EXTERNAL,
    ALTER COLUMN title_vector SET STORAGE PLAIN;
-- After SET STORAGE, which only applies to values written from then on.
UPDATE motions_db_searchentry e
    SET title_vector = t.title_vector, vector = t.vector, snippet_source = t.snippet_source
    FROM motions_db_searchtext t WHERE t.paper_id = e.paper_id;
CREATE INDEX motions_db_entry_vector ON motions_db_searchentry USING gin (vector);
CREATE INDEX motions_db_entry_title_vector ON motions_db_searchentry USING gin (title_vector);
"""
    + MATCHING.format(table="motions_db_searchentry")
    + RANKING.format(
        select="""
    SELECT paper_id FROM motions_db_searchentry
    WHERE paper_id = ANY(ids)
    ORDER BY ts_rank(weights, vector, query, 1) DESC, date DESC, paper_id DESC"""
    )
)


class Migration(migrations.Migration):
    dependencies = [("motions_db", "0008_pair_terms_as_they_are")]

    operations = [
        migrations.CreateModel(
            name="SearchText",
            fields=[
                (
                    "entry",
                    models.OneToOneField(
                        db_column="paper_id",
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="text",
                        serialize=False,
                        to="motions_db.searchentry",
                    ),
                ),
                ("title_vector", django.contrib.postgres.search.SearchVectorField(null=True)),
                ("vector", django.contrib.postgres.search.SearchVectorField(null=True)),
                ("snippet_source", models.TextField(blank=True)),
            ],
        ),
        migrations.RunPython(on_postgresql(FORWARDS), on_postgresql(BACKWARDS)),
        migrations.RemoveField(model_name="searchentry", name="title_vector"),
        migrations.RemoveField(model_name="searchentry", name="vector"),
        migrations.RemoveField(model_name="searchentry", name="snippet_source"),
    ]
