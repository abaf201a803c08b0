"""The search table's facet columns in each process's memory, as NumPy arrays.

PostgreSQL's GIN index answers which records hold the words; what has to look at every one of
those matches is done here: the filters, the total, the six facets' counts and the order by
date or "title first". For a word in nine of ten records of 100,000 that is 88,000 matches:
PostgreSQL's executor needs over 100 ms to count them by facet, NumPy about a millisecond
(bench/datenbank_search.py). The arrays are loaded once per generation (a change of content
anywhere starts one) per process: about 60 ms for 100,000 records on PostgreSQL.

A record's *slot* is its position in the arrays: the newest record first, as the search's
"neueste zuerst" orders them, so sorting by date is reading the slots in order.
"""

import datetime
from dataclasses import dataclass

import numpy as np
from django.db import connection

from kopofo.caching.services import per_generation

from .models import AdministrativeRegion, Paper, ParliamentaryGroup, SearchEntry

#: Small integer codes of the kinds and regions; 0 is "none of these".
KINDS = ("", *Paper.Kind.values)
REGIONS = ("", *AdministrativeRegion.values)
EPOCH = datetime.date(1970, 1, 1)
#: The region filter's value for all of the Ruhrgebiet (the others are Regierungsbezirke).
RUHR_AREA = "ruhrgebiet"


