"""The search's statements that need planner settings of their own, and the snippets' window.

- `motions_db_matching_ids` and `motions_db_title_matching_ids`: the ids of the records whose
  vector (or title vector) matches, packed into one bytea (five times faster to read than
  rows). The vectors live out of line (migrations 0002 and 0004). A plain word is answered by
  the GIN index exactly, without reading them, but the planner does not know that reading
  them is expensive and, for a word in most records, prefers a sequential scan that reads
  every one: ten times slower. Without sequential scans it takes the index; the ids of a
  common word's matches are gathered in memory (work_mem), not on disk.
- `motions_db_ranked_ids`: one page of matches in the order of `ts_rank`, which reads each
  match's full vector, so only by the primary key, never by a scan of the table.

The settings belong to the functions (`SET` in their definition), so they hold for these
statements alone and cost no round trip of their own, as `SET LOCAL` in a transaction would.

`motions_db_snippet_window`: `ts_headline` parses the whole text it is given and stems every
word, about as slowly as indexing it: twenty hits of ten thousand characters would take 27 ms a
page. A snippet needs two short fragments around the first matches, so the search hands
`ts_headline` a window of the text instead (finder.SNIPPET_WINDOW): found with `strpos` by the
beginnings of the words as typed, cut to whole words; the text's beginning when none is found
(a form only the stemmer matched), and the hit shows its teaser if that has no match either.
"""

from django.db import migrations

from ._postgresql import on_postgresql

FORWARDS = r"""
CREATE FUNCTION motions_db_matching_ids(query tsquery) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off SET work_mem = '32MB' SET jit = off
AS $$
    SELECT string_agg(int4send(paper_id::int4), '') FROM motions_db_searchentry
    WHERE vector @@ query
$$;

CREATE FUNCTION motions_db_title_matching_ids(query tsquery) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off SET work_mem = '32MB' SET jit = off
AS $$
    SELECT string_agg(int4send(paper_id::int4), '') FROM motions_db_searchentry
    WHERE title_vector @@ query
$$;

CREATE FUNCTION motions_db_ranked_ids(
    ids integer[], query tsquery, weights real[], page_size integer, skip integer
) RETURNS SETOF integer
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off SET jit = off
AS $$
    SELECT paper_id FROM motions_db_searchentry
    WHERE paper_id = ANY(ids)
    ORDER BY ts_rank(weights, vector, query, 1) DESC, date DESC, paper_id DESC
    LIMIT page_size OFFSET skip
$$;

CREATE FUNCTION motions_db_snippet_window(source text, words text[], width integer)
RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    first_hit integer := 0;
    found integer;
    word text;
    start integer;
    cut text;
BEGIN
    IF length(source) <= width THEN
        RETURN source;
    END IF;
    FOREACH word IN ARRAY words LOOP
        found := strpos(source, word);
        IF found > 0 AND (first_hit = 0 OR found < first_hit) THEN
            first_hit := found;
        END IF;
    END LOOP;
    -- A third of the window before the first hit, or the text's beginning.
    start := greatest(first_hit - width / 3, 1);
    cut := substr(source, start, width);
    -- Whole words only: without the one cut at either end (unless the text begins or ends).
    IF start > 1 THEN
        cut := substr(cut, strpos(cut, ' ') + 1);
    END IF;
    IF start + width <= length(source) THEN
        cut := left(cut, length(cut) - strpos(reverse(cut), ' '));
    END IF;
    RETURN cut;
END
$$;
"""
BACKWARDS = """
DROP FUNCTION IF EXISTS motions_db_snippet_window(text, text[], integer);
DROP FUNCTION IF EXISTS motions_db_ranked_ids(integer[], tsquery, real[], integer, integer);
DROP FUNCTION IF EXISTS motions_db_title_matching_ids(tsquery);
DROP FUNCTION IF EXISTS motions_db_matching_ids(tsquery);
"""


class Migration(migrations.Migration):
    dependencies = [("motions_db", "0006_index_word_pairs")]

    operations = [migrations.RunPython(on_postgresql(FORWARDS), on_postgresql(BACKWARDS))]
