"""The Datenbank's search: matches, facet counts, ranking and highlighted snippets.

A search page costs the same few queries whatever it finds:
1. PostgreSQL's GIN index gives the ids of the matching records, packed into one value
   (`PostgresBackend.matching_ids`), from the narrowest table (`SearchText`: an id and its vectors
   and snippet text stored out of line, which are never read for this, not even for a word
   that nine of ten records hold);
2. the filters, the total and every facet's counts are worked out from those ids over the
   facet columns kept in memory (`facets.FacetIndex`), as is the order by date;
3. the order by relevance: exactly, with `ts_rank` over the full vectors, while the matches are
   few enough (RANK_EXACTLY_UP_TO); beyond that title matches first (a second GIN index, over
   the titles alone), then the newest;
4. the twenty hits in one statement: what the list shows of each and its highlighted snippet
   (`ts_headline` over a window of the text around the first match, migration 0007).
SQLite finds the matches by substring with the ORM and shares steps 2 and 3 (title first).
"""

import datetime
import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from django.db import connection
from django.db.models import Q
from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.html import escape
from django.utils.safestring import mark_safe

from kopofo.caching.services import per_generation
from kopofo.topics.models import Topic

from .facets import FacetIndex, facet_index
from .highlight import MARK_END, MARK_START, refine, without_marks
from .indexing import SEARCH_CONFIG, pair_term_sql
from .models import Body, Paper, ParliamentaryGroup, SearchEntry, Word, choice_label
from .query import Query
from .text import STOP_WORDS, phrase_pairs, query_forms

RESULTS_PER_PAGE = 20
#: Deeper pages are not worth their cost to anybody: narrow the search instead.
MAX_PAGES = 50
#: Up to this many matches the ranking reads every match's full vector, 8 to 14 µs each
#: (bench/datenbank_search.py); beyond it, title matches come first, then the newest.
RANK_EXACTLY_UP_TO = 1000
#: ts_rank's weights of D (compound parts), C (attachments), B (text) and A (title).
RANK_WEIGHTS = "{0.05, 0.2, 0.4, 1.0}"
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxFragments=2, MaxWords=28, MinWords=12, "
    'FragmentDelimiter=" … "'
)
TITLE_HEADLINE_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=true"
#: Characters of the text that a snippet's two fragments are chosen from (migration 0007).
SNIPPET_WINDOW = 400


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
class Hit:
    """A found record as the list of results shows it; `title` and `snippet` are HTML."""

    url: str
    kind: str
    date: datetime.date
    source: str
    title: str
    snippet: str

    @property
    def date_label(self):
        """ "3. März 2024", as the date filter's "j. F Y" writes it in the active language:
        that filter took a tenth of the page's rendering for twenty hits."""
        return f"{self.date.day}. {MONTHS[self.date.month]} {self.date.year}"

    @classmethod
    def of(cls, row, title, snippet):
        """From a `HIT_FIELDS` row."""
        pk, slug, kind, date, _title, _teaser, group_kind, group_name, *organization = row
        return cls(
            url=reverse("motions_db:paper", kwargs={"pk": pk, "slug": slug}),
            kind=choice_label(Paper.Kind, kind),
            date=date,
            source=ParliamentaryGroup.line_for(group_kind, group_name, *organization),
            title=title,
            snippet=snippet,
        )


#: What a hit shows of its paper (`Hit.of`), as ORM paths and in SQL (PostgresBackend.hits).
HIT_FIELDS = (
    "pk",
    "slug",
    "kind",
    "date",
    "title",
    "teaser",
    "group__kind",
    "group__name",
    "group__organization__kind",
    "group__organization__name",
)
HIT_COLUMNS_SQL = "p.id, p.slug, p.kind, p.date, p.title, p.teaser, g.kind, g.name, o.kind, o.name"


