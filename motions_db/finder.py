"""The Datenbank's search: matches, facet counts, ranking and highlighted snippets.

On PostgreSQL a search page costs the same few queries whatever it finds:
1. one pass over the matching rows of the narrow `SearchEntry` table that counts them and every
   facet value at once (`_facet_counts`);
2. the page's twenty ids, ranked (`_ranked_ids`): exactly with `ts_rank` over the full vectors
   while the matches are few enough (RANK_EXACTLY_UP_TO), else by "does the title match" and
   date, which needs only the small in-row title vector; the full vectors are stored out of
   line and never read for a word that half the archive contains;
3. the twenty papers with their highlighted snippets (`ts_headline` over a bounded prefix).
SQLite runs the same steps with the ORM and substring matching.
"""

import datetime
import difflib
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from kopofo.caching.services import per_generation
from kopofo.topics.models import Topic

from .indexing import SEARCH_CONFIG
from .models import Body, Paper, ParliamentaryGroup, SearchEntry, Word
from .query import Query
from .text import query_forms

RESULTS_PER_PAGE = 20
#: Deeper pages are not worth their cost to anybody: narrow the search instead.
MAX_PAGES = 50
#: Up to this many matches the ranking reads every match's full vector (measured in
#: bench/motions_db.py); beyond it, title matches come first, then the newest.
RANK_EXACTLY_UP_TO = 3000
#: ts_rank's weights of D (compound parts), C (attachments), B (text) and A (title).
RANK_WEIGHTS = "{0.05, 0.2, 0.4, 1.0}"
#: Marks of a hit in ts_headline's output, from Unicode's private use area, so that escaping
#: the text and then turning them into <mark> can't be fooled by the text itself.
MARK_START, MARK_END = "\ue000", "\ue001"
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxFragments=2, MaxWords=28, MinWords=12, "
    'FragmentDelimiter=" … "'
)
TITLE_HEADLINE_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=true"

RUHR_AREA = "ruhrgebiet"

#: What GROUPING(kind, year, body_id, district_id, group_id) says each row of the counts is;
#: -1 marks the Themen's rows.
GROUPING_SETS = {
    0b01111: "kind",
    0b10111: "year",
    0b11011: "body",
    0b11101: "district",
    0b11110: "group",
    -1: "topic",
}


