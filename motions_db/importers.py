"""The Datenbank's import: records from JSON Lines or CSV, matched by their external id.

Rows are read and checked one by one (a bad row is reported with its line number and skipped),
then written in chunks: one query finds the chunk's existing papers, new ones are copied in
(`_insert`), changed ones `bulk_update`d, their Themen written through the many-to-many table in
bulk, and the search entries of exactly the new and changed papers written (on PostgreSQL in
two other processes, beside the next chunks): a new paper's from the values at hand
(`indexing.index_documents`), a changed one's read back with its attachments
(`indexing.reindex`). A row that equals what is stored is not written at all, so a second run
of the same file changes nothing, not even `updated_at`. The columns are described in the
README.
"""

import csv
import datetime
import json
import multiprocessing
from collections import deque
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from kopofo.caching.services import invalidate, invalidation_held
from kopofo.pages.slugs import german_slugify
from kopofo.topics.models import Topic

from . import indexing, indexing_processes, nrw
from .models import Body, Organization, Paper, ParliamentaryGroup, SearchEntry

CHUNK_SIZE = 500
#: Processes that index committed chunks while the import goes on (PostgreSQL only).
INDEXING_PROCESSES = 2

COLUMNS = (
    "external_id",
    "kind",
    "title",
    "date",
    "reference",
    "teaser",
    "text",
    "topics",
    "body",
    "organization",
    "group",
    "group_kind",
    "authors",
    "outcome",
    "source_url",
    "legacy_slug",
    "published",
)
DEFAULT_GROUP = "DIE LINKE."

#: The paper's fields an import sets, in the order they are compared.
FIELDS = (
    "kind",
    "title",
    "date",
    "reference",
    "teaser",
    "text",
    "organization_id",
    "group_id",
    "authors",
    "outcome",
    "source_url",
    "legacy_slug",
    "live",
)

_TRUE = {"true", "1", "ja", "yes", "wahr", ""}
_FALSE = {"false", "0", "nein", "no", "falsch"}


def _choice_lookup(choices):
    """Value or label, any case: "antrag", "Antrag", "Änderungsantrag", "aenderungsantrag"."""
    lookup = {}
    for value, label in choices:
        lookup[value.casefold()] = value
        lookup[str(label).casefold()] = value
    return lookup


KINDS = _choice_lookup(Paper.Kind.choices)
OUTCOMES = _choice_lookup(Paper.Outcome.choices)
GROUP_KINDS = _choice_lookup(ParliamentaryGroup.Kind.choices)


def _max_length(model, name):
    return model._meta.get_field(name).max_length


class RowError(Exception):
    pass


@dataclass
class Row:
    """One checked row: the paper's values and the names it refers to."""

    line: int
    external_id: str
    values: dict
    topics: list
    body: str
    organization: str
    group: str
    group_kind: str


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)
    #: Kommunen the facts don't know, created as Gemeinde for staff to check.
    unknown_bodies: list = field(default_factory=list)

    @property
    def failed(self):
        return len(self.errors)

    @property
    def summary(self):
        return (
            f"{self.created} neu, {self.updated} geändert, {self.unchanged} unverändert, "
            f"{self.failed} fehlerhaft"
        )


# --- reading ---------------------------------------------------------------------------------


def detect_format(path):
    return "csv" if str(path).lower().endswith(".csv") else "jsonl"


def count_records(path, file_format):
    """How many records the file holds, for the progress bar's total."""
    with open(path, encoding="utf-8-sig", newline="") as stream:
        if file_format == "csv":
            return max(sum(1 for _ in csv.reader(stream)) - 1, 0)
        return sum(1 for line in stream if line.strip())


def read_records(path, file_format):
    """(line number, dict or RowError) for each record; the line is where the record starts."""
    with open(path, encoding="utf-8-sig", newline="") as stream:
        if file_format == "csv":
            yield from _read_csv(stream)
        else:
            yield from _read_jsonl(stream)


def _read_jsonl(stream):
    for line_number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            yield line_number, RowError("ist kein gültiges JSON")
            continue
        if not isinstance(record, dict):
            yield line_number, RowError("ist kein JSON-Objekt")
            continue
        yield line_number, record


