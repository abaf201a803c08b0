"""What a hit marks beyond ts_headline's marks (motions_db/highlight.py), on any database."""

import re

import pytest

from motions_db.highlight import MARK_END, MARK_START, refine
from motions_db.query import parse
from tests.factories import PaperFactory

from .hits import marked_snippets, marked_titles


def marked(text):
    """[word] for a marked word, as ts_headline marks it."""
    return text.replace("[", MARK_START).replace("]", MARK_END)


def shown(text):
    return text.replace(MARK_START, "[").replace(MARK_END, "]")


def test_a_stop_word_of_a_phrase_keeps_its_mark_only_beside_the_phrase():
    text = marked("[Der] [Rat] beschließt, [der] Kreis und [der] [Rat], [die] Räte.")
    assert shown(refine(text, parse('"der Rat"'))) == (
        "[Der] [Rat] beschließt, der Kreis und [der] [Rat], die Räte."
    )


def test_punctuation_between_neighbours_keeps_them_a_phrase():
    text = marked("Kein [Weiter] [so]! Und [so] weiter.")
    assert shown(refine(text, parse('"Weiter so"'))) == "Kein [Weiter] [so]! Und so weiter."


def test_a_word_that_is_no_stop_word_keeps_its_mark_alone():
    text = marked("Der [Rat] tagt, [der] [Rat] beschließt.")
    assert shown(refine(text, parse('"der Rat"'))) == "Der [Rat] tagt, [der] [Rat] beschließt."


def test_a_stop_word_beside_another_searched_word_is_no_phrase():
    text = marked("[der] [Haushalt] und [der] [Räte]")
    assert shown(refine(text, parse('"der Rat" Haushalt'))) == "der [Haushalt] und [der] [Räte]"


def test_the_words_either_side_of_the_fragments_delimiter_are_no_neighbours():
    text = marked("Es sprach [der] … [Rat] beschließt")
    assert shown(refine(text, parse('"der Rat"'))) == "Es sprach der … [Rat] beschließt"


def test_a_compound_gets_its_last_part_marked_when_that_is_a_word_searched_for():
    text = "Die Kitagebühren, die Gebührenordnung und der Klimanotstand; ein Sticker."
    assert shown(refine(text, parse("Gebühren OR Notstand OR Ticket"))) == (
        "Die Kita[gebühren], die Gebührenordnung und der Klima[notstand]; ein Sticker."
    )


def test_a_last_part_in_another_ending_or_with_an_umlaut_is_marked_too():
    text = "Die Stadträte und die Ratsgebühr, der Beirat."
    assert shown(refine(text, parse("Rat OR Gebühren"))) == (
        "Die Stadt[räte] und die Rats[gebühr], der Beirat."
    )


def test_a_word_that_only_begins_like_the_searched_one_is_not_marked():
    text = "Der Betriebsstandort, die Stadtlandschaft, die Radverkehrsplanung."
    assert refine(text, parse("Stand OR Land OR Plan")) == text


def test_a_compound_gets_its_first_parts_marked_when_they_are_a_long_word_searched_for():
    text = "Das Klimaschutzkonzept, die Klimaschutzstrategie und das Sozialticketangebot."
    assert shown(refine(text, parse("Klimaschutz OR Sozialticket"))) == (
        "Das [Klimaschutz]konzept, die [Klimaschutz]strategie und das [Sozialticket]angebot."
    )


def test_a_long_word_searched_for_is_marked_inside_a_compound_before_its_linking_s():
    text = "Das Bürgerhaushaltsverfahren, der Haushaltsplan, die Stadtverwaltungsreform."
    assert shown(refine(text, parse("Haushalt OR Verwaltung"))) == (
        "Das Bürger[haushalt]sverfahren, der [Haushalt]splan, die Stadt[verwaltung]sreform."
    )


def test_first_parts_are_not_marked_where_it_is_unclear_where_they_end():
    # A short word; a word with an ending; letters after it that may be its ending.
    text = (
        "Die Landschaft, die Schulentwicklung, die Parkgebührenordnung, die Verwaltungen, "
        "die Sozialpolitikerin."
    )
    assert refine(text, parse("Land OR Schulen OR Parkgebühr OR Verwaltung OR Politik")) == text


def test_of_two_searched_words_at_a_compound_s_start_the_longest_that_fits_is_marked():
    query = parse("Klimaschutz OR Klimaschutzkonzept")
    assert shown(refine("Klimaschutzkonzeptpapier", query)) == "[Klimaschutzkonzept]papier"
    assert shown(refine("Klimaschutzkonzeptentwurf", query)) == "[Klimaschutz]konzeptentwurf"


@pytest.mark.django_db
def test_a_compound_found_by_its_first_parts_shows_them_marked_on_either_database(
    client, home, bochum
):
    PaperFactory(group=bochum, title="Ein Klimaschutzkonzept für Bochum", teaser="", text="")
    response = client.get("/datenbank/", {"q": "Klimaschutz"})
    assert marked_titles(response) == ["Ein <mark>Klimaschutz</mark>konzept für Bochum"]


def test_a_word_marked_already_and_a_phrase_s_words_get_no_part_marks():
    text = marked("Die [Kitagebühren] und Kitagebühren")
    assert shown(refine(text, parse('"Kita Gebühren"'))) == "Die [Kitagebühren] und Kitagebühren"
    assert shown(refine(text, parse("Kitagebühren"))) == "Die [Kitagebühren] und Kitagebühren"


def test_a_missed_singular_marks_the_part_too():
    assert shown(refine("Mehr Geld für Stadtkitas", parse("Kitas"))) == "Mehr Geld für Stadt[kitas]"


def test_a_stop_word_searched_for_alone_keeps_every_mark():
    text = marked("[Der] Rat und [der] Kreis")
    assert shown(refine(text, parse('"der"'))) == "[Der] Rat und [der] Kreis"


@pytest.mark.django_db
def test_a_phrase_is_marked_where_it_stands_on_either_database(client, home, bochum):
    PaperFactory(
        group=bochum,
        title="Was der Rat beschließt",
        teaser="",
        text="Die Kinder der Stadt warten. Dann beschließt der Rat den Haushalt.",
    )
    response = client.get("/datenbank/", {"q": '"der Rat"'})
    title, snippet = marked_titles(response)[0], marked_snippets(response)[0]
    assert title == "Was <mark>der</mark> <mark>Rat</mark> beschließt"
    assert "beschließt <mark>der</mark> <mark>Rat</mark> den" in snippet
    assert "Kinder der Stadt" in snippet


@pytest.mark.django_db
def test_the_marks_own_characters_in_a_record_never_open_a_mark(client, home, bochum):
    PaperFactory(
        group=bochum, title=f"Mieten {MARK_START}steigen", teaser=f"Die Mieten {MARK_END}", text=""
    )
    response = client.get("/datenbank/", {"q": "Miete"})
    # SQLite marks "Miete" inside "Mieten", PostgreSQL the word.
    assert re.search(r"<mark>Miete</mark>n? steigen|<mark>Mieten</mark> steigen", response.text)
    assert response.text.count("<mark>") == response.text.count("</mark>") == 2
    assert MARK_START not in response.text and MARK_END not in response.text
