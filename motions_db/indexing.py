"""Keeps the search's narrow tables (`SearchEntry`, `SearchText`) in step with the papers.

A paper has an entry exactly while it is published, so nothing unpublished can ever be found.
Entries are written in batches (an `INSERT ... SELECT FROM unnest(...)` per table and batch on
PostgreSQL), which is what lets an import index a thousand records a second; the admin calls
the same function for the one paper it saved.
"""

import datetime
from dataclasses import dataclass

from django.db import connection, transaction

from kopofo.caching.services import invalidate

from .models import Attachment, Body, Paper, SearchEntry, SearchText
from .text import index_terms

#: The PostgreSQL text search configuration the migrations create: German stemming, no stop
#: words (so a quoted phrase keeps its short words).
SEARCH_CONFIG = "kopofo_german"
#: How much of a paper's text and attachments is indexed. PostgreSQL refuses a tsvector over
#: 1 MB and stops counting word positions at 16,383; a long council document (a Haushaltsplan
#: runs to thousands of pages) must still save. Longer papers are searched by their beginning,
#: and `Paper.search_truncated` tells staff so.
INDEXED_CHARACTERS = 200_000
#: How much of the text the hits' snippets are cut from (`SearchText.snippet_source`).
SNIPPET_CHARACTERS = 10_000
#: The Snowball dictionary of SEARCH_CONFIG (migration 0002).
STEM_DICTIONARY = "kopofo_german_stem"
#: A pair of neighbouring words is indexed as one term: their stems between marks that no
#: German word holds ("zzpderzzrat" for "der Rat" and "der Räte"). The search builds the same
#: term in SQL (`pair_term_sql`). The terms go into the vector as they are, without positions
#: (`array_to_tsvector`): parsing and stemming them again, as to_tsvector would, cost PostgreSQL
#: a fifth of what the text itself does (bench/motions_db.py).
PAIR_MARK, PAIR_JOIN = "zzp", "zz"
#: Stems of the words beside a stop word, per process: an import meets the same ones again.
_STEMS = {}
MAX_REMEMBERED_STEMS = 100_000

#: A batch's search entries, then their texts: two statements, so the long texts reach only
#: the second.
_INSERT_ENTRIES = """
INSERT INTO motions_db_searchentry (
    paper_id, kind, date, year, body_id, district_id, administrative_region, ruhr_area, group_id,
    topic_ids
)
SELECT
    d.id, d.kind, d.date, extract(year FROM d.date), d.body_id, d.district_id, d.region,
    d.ruhr_area, d.group_id, d.topic_ids::integer[]
FROM unnest(
    %s::integer[], %s::text[], %s::date[], %s::integer[], %s::integer[], %s::text[],
    %s::boolean[], %s::integer[], %s::text[]
) AS d(id, kind, date, body_id, district_id, region, ruhr_area, group_id, topic_ids)
"""
_INSERT_TEXTS = f"""
INSERT INTO motions_db_searchtext (paper_id, snippet_source, title_vector, vector)
SELECT
    d.id,
    left(d.body_text, {SNIPPET_CHARACTERS}),
    t.title_vector,
    setweight(t.title_vector, 'A')
    || setweight(to_tsvector('{SEARCH_CONFIG}', d.body_text), 'B')
    || setweight(to_tsvector('{SEARCH_CONFIG}', d.attachment_text), 'C')
    || setweight(to_tsvector('{SEARCH_CONFIG}', d.extra), 'D')
    || array_to_tsvector(string_to_array(d.pair_terms, ' '))
FROM unnest(
    %s::integer[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[]
) AS d(id, title, body_text, attachment_text, extra, pair_terms),
LATERAL (SELECT to_tsvector('{SEARCH_CONFIG}', d.title) AS title_vector) AS t
"""


def pair_term_sql():
    """SQL for the term of one pair of words (two parameters), as `_pair_terms` writes it."""
    stem = f"(ts_lexize('{STEM_DICTIONARY}', %s))[1]"
    # The term as it is, like the index has it: quoted, so tsquery's syntax can't touch it.
    return f"quote_literal('{PAIR_MARK}' || {stem} || '{PAIR_JOIN}' || {stem})::tsquery"