def _read_csv(stream):
    reader = csv.DictReader(stream)
    start = 2  # the header is line 1
    for record in reader:
        if None in record:
            yield start, RowError("hat mehr Spalten als die Kopfzeile")
        else:
            yield start, record
        # A quoted value may run over several lines; the next record starts after them.
        start = reader.line_num + 1


# --- checking --------------------------------------------------------------------------------


def _text(record, name, *, limit=None, label=None, required=False):
    value = record.get(name)
    if value is None:
        value = ""
    elif not isinstance(value, str):
        value = str(value) if isinstance(value, int | float) else json.dumps(value)
    # PostgreSQL can't store NUL in text; exports of old systems sometimes carry it.
    value = value.replace("\x00", "").strip()
    if required and not value:
        raise RowError(f"{label} fehlt")
    if limit and len(value) > limit:
        raise RowError(f"{label} ist zu lang ({len(value)} Zeichen, höchstens {limit})")
    return value


def _date(value):
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise RowError(f"Datum „{value}“ ist ungültig")


def _choice(value, lookup, label, default=""):
    if not value:
        return default
    try:
        return lookup[value.casefold()]
    except KeyError:
        raise RowError(f"{label} „{value}“ ist unbekannt") from None


def _published(value):
    if value.casefold() in _TRUE:
        return True
    if value.casefold() in _FALSE:
        return False
    raise RowError(f"published „{value}“ ist weder true noch false")


def _legacy_slug(value):
    """The old address's last part: "…/detail-anfragen/news/<slug>/" or the slug alone."""
    return value.strip("/").rsplit("/", 1)[-1]


def _url(value):
    if value and not value.startswith(("http://", "https://")):
        raise RowError(f"Adresse „{value[:80]}“ ist keine http(s)-Adresse")
    return value


def check(line, record):
    """The row's values, or RowError with a German message."""

    def value(name, label, model=Paper, model_field=None, required=False):
        limit = _max_length(model, model_field) if model_field else None
        return _text(record, name, limit=limit, label=label, required=required)

    topics = [" ".join(name.split()) for name in value("topics", "Themen").split(";")]
    topics = [name for name in topics if name]
    topic_limit = _max_length(Topic, "name")
    for name in topics:
        if len(name) > topic_limit:
            raise RowError(f"Thema „{name[:40]}…“ ist zu lang (höchstens {topic_limit} Zeichen)")
    values = {
        "kind": _choice(value("kind", "Art", required=True), KINDS, "Art"),
        "title": value("title", "Titel", model_field="title", required=True),
        "date": _date(value("date", "Datum", required=True)),
        "reference": value("reference", "Drucksache", model_field="reference"),
        "teaser": value("teaser", "Anreißer", model_field="teaser"),
        "text": value("text", "Volltext"),
        "authors": value("authors", "Verfasst von", model_field="authors"),
        "outcome": _choice(value("outcome", "Ergebnis"), OUTCOMES, "Ergebnis"),
        "source_url": _url(value("source_url", "Quelle", model_field="source_url")),
        "legacy_slug": _legacy_slug(value("legacy_slug", "Alte Adresse", model_field="legacy_slug"))
        or None,
        "live": _published(value("published", "published")),
    }
    return Row(
        line=line,
        external_id=value("external_id", "external_id", model_field="external_id", required=True),
        values=values,
        topics=topics,
        body=value("body", "Kommune", Body, "name", required=True),
        organization=value("organization", "Gremium", Organization, "name"),
        group=value("group", "Fraktion", ParliamentaryGroup, "name") or DEFAULT_GROUP,
        group_kind=_choice(
            value("group_kind", "Art der Fraktion"),
            GROUP_KINDS,
            "Art der Fraktion",
            default=ParliamentaryGroup.Kind.FRAKTION,
        ),
    )


# --- writing ---------------------------------------------------------------------------------


