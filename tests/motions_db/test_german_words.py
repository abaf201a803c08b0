"""Compounds are found by their parts and plurals the stemmer misses by their singular."""

import itertools
import re

from motions_db.text import STOP_WORDS, compound_parts, index_terms, singular


def test_compounds_split_into_the_words_people_search_for():
    assert set(compound_parts("kitagebühren")) >= {"kita", "gebühren"}
    assert set(compound_parts("mietendeckel")) >= {"deckel"}
    assert "notstand" in compound_parts("klimanotstand")
    assert set(compound_parts("arbeitsmarktpolitik")) >= {"arbeit", "markt", "politik"}


def test_a_compound_also_gives_its_runs_of_parts_as_it_spells_them():
    assert set(compound_parts("klimaschutzkonzept")) >= {"klimaschutz", "schutzkonzept"}
    # The linking "s" inside a run, not at its end: "Arbeitsmarkt", "Landschaftsschutz".
    assert "arbeitsmarkt" in compound_parts("arbeitsmarktpolitik")
    assert "landschaftsschutz" in compound_parts("landschaftsschutzgebiet")
    assert "landschaftsschutzgebiet" not in compound_parts("landschaftsschutzgebiet")


def test_ordinary_words_are_not_split():
    assert compound_parts("gesellschaft") == ()
    assert compound_parts("verwaltung") == ()
    assert compound_parts("rat") == ()
    # "Haus" and "halt" are words, but no Haushalt is a house (nor a Kreishaushalt a Kreishaus).
    assert compound_parts("haushalt") == ()
    assert "kreishaus" not in compound_parts("kreishaushalt")


def test_plurals_snowball_keeps_get_their_singular():
    assert singular("kitas") == "kita"
    assert singular("autos") == "auto"
    assert singular("haus") is None
    extra, _pairs = index_terms("Mehr Plätze in den Kitas")
    assert "kita" in extra.split()


def test_one_pass_over_the_text_gives_what_word_by_word_steps_give():
    """`index_terms` works in C where it can; here the same, one Python step per word."""
    texts = (
        "Der Rat der Stadt: Kita-Gebühren 2024 senken!",
        "Die A40 und der Covid19-Plan; im Klimanotstand mehr Kitas und 3x mehr Busse.",
        "Über die Straßenbahn, für die Kinder_gärten…",
    )
    tokens = re.findall(r"[^\W_]+", " ".join(texts).lower())
    words = {word for token in tokens for word in re.findall(r"[^\W\d_]+", token)}
    extra = set()
    for word in words:
        extra.update(compound_parts(word))
        if singular(word):
            extra.add(singular(word))
    pairs = {
        (first, second)
        for first, second in itertools.pairwise(tokens)
        if (first in STOP_WORDS or second in STOP_WORDS) and first.isalpha() and second.isalpha()
    }

    found_extra, found_pairs = index_terms(*texts)

    assert found_extra.split() == sorted(extra - words)
    assert found_pairs == pairs
    assert {("der", "rat"), ("rat", "der"), ("der", "stadt"), ("die", "a40")} & found_pairs == {
        ("der", "rat"),
        ("rat", "der"),
        ("der", "stadt"),
    }
    # Parts of compounds, not the words the text has anyway ("Kita-Gebühren" has both).
    assert {"klima", "notstand"} <= set(found_extra.split())
    assert not {"kita", "gebühren"} & set(found_extra.split())
