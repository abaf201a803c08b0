"""The half-year programme's page: its events by month, to read, print and download."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventPage, ProgrammePage
from events.services import programme_pdf
from tests.factories import EventPageFactory, ProgrammePageFactory, berlin

pytestmark = pytest.mark.django_db

PAGE = "/veranstaltungen/herbstprogramm-2030/"


@pytest.fixture
def programme(event_index):
    return ProgrammePageFactory(parent=event_index)


def titles(html):
    found = re.findall(
        r'class="teaser__title"><a href="[^"]+" data-print-url="[^"]+">(.+?)</a>', html
    )
    return [re.sub(r"<[^>]+>", "", title) for title in found]


def test_the_title_and_address_come_from_the_half_year(programme):
    assert programme.title == "Herbstprogramm 2030"
    assert programme.url == PAGE
    assert programme.period == "Juli bis Dezember 2030"


def test_the_page_lists_the_half_years_events_by_month_in_date_order(
    client, event_index, programme
):
    for title, start in [
        ("Haushaltsrecht", berlin(2030, 12, 2, 18)),
        ("Wärmeplanung", berlin(2030, 7, 1, 0, 30)),
        ("Bodenpreise", berlin(2030, 9, 14, 11)),
        ("Frühjahrsklausur", berlin(2030, 6, 30, 23, 30)),
        ("Neujahrsempfang", berlin(2031, 1, 1, 0, 0)),
    ]:
        EventPageFactory(parent=event_index, title=title, start=start)
    EventPageFactory(parent=event_index, title="Entwurf", start=berlin(2030, 8, 1, 11), live=False)
    EventPageFactory(
        parent=event_index,
        title="Abgesagtes Seminar",
        start=berlin(2030, 10, 1, 11),
        status=EventPage.Status.CANCELLED,
    )

    response = client.get(PAGE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Herbstprogramm 2030</h1>" in html
    assert "Veranstaltungen Juli bis Dezember 2030" in html
    assert titles(html) == [
        "Wärmeplanung",
        "Bodenpreise",
        "Abgesagt: Abgesagtes Seminar",
        "Haushaltsrecht",
    ]
    months = re.findall(r'class="programme-month__heading">([^<]+)<', html)
    assert months == ["Juli 2030", "September 2030", "Oktober 2030", "Dezember 2030"]
    assert "Mo., 1. Juli 2030, 00:30–05:30 Uhr" in html
    assert "Diskussionsveranstaltung · Veranstaltungsnummer 300914-DEM-DU" in html
    assert 'data-print-url="http://testserver/veranstaltungen/' in html
    listing = html.split('id="programme-events-heading"')[1].split('class="back-link"')[0]
    for absent in ["Entwurf", "Frühjahrsklausur", "Neujahrsempfang"]:
        assert absent not in listing


def test_the_page_carries_the_editorial_and_the_print_stylesheet(client, programme):
    html = client.get(PAGE).content.decode()

    assert "wir laden euch ein: Über Größe reden!" in html
    assert '<p class="programme__signature">Wolfgang Freye, Vorsitzender</p>' in html
    assert re.search(
        r'<link rel="stylesheet" href="[^"]*programme-print[^"]*\.css" media="print">', html
    )


def test_the_download_link_shows_the_size_of_the_pdf_once_built(client, programme):
    html = client.get(PAGE).content.decode()
    assert f'<a href="{PAGE}pdf/">Programm als PDF herunterladen</a>' in html
    assert "programme__size" not in html  # not built yet: no size to tell

    stored = programme_pdf(programme.pk)  # as the worker does, which makes cached pages stale

    html = client.get(PAGE).content.decode()
    size = re.search(r'class="programme__size">\(PDF, ([\d,]+)\s+KB\)', html)
    assert size, html
    assert float(size.group(1).replace(",", ".")) == pytest.approx(stored.size / 1024, abs=0.1)


def test_a_programme_without_events_says_so(client, programme):
    response = client.get(PAGE)

    assert response.status_code == 200
    assert "Für dieses Halbjahr stehen noch keine Termine fest." in response.content.decode()


def test_unknown_addresses_below_the_programme_are_404(client, programme):
    for path in ["gibt-es-nicht/", "pdf/gibt-es-nicht/", "pdf.pdf"]:
        assert client.get(PAGE + path).status_code == 404, path
    # Junk in the query string changes nothing.
    assert client.get(PAGE + "pdf/?seite=x&jahr=%C3").status_code == 200


def test_the_page_takes_the_same_number_of_queries_for_3_or_30_events(
    client, event_index, programme, settings
):
    settings.PAGE_CACHE_ENABLED = False  # every request renders

    def count():
        client.get("/")  # the site's root paths and settings, cached once
        with CaptureQueriesContext(connection) as queries:
            assert client.get(PAGE).status_code == 200
        return len(queries)

    for n in range(3):
        EventPageFactory(parent=event_index, start=berlin(2030, 8, n + 1, 11))
    few = count()
    for n in range(27):
        EventPageFactory(parent=event_index, start=berlin(2030, 9 + n % 4, n % 28 + 1, 11))
    assert count() == few


def test_the_events_index_links_the_published_programmes(client, event_index, programme):
    ProgrammePageFactory(parent=event_index, season=ProgrammePage.Season.SPRING, year=2031)
    ProgrammePageFactory(parent=event_index, season=ProgrammePage.Season.SPRING, year=2030)
    ProgrammePageFactory(parent=event_index, year=2029, live=False)

    html = client.get("/veranstaltungen/").content.decode()

    section = html.split('id="programmes-heading"')[1].split("</section>")[0]
    assert "Unsere Halbjahresprogramme" in section
    assert re.findall(r'<a href="([^"]+)">', section) == [
        "/veranstaltungen/fruehjahrsprogramm-2031/",
        PAGE,
        "/veranstaltungen/fruehjahrsprogramm-2030/",
    ]
    assert "herbstprogramm-2029" not in section


def test_a_second_programme_for_the_same_half_year_is_refused_in_german(event_index, programme):
    second = ProgrammePage(season=ProgrammePage.Season.AUTUMN, year=2030)
    second.set_url_path(event_index)

    with pytest.raises(ValidationError) as refused:
        second.full_clean()

    assert refused.value.message_dict["year"] == [
        "Für dieses Halbjahr gibt es schon ein Programm: „Herbstprogramm 2030“. "
        "Bitte dort weiterschreiben."
    ]