class Importer:
    """One run over one file; keeps what it looked up (Kommunen, Gremien, Fraktionen, Themen)."""

    def __init__(self):
        self.result = ImportResult()
        # All of them at once: a few thousand rows, and one query each instead of one per name.
        self.bodies = {body.name: body for body in Body.objects.all()}
        self.organizations = {
            (organization.body_id, organization.name): organization
            for organization in Organization.objects.all()
        }
        self.groups = {
            (group.organization_id, group.kind, group.name): group
            for group in ParliamentaryGroup.objects.all()
        }
        self.topics = {topic.name.casefold(): topic for topic in Topic.objects.all()}
        #: What is newer than these was made by this import (or beside it).
        self.last_pk_before = {
            model: max((each.pk for each in known.values()), default=0)
            for model, known in [
                (Body, self.bodies),
                (Organization, self.organizations),
                (ParliamentaryGroup, self.groups),
                (Topic, self.topics),
            ]
        }
        #: The models of which this import made one or more.
        self.made = set()
        self.seen_ids = {}
        self.seen_slugs = {}

    def run(self, records, *, progress=None):
        """Import `records` ((line, dict) pairs); returns the ImportResult."""
        # Outside a transaction on PostgreSQL each chunk commits by itself, and other
        # processes index the committed chunks while this one writes the next: PostgreSQL's
        # to_tsvector and Python's compound splitting then run side by side. Inside a
        # transaction (a dry run, a test) other connections couldn't see the rows yet.
        background = (
            INDEXING_PROCESSES > 0
            and connection.vendor == "postgresql"
            and not connection.in_atomic_block
        )
        with ExitStack() as stack:
            self.pool, self.pending = None, deque()
            chunk = []
            for line, record in records:
                row = self._checked(line, record)
                if row:
                    chunk.append(row)
                if len(chunk) >= CHUNK_SIZE:
                    # A full chunk, and maybe more to come: worth starting the processes.
                    if background and self.pool is None:
                        self.pool = stack.enter_context(_indexing_processes())
                    self._write(chunk)
                    chunk = []
                if progress:
                    progress.update(1)
            if chunk:
                self._write(chunk)
            while self.pending:
                self.pending.popleft().get()
        return self.result

    def index_references_of_new_names(self):
        """Have the worker enter the names this import made into Wagtail's reference index
        (the admin's "Verwendung"), which the import saved them without."""
        from .tasks import index_references

        for model in self.made:
            if ReferenceIndex.is_indexed(model):
                index_references.enqueue(model._meta.label, self.last_pk_before[model])

    def _error(self, line, message):
        self.result.errors.append(f"Zeile {line}: {message}")

    def _checked(self, line, record):
        try:
            if isinstance(record, RowError):
                raise record
            row = check(line, record)
            first = self.seen_ids.setdefault(row.external_id, line)
            if first != line:
                raise RowError(f"external_id „{row.external_id}“ stand schon in Zeile {first}")
            slug = row.values["legacy_slug"]
            if slug:
                first = self.seen_slugs.setdefault(slug, line)
                if first != line:
                    raise RowError(f"Alte Adresse „{slug}“ stand schon in Zeile {first}")
        except RowError as error:
            self._error(line, error)
            return None
        return row

    # Names to objects, made when missing (there are few, so one by one is fine).

    def _body(self, name):
        key = nrw.canonical_name(name)
        if key not in self.bodies:
            body, created, known = nrw.get_or_create_body(name)
            if created:
                self.made.add(Body)
            if created and not known:
                self.result.unknown_bodies.append(body.name)
            self.bodies[key] = body
        return self.bodies[key]

    def _organization(self, body, name):
        key = (body.pk, name or nrw.council_name(body))
        if key not in self.organizations:
            self.organizations[key] = nrw.get_or_create_organization(body, name)
            self.made.add(Organization)
        return self.organizations[key]

    def _group(self, organization, kind, name):
        key = (organization.pk, kind, name)
        if key not in self.groups:
            self.groups[key] = ParliamentaryGroup.objects.create(
                organization=organization, kind=kind, name=name
            )
            self.made.add(ParliamentaryGroup)
        return self.groups[key]

    def _topic(self, name):
        key = name.casefold()
        if key not in self.topics:
            self.topics[key] = Topic.objects.create(name=name, slug=_free_topic_slug(name))
            self.made.add(Topic)
        return self.topics[key]

    def _write(self, chunk):
        with transaction.atomic():
            new_documents, to_reindex = self._write_chunk(chunk)
            if not self.pool:
                indexing.index_documents(new_documents)
                indexing.reindex(to_reindex, invalidate_after=False)
        if self.pool and (new_documents or to_reindex):
            # Each process has a chunk at work and one waiting, so none stands idle while this one
            # writes the next; an error there stops the import here.
            while len(self.pending) >= 2 * INDEXING_PROCESSES:
                self.pending.popleft().get()
            self.pending.append(
                self.pool.apply_async(indexing_processes.index, (new_documents, to_reindex))
            )

    def _write_chunk(self, chunk):
        existing = {
            paper.external_id: paper
            for paper in Paper.objects.filter(external_id__in=[row.external_id for row in chunk])
        }
        topics_of = {}
        through = Paper.topics.through
        for paper_id, topic_id in through.objects.filter(
            paper_id__in=[paper.pk for paper in existing.values()]
        ).values_list("paper_id", "topic_id"):
            topics_of.setdefault(paper_id, set()).add(topic_id)
        taken_slugs = dict(
            Paper.objects.filter(
                legacy_slug__in=[
                    row.values["legacy_slug"] for row in chunk if row.values["legacy_slug"]
                ]
            ).values_list("legacy_slug", "external_id")
        )

        indexed = set(
            SearchEntry.objects.filter(
                paper_id__in=[paper.pk for paper in existing.values()]
            ).values_list("paper_id", flat=True)
        )

        new, changed, unindexed = [], [], []
        now = timezone.now()
        for row in chunk:
            slug = row.values["legacy_slug"]
            if slug in taken_slugs and taken_slugs[slug] != row.external_id:
                owner = taken_slugs[slug] or "ohne external_id"
                self._error(row.line, f"Alte Adresse „{slug}“ gehört schon zum Eintrag {owner}")
                continue
            body = self._body(row.body)
            organization = self._organization(body, row.organization)
            group = self._group(organization, row.group_kind, row.group)
            values = {**row.values, "organization_id": organization.pk, "group_id": group.pk}
            topic_ids = {self._topic(name).pk for name in row.topics}
            paper = existing.get(row.external_id)
            if paper is None:
                values.update(external_id=row.external_id, slug=Paper.slug_for(values["title"]))
                new.append((values, topic_ids, body))
            elif any(getattr(paper, name) != values[name] for name in FIELDS) or topic_ids != (
                topics_of.get(paper.pk, set())
            ):
                for name in FIELDS:
                    setattr(paper, name, values[name])
                paper.updated_at = now
                changed.append((paper, topic_ids))
            else:
                self.result.unchanged += 1
                if paper.live and paper.pk not in indexed:
                    # Written by an import that stopped before its index was: complete it.
                    unindexed.append(paper.pk)

        _insert(Paper, [values for values, _, _ in new])
        new_ids = dict(
            Paper.objects.filter(
                external_id__in=[values["external_id"] for values, _, _ in new]
            ).values_list("external_id", "pk")
        )
        if changed:
            Paper.objects.bulk_update([paper for paper, _ in changed], [*FIELDS, "updated_at"])
            # Themen of changed papers are written anew: fewer queries than a diff per paper.
            through.objects.filter(paper_id__in=[paper.pk for paper, _ in changed]).delete()
        links = [
            {"paper_id": new_ids[values["external_id"]], "topic_id": topic_id}
            for values, topic_ids, _ in new
            for topic_id in topic_ids
        ]
        links += [
            {"paper_id": paper.pk, "topic_id": topic_id}
            for paper, topic_ids in changed
            for topic_id in topic_ids
        ]
        _insert(through, links)
        self.result.created += len(new)
        self.result.updated += len(changed)
        # The new papers' documents from what is at hand: the indexing need not read them back.
        new_documents = [
            _document(new_ids[values["external_id"]], values, body, topic_ids)
            for values, topic_ids, body in new
            if values["live"]
        ]
        return new_documents, [paper.pk for paper, _ in changed] + unindexed


