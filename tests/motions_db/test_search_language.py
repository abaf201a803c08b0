"""German full-text search on PostgreSQL: the words people type find what they mean."""

import re

import pytest

from tests.factories import PaperFactory

from .hits import marked_snippets, marked_titles, without_marks

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def found(client, query, **params):
    response = client.get("/datenbank/", {"q": query, **params})
    assert response.status_code == 200
    return marked_titles(response)


def plain(titles):
    return [without_marks(title) for title in titles]


def test_stemming_finds_other_forms_of_a_word(client, home, bochum):
    PaperFactory(group=bochum, title="Steigende Mieten in Bochum")
    PaperFactory(group=bochum, title="Radwege sicherer machen")
    assert plain(found(client, "Miete")) == ["Steigende Mieten in Bochum"]


def test_a_quoted_phrase_keeps_its_short_words_and_its_order(client, home, bochum):
    PaperFactory(group=bochum, title='Kein "Weiter so!" am Kalkberg')
    PaperFactory(group=bochum, title="So geht es nicht weiter mit dem Kalkberg")
    assert plain(found(client, '"Weiter so"')) == ['Kein "Weiter so!" am Kalkberg']
    assert len(found(client, "weiter Kalkberg")) == 2


def test_exclusion_and_or(client, home, bochum, koeln):
    PaperFactory(group=bochum, title="Sozialticket für Bochum")
    PaperFactory(group=koeln, title="Sozialticket für Köln", text="Die Fraktion in Köln.")
    PaperFactory(group=koeln, title="Schulmittagessen kostenfrei")
    assert plain(found(client, "Sozialticket -Köln")) == ["Sozialticket für Bochum"]
    assert sorted(plain(found(client, "Sozialticket OR Schulmittagessen"))) == [
        "Schulmittagessen kostenfrei",
        "Sozialticket für Bochum",
        "Sozialticket für Köln",
    ]


def test_plurals_the_stemmer_misses_are_found_both_ways(client, home, bochum):
    PaperFactory(group=bochum, title="Mehr Plätze in den Kitas")
    PaperFactory(group=bochum, title="Die Kita am Stadtpark bleibt")
    assert len(found(client, "Kita")) == 2
    assert len(found(client, "Kitas")) == 2


def test_a_compound_is_found_by_its_parts(client, home, bochum):
    PaperFactory(group=bochum, title="Kitagebühren abschaffen")
    PaperFactory(group=bochum, title="Einführung eines Mietendeckels")
    assert plain(found(client, "Gebühren")) == ["Kitagebühren abschaffen"]
    assert plain(found(client, "Deckel")) == ["Einführung eines Mietendeckels"]


def test_a_compound_is_found_by_a_compound_it_begins_or_holds(client, home, bochum):
    PaperFactory(group=bochum, title="Ein Klimaschutzkonzept für Bochum")
    PaperFactory(group=bochum, title="Bürgerhaushaltsverfahren ausweiten")
    PaperFactory(group=bochum, title="Klima und Schutz der Bäume")
    assert plain(found(client, "Klimaschutz")) == ["Ein Klimaschutzkonzept für Bochum"]
    assert plain(found(client, "Schutzkonzept")) == ["Ein Klimaschutzkonzept für Bochum"]
    # Inside, with its linking element where the word has one.
    assert plain(found(client, "Haushalt")) == ["Bürgerhaushaltsverfahren ausweiten"]
    assert plain(found(client, "Haushaltsverfahren")) == ["Bürgerhaushaltsverfahren ausweiten"]


def test_a_match_in_the_title_ranks_above_one_in_the_text(client, home, bochum):
    PaperFactory(group=bochum, title="Bericht aus dem Ausschuss", text="Es geht um Wohnungsbau.")
    PaperFactory(group=bochum, title="Wohnungsbau jetzt", text="Der Rat möge beschließen.")
    assert plain(found(client, "Wohnungsbau")) == ["Wohnungsbau jetzt", "Bericht aus dem Ausschuss"]


def test_hits_are_highlighted_in_title_and_snippet_and_the_text_stays_escaped(client, home, bochum):
    PaperFactory(
        group=bochum,
        title="Mieten <b>deckeln</b>",
        teaser="",
        text="Die Mieten in Bochum steigen seit Jahren. <script>alert(1)</script>",
    )
    response = client.get("/datenbank/", {"q": "Miete"})
    assert "<mark>Mieten</mark> &lt;b&gt;deckeln&lt;/b&gt;" in response.text
    assert re.search(r'class="db-hit__snippet">[^<]*<mark>Mieten</mark>', response.text)
    assert "<script>alert(1)</script>" not in response.text


def test_a_snippet_comes_from_around_the_first_match_however_far_into_a_long_text(
    client, home, bochum
):
    """ts_headline gets a window of the text around the first match (migration 0007), cut to
    whole words, not the whole text."""
    filler = "Der Ausschuss vertagte die Beratung erneut auf die nächste Sitzung. " * 80
    PaperFactory(
        group=bochum,
        title="Bericht aus dem Rat",
        teaser="",
        text=filler + "Wir fordern Sozialtickets für Bochum. " + filler,
    )
    response = client.get("/datenbank/", {"q": "Sozialticket"})
    snippet = marked_snippets(response)[0]
    assert "<mark>Sozialtickets</mark>" in snippet
    # Whole words at both ends of each fragment, never a word cut by the window.
    words = without_marks(snippet).replace("…", " ").split()
    assert set(words) <= set((filler + "Wir fordern Sozialtickets für Bochum.").split())


def test_a_misspelt_word_gets_a_suggestion(client, home, bochum):
    from motions_db import vocabulary

    PaperFactory(group=bochum, title="Sozialticket für alle")
    vocabulary.rebuild()
    response = client.get("/datenbank/", {"q": "Sozialtiket"})
    assert "Meintet ihr" in response.text
    assert 'href="/datenbank/?q=sozialticket"' in response.text


def snippet_of(client, query):
    return marked_snippets(client.get("/datenbank/", {"q": query}))[0]


def test_a_phrase_marks_its_short_words_only_where_the_phrase_stands(client, home, bochum):
    PaperFactory(
        group=bochum,
        title="Bericht aus dem Ausschuss",
        teaser="",
        text="Die Verwaltung informiert der Reihe nach. Dann beschließt der Rat den Haushalt.",
    )
    snippet = snippet_of(client, '"der Rat"')
    assert "<mark>der</mark> <mark>Rat</mark>" in snippet
    assert "<mark>der</mark> Reihe" not in snippet
    assert "der Reihe" in snippet


def test_a_compound_found_by_its_part_shows_the_part_marked(client, home, bochum):
    PaperFactory(
        group=bochum,
        title="Kitagebühren abschaffen",
        teaser="",
        text="Die Kitagebühren belasten Familien in Bochum.",
    )
    response = client.get("/datenbank/", {"q": "Gebühren"})
    assert "Kita<mark>gebühren</mark> abschaffen" in response.text
    assert "Die Kita<mark>gebühren</mark> belasten" in snippet_of(client, "Gebühren")