@dataclass
class Results:
    total: int
    #: {facet: {value: count}}, values as the addresses spell them (`FacetIndex.counts`).
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
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

    @cached_property
    def index(self) -> FacetIndex:
        return facet_index(self.request)

    @cached_property
    def matches(self):
        """The matching records' slots in the facet index, as a mask."""
        if self.query:
            found = self.index.of_papers(self.backend.matching_ids(self.query))
        else:
            found = self.index.everything()
        return self.index.narrowed(found, self.filters)

    @cached_property
    def results(self) -> Results:
        total = int(self.matches.sum())
        return Results(
            total=total,
            facets=self.index.counts(self.matches) if self.facets else {},
            ranked_exactly=self.by_date or total <= RANK_EXACTLY_UP_TO,
        )

    def count(self):
        """What the paginator may page through: never more than MAX_PAGES pages."""
        return min(self.results.total, MAX_PAGES * RESULTS_PER_PAGE)

    def __len__(self):
        return self.count()

    def __getitem__(self, page_slice):
        """The hits of one page; the paginator asks with a slice (0:0 when nothing matched)."""
        offset = page_slice.start or 0
        stop = offset + RESULTS_PER_PAGE if page_slice.stop is None else page_slice.stop
        limit = stop - offset
        if limit <= 0:
            # Nothing to rank or to show: no statements.
            return []
        if self.by_date:
            ids = self.index.page(self.matches, offset, limit)
        elif self.results.ranked_exactly and self.backend.ranks_exactly:
            matches = self.index.paper_ids_of(self.matches)
            ids = self.backend.ranked_ids(self.query, matches, offset=offset, limit=limit)
        else:
            in_title = self.index.of_papers(self.backend.matching_ids(self.query, in_title=True))
            ids = self.index.page(self.matches, offset, limit, first=in_title)
        return self.backend.hits(self, ids)


# Both backends' hits are of published papers only: the facet index may be a moment older
# than an unpublishing.


class PostgresBackend:
    #: ts_rank over the full vectors; SQLite orders by "title first" only.
    ranks_exactly = True

    def _tsquery(self, query: Query, *, with_pairs=False):
        """The query as a tsquery expression in SQL, every word a bound parameter.

        `with_pairs`: a phrase also asks for the terms of its pairs of neighbouring words with
        a stop word (text.py), so the index narrows the records to check position by position;
        a phrase of two such words is its pair's term alone, which the index answers without
        reading any record ("der Rat" in a fifth of the archive: 4 ms instead of 115).
        Only for finding the matches: the ranking and the snippets look at the words alone.
        """
        params = []

        def term_sql(term, *, narrowed=False):
            if term.phrase:
                pairs = phrase_pairs(term.words) if narrowed else []
                if len(term.words) == 2 and pairs:
                    params.extend(pairs[0])
                    return pair_term_sql()
                params.append(" ".join(term.words))
                for pair in pairs:
                    params.extend(pair)
                sql = f"phraseto_tsquery('{SEARCH_CONFIG}', %s)"
                return " && ".join([sql, *[pair_term_sql()] * len(pairs)])
            forms = query_forms(term.words[0])
            params.extend(forms)
            return "(" + " || ".join([f"plainto_tsquery('{SEARCH_CONFIG}', %s)"] * len(forms)) + ")"

        parts = [
            "(" + " || ".join(f"({term_sql(term, narrowed=with_pairs)})" for term in clause) + ")"
            for clause in query.clauses
        ]
        parts += [f"!!({term_sql(term)})" for term in query.excluded]
        return " && ".join(parts), params

    def matching_ids(self, query: Query, *, in_title=False):
        """The ids of the records that match, packed by PostgreSQL into one bytea (a function
        of migration 0007, which also keeps the planner on the GIN index)."""
        expression, params = self._tsquery(query, with_pairs=not in_title)
        function = "motions_db_title_matching_ids" if in_title else "motions_db_matching_ids"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {function}({expression})", params)
            packed = cursor.fetchone()[0]
        return np.frombuffer(packed or b"", dtype=">i4").astype(np.int64)

    def ranked_ids(self, query, paper_ids, *, offset, limit):
        expression, params = self._tsquery(query)
        sql = f"SELECT * FROM motions_db_ranked_ids(%s, {expression}, '{RANK_WEIGHTS}', %s, %s)"
        with connection.cursor() as cursor:
            cursor.execute(sql, [paper_ids, *params, limit, offset])
            return [row[0] for row in cursor.fetchall()]

    def hits(self, search, ids):
        if not search.query or not search.facets:
            # Browsing, or the site search's group (which shows the teaser): nothing to mark.
            return _plain_hits(ids)
        expression, params = self._tsquery(search.query)
        marks = MARK_START + MARK_END
        sql = f"""
            WITH q AS (SELECT {expression} AS query)
            SELECT {HIT_COLUMNS_SQL},
                ts_headline('{SEARCH_CONFIG}', translate(p.title, %s, ''), q.query, %s),
                ts_headline(
                    '{SEARCH_CONFIG}',
                    translate(motions_db_snippet_window(t.snippet_source, %s, %s), %s, ''),
                    q.query,
                    %s
                )
            FROM motions_db_paper p
            JOIN motions_db_parliamentarygroup g ON g.id = p.group_id
            JOIN motions_db_organization o ON o.id = g.organization_id
            LEFT JOIN motions_db_searchtext t ON t.paper_id = p.id, q
            WHERE p.id = ANY(%s) AND p.live
        """
        with connection.cursor() as cursor:
            cursor.execute(
                sql,
                [
                    *params,
                    marks,
                    TITLE_HEADLINE_OPTIONS,
                    _window_words(search.query),
                    SNIPPET_WINDOW,
                    marks,
                    HEADLINE_OPTIONS,
                    ids,
                ],
            )
            rows = {row[0]: row for row in cursor.fetchall()}
        hits = []
        for pk in ids:
            if pk not in rows:
                continue
            *fields, title, snippet = rows[pk]
            teaser = fields[5]
            snippet = refine(snippet or "", search.query)
            if MARK_START not in snippet and teaser:
                # As the statement does for the title and the text: no marks of our own.
                snippet = refine(without_marks(teaser), search.query)
            title = refine(title or fields[4], search.query)
            hits.append(Hit.of(fields, _marked(title), _marked(snippet)))
        return hits


