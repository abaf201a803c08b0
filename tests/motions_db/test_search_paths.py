"""The search's fast paths find exactly what the plain ones would.

- A phrase with a stop word is found through the index terms of its pairs of neighbouring words
  (text.index_terms): for phrases taken from generated records, the same records as
  PostgreSQL's own phrase search, word position by word position.
- The facet index in memory (facets.py) follows publishing and unpublishing at once.
- Beyond RANK_EXACTLY_UP_TO matches, title matches come first, then the newest.
"""

import datetime
import io
import random
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.template.defaultfilters import date as date_filter
from django.utils import translation
from django.utils.html import strip_tags

from motions_db import finder
from motions_db.finder import Filters, PostgresBackend, Search
from motions_db.forms import SearchState
from motions_db.generate import generate, write_jsonl
from motions_db.models import SearchEntry, SearchText
from motions_db.query import parse
from motions_db.services import set_published
from motions_db.templatetags.datenbank_tags import facet_values
from motions_db.text import STOP_WORDS
from motions_db.views import FacetLink
from tests.factories import PaperFactory

from .hits import marked_titles


def titles(client, query, **params):
    response = client.get("/datenbank/", {"q": query, **params})
    assert response.status_code == 200
    return [re.sub(r"</?mark>", "", title) for title in marked_titles(response)]