def _stems(words):
    """{word: stem} by PostgreSQL's own dictionary, so the search's terms (`pair_term_sql`)
    come out the same; one query for the words this process has not stemmed before."""
    stems = {word: _STEMS[word] for word in words if word in _STEMS}
    missing = [word for word in words if word not in stems]
    if missing:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT w, (ts_lexize('{STEM_DICTIONARY}', w))[1] FROM unnest(%s::text[]) AS w",
                [missing],
            )
            found = dict(cursor.fetchall())
        if len(_STEMS) < MAX_REMEMBERED_STEMS:
            _STEMS.update(found)
        stems.update(found)
    return stems


def _pair_terms(pairs, stems):
    # Unsorted: array_to_tsvector orders them itself.
    return " ".join(
        f"{PAIR_MARK}{stems[first]}{PAIR_JOIN}{stems[second]}"
        for first, second in pairs
        if stems.get(first) and stems.get(second)
    )


def _bounded(*texts):
    """The texts cut to INDEXED_CHARACTERS together, and whether anything was cut."""
    remaining = INDEXED_CHARACTERS
    kept = []
    for text in texts:
        kept.append(text[:remaining])
        remaining -= len(kept[-1])
    return kept, remaining <= 0 and sum(map(len, texts)) > INDEXED_CHARACTERS


def reindex(paper_ids, *, batch_size=500, invalidate_after=True):
    """Write (or remove) the search entries of these papers; returns how many are indexed.

    `invalidate_after`: start a new generation when done, or where it failed. The search's
    facet index (facets.py) is kept per generation and must be loaded again after the entries
    changed, not only after the paper did (its own save came first). An import passes False
    and starts one generation at its end, not one per chunk.
    """
    paper_ids = list(paper_ids)
    indexed = 0
    try:
        for start in range(0, len(paper_ids), batch_size):
            indexed += _reindex_batch(paper_ids[start : start + batch_size])
    finally:
        if invalidate_after:
            invalidate("Datenbank: search entries")
    return indexed


def reindex_all(*, batch_size=500):
    return reindex(Paper.objects.order_by("pk").values_list("pk", flat=True), batch_size=batch_size)


def _reindex_batch(paper_ids):
    with transaction.atomic():
        # The texts first, by their ids alone: deleting the entries would first read their
        # texts back, vectors and all (kopofo.caching listens to every model's post_delete,
        # so Django fetches what it deletes).
        SearchText.objects.filter(entry_id__in=paper_ids).only("pk").delete()
        SearchEntry.objects.filter(paper_id__in=paper_ids).delete()
        return index_documents(_documents(paper_ids))


@dataclass
class Document:
    """What a paper's search entry is made of: read from the database (`_documents`) or handed
    over by the import, which has the values of the papers it just wrote."""

    paper_id: int
    kind: str
    date: datetime.date
    body_id: int
    district_id: int | None
    administrative_region: str
    ruhr_area: bool
    group_id: int
    topic_ids: list[int]
    title: str
    #: The teaser and the full text.
    text: str
    attachment_text: str = ""
    #: As the paper has it now; corrected when indexing finds otherwise.
    search_truncated: bool = False