def _window_words(query: Query):
    """What the snippet's window looks for (migration 0007): the beginning of each word as
    typed, lower-case and capitalised, so "Mieten" finds "Miete" and "Gebühren" finds
    "Kitagebühren"; a form only the stemmer matches ("Häuser", "Haus") leaves the text's start."""
    beginnings = {word[: max(4, len(word) - 2)] for word in query.words}
    return sorted({form for word in beginnings for form in (word, word.capitalize())})


class SimpleBackend:
    """SQLite (the quick start): substring matching on the same narrow table."""

    ranks_exactly = False

    def matching_ids(self, query: Query, *, in_title=False):
        entries = SearchEntry.objects.all()
        for clause in query.clauses:
            entries = entries.filter(_any_of(clause))
        for term in query.excluded:
            entries = entries.exclude(_any_of([term]))
        if in_title:
            # Relevance, simply: a title that holds one of the words comes first.
            title_holds_a_word = Q()
            for word in query.words:
                title_holds_a_word |= Q(paper__title__icontains=word)
            entries = entries.filter(title_holds_a_word)
        return np.array(entries.values_list("paper_id", flat=True), dtype=np.int64)

    def hits(self, search, ids):
        if not search.query or not search.facets:
            return _plain_hits(ids)
        # With the text: the snippets are cut from it here (a few hundred records at most).
        rows = {
            row[0]: row
            for row in Paper.objects.published().filter(pk__in=ids).values_list(*HIT_FIELDS, "text")
        }
        words = search.query.words
        hits = []
        for pk in ids:
            if pk in rows:
                *fields, text = rows[pk]
                title, teaser = fields[4], fields[5]
                snippet = _excerpt(teaser, text, words)
                hits.append(
                    Hit.of(
                        fields, _highlight(title, search.query), _highlight(snippet, search.query)
                    )
                )
        return hits


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


def _plain_hits(ids):
    """The hits of these papers with their titles and teasers as they are."""
    rows = {
        row[0]: row for row in Paper.objects.published().filter(pk__in=ids).values_list(*HIT_FIELDS)
    }
    return [Hit.of(rows[pk], escape(rows[pk][4]), escape(rows[pk][5])) for pk in ids if pk in rows]


def _marked(text):
    return mark_safe(escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def _excerpt(teaser, full_text, words, width=240):
    text = teaser or full_text
    lowered = text.lower()
    positions = [lowered.find(word) for word in words if lowered.find(word) >= 0]
    if not positions and full_text:
        text, lowered = full_text, full_text.lower()
        positions = [lowered.find(word) for word in words if lowered.find(word) >= 0]
    if not positions:
        return teaser
    start = max(0, min(positions) - width // 3)
    excerpt = text[start : start + width]
    return ("… " if start else "") + excerpt + (" …" if start + width < len(text) else "")


def _highlight(text, query):
    """SQLite's marks: each of the query's words wherever the text holds it, inside other words
    too ("Kita[gebühren]"), but a stop word only as a word of its own and, as on PostgreSQL,
    only where its phrase stands (`highlight.refine`)."""
    text = without_marks(text)
    lowered = text.lower()
    spans = []
    for word in {word for word in query.words if word}:
        if word in STOP_WORDS:
            whole_word = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
            spans += [found.span() for found in whole_word.finditer(lowered)]
            continue
        start = lowered.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = lowered.find(word, start + len(word))
    result, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        result.append(text[last:start] + MARK_START + text[start:end] + MARK_END)
        last = end
    result.append(text[last:])
    return _marked(refine("".join(result), query))


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