@dataclass(frozen=True, eq=False)
class FacetIndex:
    paper_ids: np.ndarray
    kind: np.ndarray
    #: Days since 1970-01-01.
    day: np.ndarray
    year: np.ndarray
    body: np.ndarray
    #: The Kreis or kreisfreie Stadt, 0 for none.
    district: np.ndarray
    group: np.ndarray
    #: The Fraktion's name as a code into `group_names`: the facet lists names, and one name
    #: ("DIE LINKE.") stands for hundreds of Fraktionen, one per Gremium.
    group_name: np.ndarray
    group_names: tuple[str, ...]
    region: np.ndarray
    ruhr_area: np.ndarray
    #: The Themen as pairs: slot `topic_slots[i]` has Thema `topic_ids[i]`, ordered by slot.
    topic_slots: np.ndarray
    topic_ids: np.ndarray
    #: Where each slot's Themen begin in the pairs (one more entry than slots).
    topic_start: np.ndarray
    #: Indexed by paper id: its slot, or -1.
    slot_of: np.ndarray

    @classmethod
    def build(cls, columns, topic_pairs, group_names_by_id):
        """From unordered columns (a dict of arrays), (paper id, topic id) arrays and the
        Fraktionen's names by id."""
        order = np.lexsort((-columns["paper_ids"], -columns["day"]))
        ordered = {name: values[order] for name, values in columns.items()}
        paper_ids = ordered["paper_ids"]
        slot_of = np.full(int(paper_ids.max(initial=0)) + 1, -1, dtype=np.int32)
        slot_of[paper_ids] = np.arange(len(paper_ids), dtype=np.int32)
        pair_papers, pair_topics = topic_pairs
        # The two statements of `_columns_from_postgresql` may see different commits: a record
        # indexed in between has Themen but no slot, and is left out until the next load.
        in_range = pair_papers < len(slot_of)
        pair_papers, pair_topics = pair_papers[in_range], pair_topics[in_range]
        pair_slots = slot_of[pair_papers]
        known = pair_slots >= 0
        # Ordered by slot, so a slot's Themen are one run: `topic_start[slot]` up to
        # `topic_start[slot + 1]`.
        by_slot = np.argsort(pair_slots[known], kind="stable")
        topic_slots, topic_ids = pair_slots[known][by_slot], pair_topics[known][by_slot]
        day = ordered["day"]
        group_names = tuple(sorted(set(group_names_by_id.values())))
        code_of_name = {name: code for code, name in enumerate(group_names)}
        # A Fraktion made between reading the columns and the names has the code past the
        # last name, and the facet leaves it out until the next load.
        unknown = len(group_names)
        name_code_of_group = np.full(max(group_names_by_id, default=0) + 1, unknown)
        for pk, name in group_names_by_id.items():
            name_code_of_group[pk] = code_of_name[name]
        groups = ordered["group"]
        named = groups < len(name_code_of_group)
        group_name = np.where(named, name_code_of_group[np.where(named, groups, 0)], unknown)
        return cls(
            **ordered,
            group_name=group_name,
            group_names=group_names,
            year=(day.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970),
            topic_slots=topic_slots,
            topic_ids=topic_ids,
            topic_start=np.searchsorted(topic_slots, np.arange(len(paper_ids) + 1)),
            slot_of=slot_of,
        )

    def __len__(self):
        return len(self.paper_ids)

    def everything(self):
        return np.ones(len(self), dtype=bool)

    def of_papers(self, paper_ids):
        """The slots of these papers, as a mask; papers not in the arrays are left out."""
        mask = np.zeros(len(self), dtype=bool)
        paper_ids = np.asarray(paper_ids, dtype=np.int64)
        paper_ids = paper_ids[paper_ids < len(self.slot_of)]
        slots = self.slot_of[paper_ids]
        mask[slots[slots >= 0]] = True
        return mask

    def narrowed(self, mask, filters):
        """The mask without what the filters (`finder.Filters`) leave out."""
        if filters.kind:
            mask &= self.kind == _code(KINDS, filters.kind)
        if filters.topic_id:
            with_topic = np.zeros(len(self), dtype=bool)
            with_topic[self.topic_slots[self.topic_ids == filters.topic_id]] = True
            mask &= with_topic
        if filters.body_id:
            mask &= self.body == filters.body_id
        if filters.district_id:
            mask &= self.district == filters.district_id
        if filters.region == RUHR_AREA:
            mask &= self.ruhr_area
        elif filters.region:
            mask &= self.region == _code(REGIONS, filters.region)
        if filters.group_ids:
            mask &= np.isin(self.group, filters.group_ids)
        if filters.date_from:
            mask &= self.day >= (filters.date_from - EPOCH).days
        if filters.date_to:
            mask &= self.day <= (filters.date_to - EPOCH).days
        return mask

    def counts(self, mask):
        """{facet: {value: count}} over the masked slots, values as the addresses spell them."""
        # The slots once, not a mask per column: half the time for a common word.
        slots = np.flatnonzero(mask)
        kinds = np.bincount(self.kind[slots], minlength=len(KINDS))
        return {
            "kind": {KINDS[code]: int(n) for code, n in enumerate(kinds) if n and code},
            "year": _counted(self.year[slots]),
            "body": _counted(self.body[slots]),
            "district": _counted(self.district[slots]),
            "group": _named(self.group_name[slots], self.group_names),
            "topic": _counted(self._topics_of(slots, mask)),
        }

    def _topics_of(self, slots, mask):
        """The Themen of these slots, one entry per pair."""
        if len(slots) * 8 > len(self):
            # Many matches: one pass over all pairs.
            return self.topic_ids[mask[self.topic_slots]]
        # Few: each slot's run of pairs, without reading the others (a rare word: 10 times
        # faster).
        starts = self.topic_start[slots]
        lengths = self.topic_start[slots + 1] - starts
        run_offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        return self.topic_ids[run_offsets + np.arange(lengths.sum())]

    def page(self, mask, offset, limit, *, first=None):
        """The paper ids of one page: newest first, or those in `first` before the others."""
        if first is None:
            slots = np.flatnonzero(mask)
        else:
            slots = np.concatenate([np.flatnonzero(mask & first), np.flatnonzero(mask & ~first)])
        return self.paper_ids[slots[offset : offset + limit]].tolist()

    def paper_ids_of(self, mask):
        return self.paper_ids[mask].tolist()


def _code(codes, value):
    return codes.index(value) if value in codes else -1


def _counted(values):
    """{str(value): count} of the values other than 0 (ids and years are never 0)."""
    counts = np.bincount(values) if len(values) else np.zeros(0, dtype=np.int64)
    present = np.flatnonzero(counts)
    return {str(value): int(counts[value]) for value in present if value}