def _insert(model, rows):
    """Insert rows (dicts of field names to values; the fields a row leaves out get their
    defaults) into the model's table.

    On PostgreSQL by COPY: `bulk_create` makes a model instance of each row, prepares every value
    in Python and has psycopg quote them into the statement; COPY's rows are formatted by
    psycopg's C code, and the importing process's CPU time for 100,000 new records went from 53
    to 32 s (bench/motions_db.py). No signal is sent, as with `bulk_create`.
    """
    if not rows:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(model(**row) for row in rows)
        return
    now = timezone.now()
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]

    def default(field):
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return now
        # A callable default (a new uuid, say) is called for each row, as model instances do.
        return field.get_default if callable(field.default) else field.get_default()

    defaults = {field.attname: default(field) for field in fields}

    def value(row, field):
        if field.attname in row:
            return row[field.attname]
        fallback = defaults[field.attname]
        return fallback() if callable(fallback) else fallback

    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(
                [field.get_db_prep_save(value(row, field), connection) for field in fields]
            )


def _document(paper_id, values, body, topic_ids):
    """What the index needs of a new paper, from the values the import just wrote."""
    return indexing.Document(
        paper_id=paper_id,
        kind=values["kind"],
        date=values["date"],
        body_id=body.pk,
        district_id=Body.district_id_for_search(body.pk, body.kind, body.district_id),
        administrative_region=body.administrative_region,
        ruhr_area=body.ruhr_area,
        group_id=values["group_id"],
        topic_ids=sorted(topic_ids),
        title=values["title"],
        text=f"{values['teaser']}\n{values['text']}",
    )