def _documents(paper_ids):
    """The documents of those of these papers that are published.

    Tuples, not model instances with their Gremium, Kommune and Themen: half the time.
    """
    rows = (
        Paper.objects.published()
        .filter(pk__in=paper_ids)
        .values_list(
            "pk",
            "kind",
            "date",
            "organization__body_id",
            "organization__body__kind",
            "organization__body__district_id",
            "organization__body__administrative_region",
            "organization__body__ruhr_area",
            "group_id",
            "title",
            "teaser",
            "text",
            "search_truncated",
        )
    )
    topic_ids, attachment_texts = {}, {}
    for paper_id, topic_id in Paper.topics.through.objects.filter(
        paper_id__in=paper_ids
    ).values_list("paper_id", "topic_id"):
        topic_ids.setdefault(paper_id, []).append(topic_id)
    for paper_id, text in Attachment.objects.filter(paper_id__in=paper_ids).values_list(
        "paper_id", "text"
    ):
        attachment_texts.setdefault(paper_id, []).append(text)
    return [
        Document(
            paper_id=pk,
            kind=kind,
            date=date,
            body_id=body_id,
            district_id=Body.district_id_for_search(body_id, body_kind, district_id),
            administrative_region=region,
            ruhr_area=ruhr_area,
            group_id=group_id,
            topic_ids=sorted(topic_ids.get(pk, [])),
            title=title,
            text=f"{teaser}\n{text}",
            attachment_text="\n".join(attachment_texts.get(pk, [])),
            search_truncated=truncated,
        )
        for (
            pk,
            kind,
            date,
            body_id,
            body_kind,
            district_id,
            region,
            ruhr_area,
            group_id,
            title,
            teaser,
            text,
            truncated,
        ) in rows
    ]


def index_documents(documents):
    """Write the search entries of these documents, whose papers have none; returns how many.

    The import calls this for the new papers it wrote, with their values; everything else goes
    through `reindex`.
    """
    if not documents:
        return 0
    rows = []
    truncated_changed = {True: [], False: []}
    for document in documents:
        (body_text, attachment_text), truncated = _bounded(document.text, document.attachment_text)
        if truncated != document.search_truncated:
            truncated_changed[truncated].append(document.paper_id)
        extra, pairs = index_terms(document.title, body_text, attachment_text)
        rows.append((document, body_text, attachment_text, extra, pairs))

    if connection.vendor == "postgresql":
        # One query for the batch's stems; SQLite matches phrases by substring.
        stems = _stems({word for *_, pairs in rows for pair in pairs for word in pair})
        rows = [
            (document, body_text, attachment_text, extra, _pair_terms(pairs, stems))
            for document, body_text, attachment_text, extra, pairs in rows
        ]

    with transaction.atomic():
        for truncated, ids in truncated_changed.items():
            if ids:
                Paper.objects.filter(pk__in=ids).update(search_truncated=truncated)
        if rows and connection.vendor == "postgresql":
            _insert_with_vectors(rows)
        elif rows:
            SearchEntry.objects.bulk_create(_plain_entry(document) for document, *_ in rows)
    return len(rows)


def _plain_entry(document):
    return SearchEntry(
        paper_id=document.paper_id,
        kind=document.kind,
        date=document.date,
        year=document.date.year,
        body_id=document.body_id,
        district_id=document.district_id,
        administrative_region=document.administrative_region,
        ruhr_area=document.ruhr_area,
        group_id=document.group_id,
        topic_ids=document.topic_ids,
    )


def _insert_with_vectors(rows):
    documents = [document for document, *_ in rows]
    ids = [document.paper_id for document in documents]
    # NUL can't be stored in PostgreSQL text; extracted PDF text sometimes carries it.
    texts = [
        [value.replace("\x00", " ") for value in column]
        for column in (
            [document.title for document in documents],
            [body_text for _, body_text, *_ in rows],
            [attachment_text for _, _, attachment_text, *_ in rows],
            [extra for *_, extra, _ in rows],
            [pair_terms for *_, pair_terms in rows],
        )
    ]
    entries = [
        ids,
        [document.kind for document in documents],
        [document.date for document in documents],
        [document.body_id for document in documents],
        [document.district_id for document in documents],
        [document.administrative_region for document in documents],
        [document.ruhr_area for document in documents],
        [document.group_id for document in documents],
        ["{" + ",".join(map(str, document.topic_ids)) + "}" for document in documents],
    ]
    with connection.cursor() as cursor:
        cursor.execute(_INSERT_ENTRIES, entries)
        cursor.execute(_INSERT_TEXTS, [ids, *texts])
