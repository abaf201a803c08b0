"""The demo's Datenbank: the current site's real records beside generated ones, each once."""

import io

import pytest
from django.core.management import call_command

from kopofo.pages.models import NewsIndexPage, NewsPage
from motions_db.demo import GENERATED_RECORDS, HOME_PRESS_RELEASES, RECORDS
from motions_db.models import Paper, SearchEntry

pytestmark = pytest.mark.django_db


def load_demo():
    call_command("load_demo_content", force=True, stdout=io.StringIO())


def test_the_demo_loads_real_and_generated_records_all_indexed_once():
    load_demo()

    real = len(HOME_PRESS_RELEASES) + len(RECORDS)
    assert Paper.objects.count() == real + GENERATED_RECORDS
    assert SearchEntry.objects.count() == Paper.objects.published().count()
    assert (
        Paper.objects.get(external_id="demo-05").source == "Fraktion DIE LINKE. im Kreistag Wesel"
    )
    assert Paper.objects.get(external_id="demo-08").source == (
        "Gruppe DIE LINKE in der Landschaftsversammlung Westfalen-Lippe"
    )
    assert Paper.objects.get(external_id="demo-rhein-erft-integrationspreis").source == (
        "Fraktion DIE LINKE. im Kreistag Rhein-Erft"
    )
    for paper in Paper.objects.filter(external_id__startswith="demo-"):
        assert "(Platzhalter aus den Demodaten)" in paper.text

    # A second run creates nothing twice and changes nothing.
    before = dict(Paper.objects.values_list("external_id", "updated_at"))

    load_demo()

    assert dict(Paper.objects.values_list("external_id", "updated_at")) == before


def test_the_home_pages_press_releases_are_records_and_old_news_pages_of_them_go():
    load_demo()

    titles = [release["title"] for release in HOME_PRESS_RELEASES]
    assert not NewsPage.objects.filter(title__in=titles).exists()
    assert sorted(
        Paper.objects.filter(kind=Paper.Kind.PRESS_RELEASE, title__in=titles).values_list(
            "title", flat=True
        )
    ) == sorted(titles)

    # An older demo database made them news pages: the demo removes those, so none shows twice.
    index = NewsIndexPage.objects.get()
    release = HOME_PRESS_RELEASES[0]
    index.add_child(
        instance=NewsPage(
            slug=release["news_slug"], title=release["title"], source="Fraktion", teaser="…"
        )
    ).save_revision().publish()

    load_demo()

    assert not NewsPage.objects.filter(slug=release["news_slug"]).exists()
    assert Paper.objects.filter(title=release["title"]).count() == 1
