"""An event that runs again and again: its series page lists every date, each date the others."""

import re

import pytest

from events.models import EventPage, EventSeries
from tests.factories import EventPageFactory, days_ahead

pytestmark = pytest.mark.django_db


@pytest.fixture
def series():
    return EventSeries.objects.create(
        name="Einführung für Kandidat*innen: Das kommunale Mandat",
        slug="das-kommunale-mandat",
        description="Ein Tagesseminar für alle, die kandidieren.",
    )


@pytest.fixture
def dates(event_index, series):
    """Three dates of the series, one of them past, and an event outside it."""
    made = {
        town: EventPageFactory(
            parent=event_index,
            title=f"Das kommunale Mandat ({town})",
            slug=f"mandat-{slug}",
            city=town,
            start=days_ahead(days),
            series=series,
        )
        for town, slug, days in [
            ("Köln", "koeln", 40),
            ("Bochum", "bochum", 20),
            ("Hagen", "hagen", -30),
        ]
    }
    EventPageFactory(parent=event_index, title="Haushaltsrecht", slug="haushalt")
    return made


def titles(html):
    return re.findall(r'class="teaser__title"><a href="[^"]+">([^<]+)</a>', html)


def test_the_series_page_lists_all_its_dates_in_date_order(client, dates):
    response = client.get("/veranstaltungen/reihe/das-kommunale-mandat/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Einführung für Kandidat*innen: Das kommunale Mandat</h1>" in html
    assert "Ein Tagesseminar für alle, die kandidieren." in html
    assert titles(html) == [
        "Das kommunale Mandat (Hagen)",
        "Das kommunale Mandat (Bochum)",
        "Das kommunale Mandat (Köln)",
    ]


def test_each_date_links_its_siblings_and_the_series(client, dates):
    html = client.get("/veranstaltungen/mandat-bochum/").content.decode()

    section = html.split('id="event-series-heading"')[1].split("</section>")[0]
    assert "Das kommunale Mandat" in section
    assert 'href="/veranstaltungen/mandat-hagen/"' in section
    assert 'href="/veranstaltungen/mandat-koeln/"' in section
    assert "mandat-bochum" not in section  # not itself
    assert "haushalt" not in section  # nor an event outside the series
    assert 'href="/veranstaltungen/reihe/das-kommunale-mandat/"' in section


def test_an_event_outside_a_series_shows_no_series(client, dates):
    assert "event-series-heading" not in client.get("/veranstaltungen/haushalt/").content.decode()


def test_an_unknown_series_is_a_404(client, event_index):
    assert client.get("/veranstaltungen/reihe/gibt-es-nicht/").status_code == 404


def test_a_renamed_series_shows_on_its_dates_at_the_next_request(client, dates, series):
    client.get("/veranstaltungen/mandat-bochum/")

    series.name = "Das Mandat im Rat"
    series.save()

    assert "Das Mandat im Rat" in client.get("/veranstaltungen/mandat-bochum/").content.decode()


def test_the_series_page_takes_the_same_queries_for_few_or_many_dates(
    client, event_index, series, dates, django_assert_max_num_queries
):
    client.get("/veranstaltungen/reihe/das-kommunale-mandat/")
    with django_assert_max_num_queries(60) as few:
        client.get("/veranstaltungen/reihe/das-kommunale-mandat/?x=1")
    for number in range(10):
        EventPageFactory(
            parent=event_index, slug=f"mehr-{number}", start=days_ahead(50 + number), series=series
        )
    client.get("/veranstaltungen/reihe/das-kommunale-mandat/?x=2")

    with django_assert_max_num_queries(60) as many:
        client.get("/veranstaltungen/reihe/das-kommunale-mandat/?x=3")

    assert len(many) == len(few)
    assert EventPage.objects.filter(series=series).count() == 13