def _named(codes, names):
    """{name: count} of codes into `names` (a code past them is left out)."""
    counts = np.bincount(codes, minlength=len(names)) if len(codes) else np.zeros(0, np.int64)
    return {names[code]: int(counts[code]) for code in np.flatnonzero(counts[: len(names)])}


def facet_index(request=None):
    return per_generation(request, "motions_db.facet_index", load)


def load():
    if connection.vendor == "postgresql":
        columns, topic_pairs = _columns_from_postgresql()
    else:
        columns, topic_pairs = _columns_from_orm()
    group_names = dict(ParliamentaryGroup.objects.values_list("pk", "name"))
    return FacetIndex.build(columns, topic_pairs, group_names)


#: One row with a column each: every value packed into a bytea, which NumPy reads in one go
#: (a hundred thousand rows read as Python tuples take four times as long). The aggregates of
#: one statement read the same rows in the same order.
_COLUMNS_SQL = """
SELECT
    string_agg(int4send(paper_id::int4), ''),
    string_agg(int4send(date - DATE '1970-01-01'), ''),
    string_agg(int2send(coalesce(array_position(%(kinds)s::text[], kind::text), 0)::int2), ''),
    string_agg(int4send(body_id::int4), ''),
    string_agg(int4send(coalesce(district_id, 0)::int4), ''),
    string_agg(int4send(group_id::int4), ''),
    string_agg(int2send(coalesce(
        array_position(%(regions)s::text[], administrative_region::text), 0)::int2), ''),
    string_agg(int2send(ruhr_area::int::int2), '')
FROM motions_db_searchentry
"""
_TOPICS_SQL = """
SELECT string_agg(int4send(paper_id::int4), ''), string_agg(int4send(topic), '')
FROM motions_db_searchentry, unnest(topic_ids) AS topic
"""
_NAMES = ("paper_ids", "day", "kind", "body", "district", "group", "region", "ruhr_area")
_TYPES = (">i4", ">i4", ">i2", ">i4", ">i4", ">i4", ">i2", ">i2")


def _columns_from_postgresql():
    with connection.cursor() as cursor:
        cursor.execute(_COLUMNS_SQL, {"kinds": list(KINDS[1:]), "regions": list(REGIONS[1:])})
        packed = cursor.fetchone()
        cursor.execute(_TOPICS_SQL)
        topic_papers, topic_ids = cursor.fetchone()
    columns = {
        name: np.frombuffer(value or b"", dtype=dtype).astype(np.int64)
        for name, dtype, value in zip(_NAMES, _TYPES, packed, strict=True)
    }
    columns["ruhr_area"] = columns["ruhr_area"].astype(bool)
    return columns, (
        np.frombuffer(topic_papers or b"", dtype=">i4").astype(np.int64),
        np.frombuffer(topic_ids or b"", dtype=">i4").astype(np.int64),
    )


def _columns_from_orm():
    """SQLite (the quick start, a few hundred records)."""
    rows = list(
        SearchEntry.objects.values_list(
            "paper_id",
            "date",
            "kind",
            "body_id",
            "district_id",
            "group_id",
            "administrative_region",
            "ruhr_area",
            "topic_ids",
        )
    )
    columns = {
        "paper_ids": [row[0] for row in rows],
        "day": [(row[1] - EPOCH).days for row in rows],
        "kind": [max(_code(KINDS, row[2]), 0) for row in rows],
        "body": [row[3] for row in rows],
        "district": [row[4] or 0 for row in rows],
        "group": [row[5] for row in rows],
        "region": [max(_code(REGIONS, row[6]), 0) for row in rows],
    }
    columns = {name: np.array(values, dtype=np.int64) for name, values in columns.items()}
    columns["ruhr_area"] = np.array([row[7] for row in rows], dtype=bool)
    pairs = [(row[0], topic) for row in rows for topic in row[8]]
    return columns, (
        np.array([paper for paper, _ in pairs], dtype=np.int64),
        np.array([topic for _, topic in pairs], dtype=np.int64),
    )
