"""Compounds are found by their parts and plurals the stemmer misses by their singular."""

from motions_db.text import compound_parts, extra_terms, singular


def test_compounds_split_into_the_words_people_search_for():
    assert set(compound_parts("kitagebühren")) >= {"kita", "gebühren"}
    assert set(compound_parts("mietendeckel")) >= {"deckel"}
    assert "notstand" in compound_parts("klimanotstand")
    assert set(compound_parts("arbeitsmarktpolitik")) >= {"arbeit", "markt", "politik"}


def test_ordinary_words_are_not_split():
    assert compound_parts("gesellschaft") == ()
    assert compound_parts("verwaltung") == ()
    assert compound_parts("rat") == ()


def test_plurals_snowball_keeps_get_their_singular():
    assert singular("kitas") == "kita"
    assert singular("autos") == "auto"
    assert singular("haus") is None
    assert "kita" in extra_terms("Mehr Plätze in den Kitas").split()