@contextmanager
def _planned_for_search():
    """A cursor in a transaction whose planner settings suit the search table.

    - The vectors live out of line (migrations 0002 and 0004). A plain word is answered by the
      GIN index exactly, without reading them, but the planner does not know that reading them
      is expensive and, for a word in most records, prefers a sequential scan that reads every
      one: ten times slower. Without sequential scans it takes the index.
    - The matches of a common word are materialized once for all facets: in memory, not on disk.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SET LOCAL enable_seqscan = off; SET LOCAL work_mem = '32MB'; SET LOCAL jit = off"
        )
        yield cursor


@dataclass(frozen=True)
class Filters:
    """What the search is narrowed to, already checked against what exists."""

    kind: str = ""
    topic_id: int | None = None
    body_id: int | None = None
    district_id: int | None = None
    #: A Regierungsbezirk's key, or RUHR_AREA.
    region: str = ""
    group_ids: tuple[int, ...] = ()
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    def __bool__(self):
        return any(getattr(self, name) for name in self.__dataclass_fields__)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class Hit:
    paper: Paper
    title: str
    snippet: str


@dataclass
class Results:
    total: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    #: False when there were too many matches to rank each exactly (see the module docstring).
    ranked_exactly: bool = True


# --- what the facets and filters are named by ----------------------------------------------------


@dataclass(frozen=True)
class Names:
    """Slugs and labels of the facet values, worked out once per generation per process."""

    topics: dict[int, tuple[str, str]]
    bodies: dict[int, tuple[str, str]]
    groups: dict[int, str]
    #: Kreise and kreisfreie Städte: the "Kreis" facet lists them, the "Kommune" facet not again.
    districts: frozenset[int] = frozenset()

    def topic_id(self, slug):
        return next((pk for pk, (s, _name) in self.topics.items() if s == slug), None)

    def body_id(self, slug):
        return next((pk for pk, (s, _name) in self.bodies.items() if s == slug), None)

    def group_ids(self, name):
        return tuple(sorted(pk for pk, group_name in self.groups.items() if group_name == name))


def names(request):
    def compute():
        topics = Topic.objects.values_list("pk", "slug", "name")
        bodies = Body.objects.values_list("pk", "slug", "name", "kind")
        return Names(
            topics={pk: (slug, name) for pk, slug, name in topics},
            bodies={pk: (slug, name) for pk, slug, name, _kind in bodies},
            groups=dict(ParliamentaryGroup.objects.values_list("pk", "name")),
            districts=frozenset(pk for pk, _, _, kind in bodies if kind in Body.DISTRICT_KINDS),
        )

    return per_generation(request, "motions_db.names", compute)


# --- the search ----------------------------------------------------------------------------------


class Search:
    """One search: the query and filters, its counts, and its pages on demand."""

    def __init__(self, query: Query, filters: Filters, *, by_date=False, request=None, facets=True):
        self.query = query
        self.filters = filters
        #: Without facets (the site search's group) only the matches are counted, and the hits
        #: show their teasers unmarked.
        self.facets = facets
        self.by_date = by_date or not query
        self.request = request
        self.backend = PostgresBackend() if connection.vendor == "postgresql" else SimpleBackend()
        self._results = None

    @property
    def results(self) -> Results:
        if self._results is None:
            if not self.query and not self.filters and self.request is not None:
                # The unfiltered counts are the same for every visitor until the next change.
                self._results = per_generation(
                    self.request, "motions_db.all_counts", lambda: self.backend.count(self)
                )
            elif self.facets:
                self._results = self.backend.count(self)
            else:
                self._results = Results(total=self.backend.total(self))
        return self._results

    def count(self):
        """What the paginator may page through: never more than MAX_PAGES pages."""
        return min(self.results.total, MAX_PAGES * RESULTS_PER_PAGE)

    def __len__(self):
        return self.count()

    def __getitem__(self, page_slice):
        """The hits of one page; the paginator asks with a slice."""
        offset = page_slice.start or 0
        limit = (page_slice.stop or offset + RESULTS_PER_PAGE) - offset
        exact = self.results.total <= RANK_EXACTLY_UP_TO
        self.results.ranked_exactly = exact or self.by_date
        ids = self.backend.ranked_ids(self, offset=offset, limit=limit, exact=exact)
        return self.backend.hits(self, ids)


class PostgresBackend:
    def _tsquery(self, query: Query):
        """The query as a tsquery expression in SQL, every word a bound parameter."""
        params = []

        def term_sql(term):
            if term.phrase:
                params.append(" ".join(term.words))
                return f"phraseto_tsquery('{SEARCH_CONFIG}', %s)"
            forms = query_forms(term.words[0])
            params.extend(forms)
            return "(" + " || ".join([f"plainto_tsquery('{SEARCH_CONFIG}', %s)"] * len(forms)) + ")"

        parts = ["(" + " || ".join(map(term_sql, clause)) + ")" for clause in query.clauses]
        parts += [f"!!({term_sql(term)})" for term in query.excluded]
        return " && ".join(parts), params

    def _where(self, search):
        conditions, params = [], []
        filters = search.filters
        if search.query:
            conditions.append("e.vector @@ q.query")
        if filters.kind:
            conditions.append("e.kind = %s")
            params.append(filters.kind)
        if filters.topic_id:
            conditions.append("e.topic_ids @> ARRAY[%s]::integer[]")
            params.append(filters.topic_id)
        if filters.body_id:
            conditions.append("e.body_id = %s")
            params.append(filters.body_id)
        if filters.district_id:
            conditions.append("e.district_id = %s")
            params.append(filters.district_id)
        if filters.region == RUHR_AREA:
            conditions.append("e.ruhr_area")
        elif filters.region:
            conditions.append("e.administrative_region = %s")
            params.append(filters.region)
        if filters.group_ids:
            conditions.append("e.group_id = ANY(%s)")
            params.append(list(filters.group_ids))
        if filters.date_from:
            conditions.append("e.date >= %s")
            params.append(filters.date_from)
        if filters.date_to:
            conditions.append("e.date <= %s")
            params.append(filters.date_to)
        return " AND ".join(conditions) or "TRUE", params

    def _with_query(self, search):
        """`WITH q AS (...)` and the FROM list: the tsquery is built once per statement."""
        if not search.query:
            return "", [], "motions_db_searchentry e"
        expression, params = self._tsquery(search.query)
        return f"WITH q AS (SELECT {expression} AS query) ", params, "motions_db_searchentry e, q"

    def count(self, search):
        prefix, params, source = self._with_query(search)
        where, where_params = self._where(search)
        cte = ("q AS" in prefix and f"{prefix}, ") or "WITH "
        # One pass over the matches: the grouping sets count four facets at once, the Themen
        # (an array per row) need their own scan of the materialized matches.
        sql = f"""
            {cte}m AS MATERIALIZED (
                SELECT e.kind, e.year, e.body_id, e.district_id, e.group_id, e.topic_ids
                FROM {source} WHERE {where}
            )
            SELECT GROUPING(kind, year, body_id, district_id, group_id),
                coalesce(kind, year::text, body_id::text, district_id::text, group_id::text),
                count(*)
            FROM m GROUP BY GROUPING SETS ((kind), (year), (body_id), (district_id), (group_id))
            UNION ALL
            SELECT -1, topic::text, count(*) FROM m, unnest(m.topic_ids) AS topic GROUP BY topic
        """
        with _planned_for_search() as cursor:
            cursor.execute(sql, [*params, *where_params])
            rows = [
                (GROUPING_SETS[grouping], value, count)
                for grouping, value, count in cursor.fetchall()
                if value is not None
            ]
        return _results_from_counts(rows)

    def total(self, search):
        prefix, params, source = self._with_query(search)
        where, where_params = self._where(search)
        with _planned_for_search() as cursor:
            cursor.execute(
                f"{prefix}SELECT count(*) FROM {source} WHERE {where}", [*params, *where_params]
            )
            return cursor.fetchone()[0]

    def ranked_ids(self, search, *, offset, limit, exact):
        prefix, params, source = self._with_query(search)
        where, where_params = self._where(search)
        if search.by_date:
            order = "e.date DESC, e.paper_id DESC"
        elif exact:
            rank = f"ts_rank('{RANK_WEIGHTS}', e.vector, q.query, 1)"
            order = f"{rank} DESC, e.date DESC, e.paper_id DESC"
        else:
            order = "(e.title_vector @@ q.query) DESC, e.date DESC, e.paper_id DESC"
        sql = (
            f"{prefix}SELECT e.paper_id FROM {source} WHERE {where} "
            f"ORDER BY {order} LIMIT %s OFFSET %s"
        )
        with _planned_for_search() as cursor:
            cursor.execute(sql, [*params, *where_params, limit, offset])
            return [row[0] for row in cursor.fetchall()]

    def hits(self, search, ids):
        papers = Paper.objects.with_source().in_bulk(ids)
        if not search.query or not search.facets:
            # Browsing, or the site search's group (which shows the teaser): nothing to mark.
            return [_plain_hit(papers[pk]) for pk in ids if pk in papers]
        expression, params = self._tsquery(search.query)
        marks = MARK_START + MARK_END
        sql = f"""
            WITH q AS (SELECT {expression} AS query)
            SELECT p.id,
                ts_headline('{SEARCH_CONFIG}', translate(p.title, %s, ''), q.query, %s),
                ts_headline('{SEARCH_CONFIG}', translate(e.snippet_source, %s, ''), q.query, %s)
            FROM motions_db_paper p JOIN motions_db_searchentry e ON e.paper_id = p.id, q
            WHERE p.id = ANY(%s)
        """
        with connection.cursor() as cursor:
            cursor.execute(
                sql,
                [
                    *params,
                    marks,
                    TITLE_HEADLINE_OPTIONS,
                    marks,
                    HEADLINE_OPTIONS,
                    ids,
                ],
            )
            headlines = {pk: (title, snippet) for pk, title, snippet in cursor.fetchall()}
        hits = []
        for pk in ids:
            if pk not in papers:
                continue
            title, snippet = headlines.get(pk, (papers[pk].title, papers[pk].teaser))
            if MARK_START not in snippet:
                snippet = papers[pk].teaser or snippet
            hits.append(Hit(papers[pk], _marked(title), _marked(snippet)))
        return hits


class SimpleBackend:
    """SQLite (the quick start): substring matching on the same narrow table."""

    def _entries(self, search):
        entries = SearchEntry.objects.all()
        filters = search.filters
        if filters.kind:
            entries = entries.filter(kind=filters.kind)
        if filters.topic_id:
            entries = entries.filter(paper__topics=filters.topic_id)
        if filters.body_id:
            entries = entries.filter(body_id=filters.body_id)
        if filters.district_id:
            entries = entries.filter(district_id=filters.district_id)
        if filters.region == RUHR_AREA:
            entries = entries.filter(ruhr_area=True)
        elif filters.region:
            entries = entries.filter(administrative_region=filters.region)
        if filters.group_ids:
            entries = entries.filter(group_id__in=filters.group_ids)
        if filters.date_from:
            entries = entries.filter(date__gte=filters.date_from)
        if filters.date_to:
            entries = entries.filter(date__lte=filters.date_to)
        for clause in search.query.clauses:
            entries = entries.filter(_any_of(clause))
        for term in search.query.excluded:
            entries = entries.exclude(_any_of([term]))
        return entries

    def count(self, search):
        entries = self._entries(search)
        rows = []
        for facet, column in (
            ("kind", "kind"),
            ("year", "year"),
            ("body", "body_id"),
            ("district", "district_id"),
            ("group", "group_id"),
        ):
            for value, count in (
                entries.exclude(**{f"{column}__isnull": True})
                .values_list(column)
                .annotate(n=Count("pk"))
                .order_by()
            ):
                rows.append((facet, str(value), count))
        for topic, count in (
            Paper.topics.through.objects.filter(paper_id__in=entries.values("paper_id"))
            .values_list("topic_id")
            .annotate(n=Count("pk"))
            .order_by()
        ):
            rows.append(("topic", str(topic), count))
        return _results_from_counts(rows)

    def total(self, search):
        return self._entries(search).count()

    def ranked_ids(self, search, *, offset, limit, exact):
        entries = self._entries(search)
        if not search.by_date and search.query:
            # Relevance, simply: a title that holds a word first, then the newest.
            in_title = Q()
            for word in search.query.words:
                in_title |= Q(paper__title__icontains=word)
            entries = entries.annotate(title_hit=Count("pk", filter=in_title)).order_by(
                "-title_hit", "-date", "-paper_id"
            )
        else:
            entries = entries.order_by("-date", "-paper_id")
        return list(entries.values_list("paper_id", flat=True)[offset : offset + limit])

    def hits(self, search, ids):
        papers = Paper.objects.with_source().in_bulk(ids)
        words = search.query.words
        return [
            Hit(
                papers[pk],
                _highlight(papers[pk].title, words),
                _highlight(_excerpt(papers[pk], words), words),
            )
            for pk in ids
            if pk in papers
        ]


def _any_of(terms):
    """Substring matching for SQLite: a term is found in the title, the teaser or the text."""
    condition = Q()
    for term in terms:
        texts = [" ".join(term.words)] if term.phrase else query_forms(term.words[0])
        for text in texts:
            condition |= (
                Q(paper__title__icontains=text)
                | Q(paper__teaser__icontains=text)
                | Q(paper__text__icontains=text)
            )
    return condition


def _results_from_counts(rows):
    facets = {}
    for facet, value, count in rows:
        facets.setdefault(facet, {})[value] = count
    total = sum(facets.get("kind", {}).values())
    return Results(total=total, facets=facets)


def _plain_hit(paper):
    return Hit(paper, escape(paper.title), escape(paper.teaser))


def _marked(text):
    return mark_safe(escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def _excerpt(paper, words, width=240):
    text = paper.teaser or paper.text
    lowered = text.lower()
    positions = [lowered.find(word) for word in words if lowered.find(word) >= 0]
    if not positions and paper.text:
        text, lowered = paper.text, paper.text.lower()
        positions = [lowered.find(word) for word in words if lowered.find(word) >= 0]
    if not positions:
        return paper.teaser
    start = max(0, min(positions) - width // 3)
    excerpt = text[start : start + width]
    return ("… " if start else "") + excerpt + (" …" if start + width < len(text) else "")


def _highlight(text, words):
    marked = text
    lowered = text.lower()
    spans = []
    for word in {word for word in words if word}:
        start = lowered.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = lowered.find(word, start + len(word))
    result, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        result.append(marked[last:start] + MARK_START + marked[start:end] + MARK_END)
        last = end
    result.append(marked[last:])
    return _marked("".join(result))


# --- "Meinten Sie …?" ----------------------------------------------------------------------------


def suggestion(query: Query):
    """The query with each word the archive doesn't know replaced by its closest known word,
    or None if there is nothing better to suggest."""
    replacements = {}
    for word in set(query.words):
        if len(word) < 4 or Word.objects.filter(word=word).exists():
            continue
        if better := _closest_word(word):
            replacements[word] = better
    return query.replacing(replacements) if replacements else None


def _closest_word(word):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM motions_db_word WHERE word %% %s "
                "ORDER BY similarity(word, %s) DESC, documents DESC LIMIT 1",
                [word, word],
            )
            row = cursor.fetchone()
        return row[0] if row else None
    known = Word.objects.filter(word__startswith=word[0]).values_list("word", flat=True)[:20_000]
    matches = difflib.get_close_matches(word, list(known), n=1, cutoff=0.75)
    return matches[0] if matches else None
