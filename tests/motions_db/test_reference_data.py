"""NRW's facts and the generated records the demo and the benchmark use."""

import itertools

import pytest

from motions_db import nrw
from motions_db.generate import generate, record
from motions_db.importers import KINDS, OUTCOMES
from motions_db.models import AdministrativeRegion, Body


def test_nrw_has_22_kreisfreie_staedte_31_kreise_and_the_rvr_has_11_and_4():
    assert len(nrw.INDEPENDENT_CITIES) == 22
    assert len(nrw.DISTRICTS) == 31
    assert "Aachen" not in nrw.INDEPENDENT_CITIES  # part of the StädteRegion Aachen
    ruhr_cities = {name for name, (_r, ruhr) in nrw.INDEPENDENT_CITIES.items() if ruhr}
    ruhr_districts = {name for name, (_s, _r, ruhr) in nrw.DISTRICTS.items() if ruhr}
    assert ruhr_cities == {
        *("Bochum", "Bottrop", "Dortmund", "Duisburg", "Essen", "Gelsenkirchen", "Hagen"),
        *("Hamm", "Herne", "Mülheim an der Ruhr", "Oberhausen"),
    }
    assert ruhr_districts == {
        "Ennepe-Ruhr-Kreis",
        "Kreis Recklinghausen",
        "Kreis Unna",
        "Kreis Wesel",
    }
    counts = {
        region: sum(1 for place in nrw.PLACES.values() if place.administrative_region == region)
        for region in AdministrativeRegion.values
    }
    assert sum(counts.values()) == len(nrw.PLACES) - len(nrw.ASSOCIATIONS)
    assert {place.kind for place in nrw.PLACES.values()} <= set(Body.Kind.values)


@pytest.mark.parametrize(
    ("name", "canonical", "district", "council"),
    [
        ("Witten", "Witten", "Ennepe-Ruhr-Kreis", "Rat der Stadt Witten"),
        ("Moers", "Moers", "Kreis Wesel", "Rat der Stadt Moers"),
        ("Bergheim", "Bergheim", "Rhein-Erft-Kreis", "Rat der Stadt Bergheim"),
        ("Wesel", "Wesel", "Kreis Wesel", "Rat der Stadt Wesel"),
        ("Kreis Wesel", "Kreis Wesel", None, "Kreistag Wesel"),
        ("Rhein-Erft", "Rhein-Erft-Kreis", None, "Kreistag Rhein-Erft"),
        ("kreis  rhein-erft", "Rhein-Erft-Kreis", None, "Kreistag Rhein-Erft"),
        ("Mülheim", "Mülheim an der Ruhr", None, "Rat der Stadt Mülheim an der Ruhr"),
        (
            "LWL",
            "Landschaftsverband Westfalen-Lippe",
            None,
            "Landschaftsversammlung Westfalen-Lippe",
        ),
        ("StädteRegion Aachen", "StädteRegion Aachen", None, "Städteregionstag Aachen"),
    ],
)
def test_common_spellings_find_their_place(name, canonical, district, council):
    place = nrw.find_place(name)
    assert (place.name, place.district, place.council) == (canonical, district, council)


@pytest.mark.django_db
def test_a_town_is_made_with_its_kreis_and_the_kreis_facts():
    body, created, known = nrw.get_or_create_body("Witten")

    assert created and known
    assert body.kind == Body.Kind.TOWN
    assert body.district.name == "Ennepe-Ruhr-Kreis"
    assert body.district.kind == Body.Kind.DISTRICT
    assert (body.administrative_region, body.ruhr_area) == ("arnsberg", True)
    assert nrw.get_or_create_body("witten") == (body, False, True)
    organization = nrw.get_or_create_organization(body)
    assert (organization.name, organization.kind) == ("Rat der Stadt Witten", "rat")
    borough = nrw.get_or_create_organization(
        nrw.get_or_create_body("Bochum")[0], nrw.borough_council_name("Bochum", "Mitte")
    )
    assert (borough.name, borough.kind) == ("Bezirksvertretung Bochum-Mitte", "bezirksvertretung")


def test_the_generator_is_deterministic_and_each_series_continues_itself():
    first = list(generate(50, seed=7))

    assert first == list(generate(50, seed=7))
    assert first != list(generate(50, seed=8))
    assert first[20:] == list(generate(50, seed=7, start=20))
    assert first[10] == record(10, seed=7)


def test_generated_records_are_valid_import_rows_with_weighted_kinds():
    records = list(generate(2000, seed=1))

    kinds = {kind: 0 for kind in KINDS.values()}
    for item in records:
        kinds[KINDS[item["kind"].casefold()]] += 1
        assert not item["outcome"] or item["outcome"] in OUTCOMES
        assert nrw.find_place(item["body"])
        assert "2018-01-01" <= item["date"] <= "2026-12-31"
    assert kinds["anfrage"] > kinds["musteranfrage"] * 5
    assert kinds["pressemitteilung"] > kinds["rede"] * 5
    long_ones = [item for item in records if len(item["text"]) >= 50_000]
    assert 5 <= len(long_ones) <= 50
    assert len({item["external_id"] for item in records}) == len(records)
    legacy = [item["legacy_slug"] for item in records if item["legacy_slug"]]
    assert len(set(legacy)) == len(legacy)
    titles = " ".join(item["title"] for item in itertools.islice(records, 2000))
    for compound in ("Kitagebühren", "Sozialticket", "Mietendeckel", "Klimanotstand"):
        assert compound in titles
