"""The Datenbank's search page: facets that add up, every state in the address, any input."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django import forms
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from motions_db.finder import Names
from motions_db.forms import SearchForm
from motions_db.models import Paper
from motions_db.query import MAX_QUERY_CHARACTERS
from tests.factories import PaperFactory, TopicFactory

from .hits import marked_titles, without_marks

pytestmark = pytest.mark.django_db


def hit_titles(response):
    return [without_marks(title) for title in marked_titles(response)]


def facet_counts(response, heading):
    """{label: count} of one facet, as the visitor reads it."""
    section = re.search(
        rf'db-facet__heading">{re.escape(heading)}</h3>(.*?)</section>', response.text, re.S
    )
    assert section, f"no facet {heading}"
    return {
        label.strip(): int(count.replace(".", ""))
        for label, count in re.findall(
            r">([^<>]+?) <span class=\"db-facet__count\">\((\d[\d.]*)\)", section.group(1)
        )
    }


@pytest.fixture
def archive(home, bochum, wesel, koeln):
    mobility = TopicFactory(name="Mobilität", slug="mobilitaet")
    housing = TopicFactory(name="Wohnen")
    PaperFactory(group=bochum, title="Sozialticket sichern", kind="antrag", topics=[mobility])
    PaperFactory(group=bochum, title="Sozialticket ausweiten", kind="anfrage", topics=[mobility])
    PaperFactory(
        group=wesel,
        title="Sozialticket im Kreis",
        kind="antrag",
        date=datetime.date(2024, 5, 1),
        topics=[mobility, housing],
    )
    PaperFactory(group=koeln, title="Sozialticket für Köln", kind="pressemitteilung")
    PaperFactory(group=koeln, title="Mieten deckeln", kind="antrag", topics=[housing])
    return {"mobility": mobility, "housing": housing}


def test_facet_counts_match_the_results_they_lead_to(client, archive):
    response = client.get("/datenbank/", {"q": "Sozialticket"})
    assert len(hit_titles(response)) == 4
    kinds = facet_counts(response, "Art")
    assert kinds == {"Antrag": 2, "Anfrage": 1, "Pressemitteilung": 1}
    assert facet_counts(response, "Thema") == {"Mobilität": 3, "Wohnen": 1}
    for label, count in facet_counts(response, "Kreis oder kreisfreie Stadt").items():
        link = re.search(rf'href="([^"]+)">{re.escape(label)} <span', response.text).group(1)
        narrowed = client.get(link.replace("&amp;", "&"))
        assert len(hit_titles(narrowed)) == count, label


def test_two_facets_narrow_together_and_the_address_keeps_them(client, archive):
    response = client.get(
        "/datenbank/antraege/", {"q": "Sozialticket", "thema": "mobilitaet", "region": "ruhrgebiet"}
    )
    assert sorted(hit_titles(response)) == ["Sozialticket im Kreis", "Sozialticket sichern"]
    assert (
        'rel="canonical" href="http://testserver/datenbank/antraege/?q=Sozialticket&amp;thema=mobilitaet&amp;region=ruhrgebiet"'
        in response.text
    )


def test_each_kind_has_its_own_address(client, archive):
    assert hit_titles(client.get("/datenbank/pressemitteilungen/")) == ["Sozialticket für Köln"]
    assert len(hit_titles(client.get("/datenbank/antraege/"))) == 3
    assert len(hit_titles(client.get("/datenbank/anfragen/"))) == 1


def test_without_words_the_newest_come_first(client, archive):
    titles = hit_titles(client.get("/datenbank/"))
    assert titles[-1] == "Sozialticket im Kreis"
    assert len(titles) == 5


def test_a_date_range_and_a_year(client, archive):
    assert hit_titles(client.get("/datenbank/", {"jahr": "2024"})) == ["Sozialticket im Kreis"]
    response = client.get("/datenbank/", {"von": "01.01.2025", "bis": "2026-12-31"})
    assert len(hit_titles(response)) == 4
    wrong = client.get("/datenbank/", {"von": "31.02.2024"})
    assert wrong.status_code == 200
    assert "Bitte gebt ein Datum ein, etwa 31.12.2024." in wrong.text
    assert len(hit_titles(wrong)) == 5


def test_unpublished_records_are_never_found(client, archive, bochum):
    from motions_db.indexing import reindex

    hidden = PaperFactory(group=bochum, title="Sozialticket geheim", live=False)
    reindex([hidden.pk])
    response = client.get("/datenbank/", {"q": "Sozialticket"})
    assert "Sozialticket geheim" not in response.text
    assert client.get(hidden.get_absolute_url()).status_code == 404
    published = Paper.objects.get(title="Sozialticket sichern")
    published.live = False
    published.save()
    reindex([published.pk])
    assert "Sozialticket sichern" not in client.get("/datenbank/", {"q": "Sozialticket"}).text


HOSTILE = [
    {"q": "x" * 10_000},
    {"q": '"unbalanced'},
    {"q": "OR - - OR"},
    {"q": "' OR 1=1; DROP TABLE motions_db_paper; --"},
    {"q": "🏠 Miete 🎉"},
    {"q": " ".join(["Miete"] * 500)},
    {"thema": "gibt-es-nicht", "kommune": "<script>", "fraktion": "x" * 500, "jahr": "abc"},
    {"seite": "abc"},
    {"seite": "-1"},
    {"seite": "99999999999999999999999"},
    {"art": "unbekannt", "region": "mars", "sortierung": "zufall"},
    {"von": "2024-13-45", "bis": "gestern"},
]


@pytest.mark.parametrize("params", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_or_odd_input_gets_a_normal_page(client, archive, params):
    response = client.get("/datenbank/", params)
    assert response.status_code == 200
    assert "db-results__count" in response.text


def test_a_nul_character_gets_the_sites_clear_refusal_not_an_error(client, archive):
    # Only a crafted address carries NUL (a browser's form can't); the site refuses it
    # everywhere alike (kopofo.middleware.RefuseNulCharactersMiddleware).
    response = client.get("/datenbank/", {"q": "Miete\x00Köln"})
    assert response.status_code == 400
    assert "Ungültige Anfrage" in response.text


def test_the_query_is_capped_before_it_reaches_the_database(
    client, archive, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get("/datenbank/", {"q": "Sozialticket " + "Miete " * 3000})
    longest = max(len(query["sql"]) for query in queries.captured_queries)
    # Every word is a bound parameter of a fixed, short statement; none is longer than the cap.
    assert longest < 5000
    assert all("Miete " * 50 not in query["sql"] for query in queries.captured_queries)
    assert MAX_QUERY_CHARACTERS == 200


def test_the_number_of_queries_does_not_grow_with_the_results(
    client, home, bochum, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_ENABLED = False
    topic = TopicFactory(name="Mobilität")
    PaperFactory(group=bochum, title="Sozialticket 1", topics=[topic])
    client.get("/datenbank/", {"q": "Sozialticket"})  # the per-generation names
    with CaptureQueriesContext(connection) as few:
        client.get("/datenbank/", {"q": "Sozialticket", "seite": "1"})
    queries_for_one_result = len(few.captured_queries)
    for number in range(2, 60):
        PaperFactory(group=bochum, title=f"Sozialticket {number}", topics=[topic])
    client.get("/datenbank/", {"q": "Sozialticket"})
    assert 3 <= queries_for_one_result <= 16
    with django_assert_num_queries(queries_for_one_result):
        response = client.get("/datenbank/", {"q": "Sozialticket", "seite": "2"})
    assert len(hit_titles(response)) == 20


def test_a_search_that_finds_nothing_asks_for_no_ranking_and_no_hits(
    client, home, bochum, settings
):
    settings.PAGE_CACHE_ENABLED = False
    PaperFactory(group=bochum, title="Sozialticket für Bochum")
    client.get("/datenbank/", {"q": "Sozialticket"})  # the per-generation names and columns
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/datenbank/", {"q": '"Rat der Stadt Bochum"'})
    assert "Dazu haben wir nichts gefunden." in response.text
    statements = " ".join(query["sql"] for query in captured.captured_queries)
    assert "motions_db_ranked_ids" not in statements
    # The hits' statement reads the papers' slugs: through the ORM on SQLite, as `p.slug` in
    # finder.py's statement on PostgreSQL.
    assert '"motions_db_paper"."slug"' not in statements
    assert "p.slug" not in statements


class _Elements(HTMLParser):
    """The elements of an HTML fragment as (tag, attributes), attributes in any order."""

    def __init__(self, fragment):
        super().__init__()
        self.elements = []
        self.feed(fragment)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, sorted(attrs)))

    def handle_data(self, data):
        if data.strip():
            self.elements.append(("text", data.strip()))


@pytest.mark.parametrize(
    "address",
    ["", "art=antrag&region=koeln&sortierung=datum&von=1.2.2024&bis=31.02.2024"],
)
def test_the_filter_controls_written_in_python_are_the_ones_django_would_render(address):
    """QuickSelect and QuickDateInput skip Django's widget templates, not what they render."""
    form = SearchForm(QueryDict(address), names=Names(topics={}, bodies={}, groups={}))
    form.state()
    for name, django_widget in [
        ("art", forms.Select),
        ("region", forms.Select),
        ("sortierung", forms.Select),
        ("von", forms.DateInput),
        ("bis", forms.DateInput),
    ]:
        quick = str(form[name])
        widget = form.fields[name].widget
        attrs = form[name].build_widget_attrs({"id": form[name].auto_id})
        django_html = django_widget.render(widget, name, form[name].value(), attrs=attrs)
        assert _Elements(quick).elements == _Elements(django_html).elements, name
