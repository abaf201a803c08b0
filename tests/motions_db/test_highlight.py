"""What a hit marks beyond ts_headline's marks (motions_db/highlight.py), on any database."""

from motions_db.highlight import MARK_END, MARK_START, refine
from motions_db.query import parse


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


def test_a_compound_gets_the_part_marked_that_the_search_found_it_by():
    text = "Die Kitagebühren, die Gebührenordnung und der Klimanotstand; ein Sticker."
    assert shown(refine(text, parse("Gebühren OR Notstand OR Ticket"))) == (
        "Die Kita[gebühren], die [Gebühren]ordnung und der Klima[notstand]; ein Sticker."
    )


def test_a_word_marked_already_and_a_phrase_s_words_get_no_part_marks():
    text = marked("Die [Kitagebühren] und Kitagebühren")
    assert shown(refine(text, parse('"Kita Gebühren"'))) == "Die [Kitagebühren] und Kitagebühren"
    assert shown(refine(text, parse("Kitagebühren"))) == "Die [Kitagebühren] und Kitagebühren"


def test_a_missed_singular_marks_the_part_too():
    assert shown(refine("Mehr Geld für Stadtkitas", parse("Kitas"))) == "Mehr Geld für Stadt[kitas]"


def test_a_stop_word_searched_for_alone_keeps_every_mark():
    text = marked("[Der] Rat und [der] Kreis")
    assert shown(refine(text, parse('"der"'))) == "[Der] Rat und [der] Kreis"