@contextmanager
def _indexing_processes():
    """Processes of their own for indexing, each with its own connection.

    Not threads: half of indexing is Python (compound splitting, word pairs), and threads took
    turns with the import for one interpreter lock, leaving the second core to PostgreSQL
    alone. Started by the fork server, not forked from here: this process may run threads (a
    test runner's, a progress bar's), and a fork beside a running thread can deadlock. A new
    process sets Django up, a few seconds that a large import earns back many times over.
    """
    pool = multiprocessing.get_context("forkserver").Pool(
        INDEXING_PROCESSES,
        initializer=indexing_processes.start,
        initargs=(connection.settings_dict["NAME"],),
    )
    try:
        yield pool
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _free_topic_slug(name):
    slug = german_slugify(name)[:70] or "thema"
    candidate, number = slug, 1
    while Topic.objects.filter(slug=candidate).exists():
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def import_file(path, *, file_format=None, dry_run=False, progress=None):
    """Import the file; with `dry_run` everything is checked and counted, then rolled back."""
    file_format = file_format or detect_format(path)
    importer = Importer()
    records = read_records(path, file_format)
    # A new Kommune, Gremium, Fraktion or Thema is saved one by one, and each save would start
    # a new page-cache generation twice and update Wagtail's reference index at once: 45 ms,
    # more than the import's 100,000 records of a first run together (bench/motions_db.py).
    with invalidation_held("Datenbank-Import: neue Namen"), disable_reference_index_auto_update():
        if dry_run:
            with transaction.atomic():
                result = importer.run(records, progress=progress)
                transaction.set_rollback(True)
            return result
        # Each chunk commits by itself: an interrupted import is completed by running it
        # again. The page cache and the search's facet index learn of it once, at the end (or
        # where it stopped), not once per chunk, which would empty the page cache all along.
        try:
            result = importer.run(records, progress=progress)
        except BaseException:
            invalidate("Datenbank-Import, abgebrochen")
            raise
        finally:
            importer.index_references_of_new_names()
    if result.created or result.updated:
        from .tasks import rebuild_vocabulary

        # New words are suggested ("Meintet ihr …?") in a moment, not only after the night: by
        # the worker, as counting every record's words takes seconds the import need not wait.
        rebuild_vocabulary.enqueue()
        invalidate("Datenbank-Import")
    return result
