"""The search box reads input the way web searches do, and bounds it before any database sees it."""

from motions_db.query import MAX_PHRASE_WORDS, MAX_QUERY_CHARACTERS, MAX_TERMS, parse


def test_words_phrases_exclusions_and_or_are_read_as_web_searches_read_them():
    query = parse('Kita OR Schule "weiter so" -Köln -"Rat der Stadt"')
    assert [[str(term) for term in clause] for clause in query.clauses] == [
        ["kita", "schule"],
        ['"weiter so"'],
    ]
    assert [str(term) for term in query.excluded] == ["köln", '"rat der stadt"']


def test_a_phrase_keeps_its_stop_words_but_bare_stop_words_are_dropped():
    assert str(parse('"Weiter so"')) == '"weiter so"'
    assert str(parse("die Miete und das Wohnen")) == "miete wohnen"


def test_odd_input_never_fails_and_never_becomes_sql():
    assert str(parse('"unbalanced quote')) == '"unbalanced quote"'
    assert not parse("OR - -- \" ''")
    assert not parse("😀 🎉")
    assert str(parse("'; DROP TABLE motions_db_paper; --")) == 'drop table "motions db paper"'
    assert str(parse("Miete\x00Köln")) == "miete köln"
    assert not parse("")


def test_the_input_is_cut_before_parsing_and_the_terms_are_capped():
    query = parse("Miete " * 5000)
    assert query.shortened
    assert len(query.terms) + len(query.excluded) <= MAX_TERMS
    long_word = parse("x" * 10_000)
    assert long_word.shortened and not long_word
    many_words = " ".join(f"wort{chr(97 + n % 26)}{chr(97 + n // 26)}" for n in range(100))
    assert len(parse(many_words).terms) == MAX_TERMS
    phrase = parse('"' + " ".join(f"wort{n}" for n in range(50)) + '"')
    assert len(phrase.terms[0].words) == MAX_PHRASE_WORDS
    assert MAX_QUERY_CHARACTERS <= 200


def test_a_long_input_is_cut_at_the_end_of_a_word():
    query = parse("Stadt " * 2000)
    assert str(query) == "stadt" and query.shortened
    assert str(parse("Miete " * 39 + "Kitagebühren")) == "miete"
    # Cut after "Sc" of "Schule": "Kitas", before it, stays.
    assert str(parse("Miete " * 32 + "Kitas Schule")) == "miete kitas"


def test_a_term_said_again_changes_nothing_but_is_searched_once():
    assert str(parse("Kita OR Kita Schule")) == "kita schule"
    assert str(parse("Stadt Stadt OR Kita")) == "stadt"
    assert str(parse("Kita OR Schule Schule OR Kita")) == "kita OR schule"
    # A cut right after a word keeps it.
    assert str(parse("Miete " * 32 + "Kitagelb Schule")) == "miete kitagelb"


def test_a_term_said_again_is_searched_once():
    assert str(parse("Stadt Stadt stadt -Köln -köln Kita OR Kita OR Schule")) == (
        "stadt kita OR schule -köln"
    )
    assert str(parse("Stadt " * 30)) == "stadt" and not parse("Stadt " * 30).shortened


def test_a_hyphenated_word_is_searched_as_its_parts_in_order():
    (term,) = parse("Kita-Gebühren").terms
    assert term.words == ("kita", "gebühren") and term.phrase