def phrase_ids_word_by_word(phrase):
    """PostgreSQL's phrase search alone, without the pair terms."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT paper_id FROM motions_db_searchtext "
            "WHERE vector @@ phraseto_tsquery('kopofo_german', %s)",
            [phrase],
        )
        return sorted(row[0] for row in cursor.fetchall())


#: Words as a visitor copies them, a hyphenated one whole.
COPIED_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def phrases_from(texts, count, *, seed):
    """Runs of two and three neighbouring words with a stop word, as they stand in the texts.

    Not across a hyphenated word: PostgreSQL gives "Ennepe-Ruhr-Kreis" a position of its own
    before its parts', so "im Ennepe" is no phrase for it, while the pair term finds it.
    """
    chosen = random.Random(seed)
    runs = set()
    for text in texts:
        tokens = COPIED_WORD.findall(text.lower())
        for start in range(len(tokens) - 2):
            for length in (2, 3):
                run = tokens[start : start + length]
                if all(token.isalpha() for token in run) and STOP_WORDS & set(run):
                    runs.add(" ".join(run))
    return chosen.sample(sorted(runs), min(count, len(runs)))


@pytest.mark.postgres
@pytest.mark.django_db
def test_phrases_with_stop_words_find_the_same_records_as_the_word_by_word_search(tmp_path):
    path = tmp_path / "papers.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        write_jsonl(generate(300, seed=7), stream)
    call_command("import_papers", str(path), "--no-progress", stdout=io.StringIO())
    texts = SearchText.objects.values_list("snippet_source", flat=True)
    phrases = phrases_from(texts, 120, seed=1)
    assert len(phrases) == 120

    backend = PostgresBackend()
    differing = {
        phrase: (found, expected)
        for phrase in phrases
        if (found := sorted(backend.matching_ids(parse(f'"{phrase}"')).tolist()))
        != (expected := phrase_ids_word_by_word(phrase))
    }

    assert differing == {}
    # Not a trivial agreement: the phrases were found, and not everywhere.
    counts = [len(phrase_ids_word_by_word(phrase)) for phrase in phrases]
    assert min(counts) >= 1
    assert sum(count < 300 for count in counts) > 60


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_phrase_pair_finds_other_forms_and_keeps_its_order(client, home, bochum):
    PaperFactory(group=bochum, title="Der Rat der Stadt beschließt", teaser="", text="")
    PaperFactory(group=bochum, title="Beschluss der Räte im Bezirk", teaser="", text="")
    PaperFactory(group=bochum, title="Im Rat, der heute tagt", teaser="", text="")
    PaperFactory(group=bochum, title="Rat und Verwaltung der Stadt", teaser="", text="")

    assert sorted(titles(client, '"der Rat"')) == [
        "Beschluss der Räte im Bezirk",
        "Der Rat der Stadt beschließt",
    ]
    assert sorted(titles(client, '"Rat der"')) == [
        "Der Rat der Stadt beschließt",
        "Im Rat, der heute tagt",
    ]


@pytest.mark.django_db
def test_the_search_follows_publishing_and_unpublishing_at_once(
    client, home, bochum, django_capture_on_commit_callbacks
):
    shown = PaperFactory(group=bochum, title="Schwimmbad Nord erhalten")
    hidden = PaperFactory(group=bochum, title="Schwimmbad Süd erhalten", live=False)
    assert titles(client, "Schwimmbad") == ["Schwimmbad Nord erhalten"]
    assert titles(client, "", art=shown.kind) == ["Schwimmbad Nord erhalten"]

    with django_capture_on_commit_callbacks(execute=True):
        set_published([hidden.pk], True)
        set_published([shown.pk], False)

    assert titles(client, "Schwimmbad") == ["Schwimmbad Süd erhalten"]
    assert titles(client, "", art=shown.kind) == ["Schwimmbad Süd erhalten"]


@pytest.mark.django_db
def test_beyond_exact_ranking_title_matches_come_first_then_the_newest(
    client, home, bochum, monkeypatch
):
    monkeypatch.setattr(finder, "RANK_EXACTLY_UP_TO", 2)
    PaperFactory(group=bochum, title="Haushalt 2022", text="Lärmschutz", date="2022-03-01")
    PaperFactory(group=bochum, title="Lärmschutz an der A40", date="2021-05-01")
    PaperFactory(group=bochum, title="Haushalt 2024", text="Lärmschutz", date="2024-03-01")
    PaperFactory(group=bochum, title="Neue Wände gegen Lärm", text="Lärmschutz", date="2020-01-01")

    search = Search(parse("Lärmschutz"), Filters())
    assert search.results.total == 4
    assert not search.results.ranked_exactly
    assert [strip_tags(hit.title) for hit in search[0:20]] == [
        "Lärmschutz an der A40",
        "Haushalt 2024",
        "Haushalt 2022",
        "Neue Wände gegen Lärm",
    ]
    assert [strip_tags(hit.title) for hit in search[2:3]] == ["Haushalt 2022"]
    assert titles(client, "Lärmschutz")[0] == "Lärmschutz an der A40"


def test_facet_values_escape_names_and_addresses():
    html = facet_values(
        [
            FacetLink("DIE LINKE & <b>PIRATEN</b>", 1234, "/datenbank/?q=a&fraktion=x", False),
            FacetLink('"Gruppe"', 5, "/datenbank/", True),
        ]
    )

    assert html == (
        '<ul class="db-facet__values"><li><a href="/datenbank/?q=a&amp;fraktion=x">'
        "DIE LINKE &amp; &lt;b&gt;PIRATEN&lt;/b&gt; "
        '<span class="db-facet__count">(1.234)</span></a></li>'
        '<li><strong class="db-facet__selected">&quot;Gruppe&quot; '
        '<span class="db-facet__count">(5)</span></strong></li></ul>'
    )


@pytest.mark.parametrize(
    "applied",
    [
        {},
        {"q": "Kita & Co", "kreis": "kreis-wesel", "jahr": 2024, "von": "1.1.2024"},
        {"thema": "wohnen", "art": "antrag"},
        {"q": "Miete", "art": "anfrage", "fraktion": "DIE LINKE."},
    ],
)
@pytest.mark.parametrize("sort", ["relevanz", "datum"])
def test_a_facets_links_made_at_once_are_the_links_made_one_by_one(applied, sort):
    state = SearchState(parse(applied.get("q", "")), Filters(), applied, by_date=False, sort=sort)
    values = ["bochum", "Ü & Co", "2023"]
    for name in ("art", "thema", "kreis", "kommune", "fraktion", "jahr"):
        assert state.urls_with(name, values) == [state.url(**{name: value}) for value in values]


@pytest.mark.django_db
def test_reindex_papers_writes_every_published_records_entry_again(client, home, bochum):
    PaperFactory(group=bochum, title="Weiter so am Kalkberg", teaser="", text="")
    PaperFactory(group=bochum, title="Entwurf zum Kalkberg", teaser="", text="", live=False)
    SearchEntry.objects.all().delete()
    assert titles(client, "Kalkberg") == []

    out = io.StringIO()
    call_command("reindex_papers", stdout=out)

    assert out.getvalue().strip() == "Neu indexiert: 1 veröffentlichter Eintrag."
    assert titles(client, "Kalkberg") == ["Weiter so am Kalkberg"]
    assert titles(client, '"Weiter so"') == ["Weiter so am Kalkberg"]


@pytest.mark.parametrize(
    "day", [datetime.date(2024, 3, 1), datetime.date(2025, 12, 31), datetime.date(2026, 5, 9)]
)
def test_a_hits_date_reads_as_the_date_filter_writes_it(day):
    hit = finder.Hit(url="/", kind="Antrag", date=day, source="", title="", snippet="")
    with translation.override("de"):
        assert hit.date_label == date_filter(day, "j. F Y")


def test_facet_index_counts_themen_alike_for_few_and_for_many_matches():
    """A few matches read their own runs of Themen, many matches one pass over all pairs."""
    from collections import Counter

    import numpy as np

    from motions_db.facets import FacetIndex

    rng = np.random.default_rng(7)
    papers = 400
    columns = {
        "paper_ids": np.arange(1, papers + 1),
        "day": rng.integers(18000, 20000, papers),
        "kind": rng.integers(1, 4, papers),
        "body": rng.integers(1, 30, papers),
        "district": rng.integers(0, 5, papers),
        "group": rng.integers(1, 9, papers),
        "region": rng.integers(0, 6, papers),
        "ruhr_area": rng.integers(0, 2, papers).astype(bool),
    }
    topic_pairs = [(paper, topic) for paper in range(1, papers + 1) for topic in range(paper % 4)]
    rng.shuffle(topic_pairs)
    index = FacetIndex.build(
        columns,
        (np.array([p for p, _ in topic_pairs]), np.array([t for _, t in topic_pairs]) + 1),
        {pk: f"Fraktion {pk % 3}" for pk in range(1, 9)},
    )
    for share in (0.02, 0.1, 0.5, 1.0):
        mask = rng.random(papers) < share
        chosen = set(index.paper_ids[mask].tolist())
        expected = Counter(str(topic + 1) for paper, topic in topic_pairs if paper in chosen)
        assert index.counts(mask)["topic"] == dict(expected), share
        groups = Counter(f"Fraktion {g % 3}" for g in index.group[mask].tolist())
        assert index.counts(mask)["group"] == dict(groups), share
