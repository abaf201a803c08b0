"""The half-year programme as a PDF: read back with pypdf, and never stale after a change."""

import io
import re

import pytest
from pypdf import PdfReader

from events.models import EventPage, ProgrammePdf
from events.services import programme_pdf
from tests.factories import EventPageFactory, ImageFactory, ProgrammePageFactory, berlin

pytestmark = pytest.mark.django_db

PDF = "/veranstaltungen/herbstprogramm-2030/pdf/"


@pytest.fixture
def programme(event_index):
    return ProgrammePageFactory(parent=event_index)


@pytest.fixture
def events(event_index):
    """Three events of autumn 2030 out of date order, one cancelled; one in spring, one in 2031."""
    made = {
        "bodenpreise": EventPageFactory(
            parent=event_index,
            title="Bodenpreise treiben die Mieten – Wie können Städte gegensteuern?",
            start=berlin(2030, 11, 7, 11),
            city="Düsseldorf",
            street="Luegallee 65",
            postal_code="40545",
        ),
        "netzwerk": EventPageFactory(
            parent=event_index,
            title="Netzwerktreffen Integrationsräte",
            start=berlin(2030, 7, 1, 0, 30),  # the first half hour of the half-year
            format=EventPage.Format.ONLINE,
            online_platform="Zoom",
            city="",
        ),
        "haushalt": EventPageFactory(
            parent=event_index,
            title="Haushaltsrecht für Einsteiger*innen",
            start=berlin(2030, 12, 31, 18),
            status=EventPage.Status.CANCELLED,
            fees="20 €, ermäßigt 10 €",
        ),
        "fruehjahr": EventPageFactory(
            parent=event_index, title="Frühjahrsklausur", start=berlin(2030, 6, 30, 23, 30)
        ),
        "naechstes-jahr": EventPageFactory(
            parent=event_index, title="Neujahrsempfang", start=berlin(2031, 1, 1, 0, 0)
        ),
    }
    return made


def read(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join(response) if response.streaming else response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, re.sub(r"\s+", " ", text)


def positions(text, titles):
    return [text.index(title) for title in titles]


def test_the_pdf_lists_the_half_years_events_in_date_order(client, programme, events):
    response = client.get(PDF)

    reader, text = read(response)
    assert response["Content-Disposition"] == (
        'attachment; filename="kopofo-nrw-herbstprogramm-2030.pdf"'
    )
    assert reader.metadata.title == "Herbstprogramm 2030"
    assert reader.metadata.author == "kommunalpolitisches forum nrw e.V."
    assert "Herbstprogramm 2030" in text
    assert "Veranstaltungen Juli bis Dezember 2030" in text
    order = positions(
        text,
        [
            "Netzwerktreffen Integrationsräte",
            "Bodenpreise treiben die Mieten – Wie können Städte gegensteuern?",
            "Haushaltsrecht für Einsteiger*innen",
        ],
    )
    assert order == sorted(order)
    assert "Frühjahrsklausur" not in text
    assert "Neujahrsempfang" not in text


def test_the_pdf_says_what_a_reader_needs_with_umlauts_intact(client, programme, events):
    reader, text = read(client.get(PDF))

    # The editorial, signed.
    assert "Liebe Kommunalpolitiker*innen, wir laden euch ein: Über Größe reden!" in text
    assert "Wolfgang Freye, Vorsitzender" in text
    # Each event: when, where, what kind, its number, fees, registration and address.
    assert "Do., 7. November 2030, 11:00–16:00 Uhr" in text
    assert "Internationales Zentrum, Luegallee 65, 40545 Düsseldorf" in text
    assert "Onlineveranstaltung über Zoom" in text
    assert f"Veranstaltungsnummer: {events['bodenpreise'].event_number}" in text
    assert "Teilnahmegebühren: 20 €, ermäßigt 10 €" in text
    assert "Anmeldung: erforderlich, per E-Mail an buero@kopofo-nrw.de" in text
    assert "http://testserver/veranstaltungen/" in text
    # The cancelled one says so; the months head their events.
    assert "ABGESAGT: Di., 31. Dezember 2030" in text
    listing = text.split("Die Termine", 1)[1]
    months = positions(listing, ["Juli 2030", "November 2030", "Dezember 2030"])
    assert months == sorted(months)
    # The office's address in the footer, and page numbers.
    assert "Severinstraße 1 · 45127 Essen" in text
    assert f"Seite 1 von {len(reader.pages)}" in text
    # The site's typeface is embedded: the umlauts are the font's, not the reader's.
    fonts = {
        font["/BaseFont"]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].get_object().values()
    }
    assert all("SourceSans3" in name for name in fonts), fonts


def test_a_programme_without_events_still_has_its_pdf(client, programme):
    _reader, text = read(client.get(PDF))

    assert "Für dieses Halbjahr stehen noch keine Termine fest." in text


def test_the_worker_rebuilds_the_pdf_after_an_event_is_published_with_a_new_title(
    client, programme, events, run_worker, django_capture_on_commit_callbacks
):
    first = programme_pdf(programme.pk)
    event = events["bodenpreise"]
    event.title = "Bodenpreise und Mieten: Was Städte tun können"
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()

    ran = run_worker()

    assert [task.task_path for task in ran] == ["events.tasks.refresh_programme_pdfs"]
    assert ran[0].status == "SUCCESSFUL"
    stored = ProgrammePdf.objects.get(programme=programme)
    assert stored.fingerprint != first.fingerprint
    assert not stored.file.storage.exists(first.file.name)  # the old file is gone
    with stored.file.open("rb") as file:
        text = " ".join(page.extract_text() for page in PdfReader(file).pages)
    text = re.sub(r"\s+", " ", text)
    assert "Bodenpreise und Mieten: Was Städte tun können" in text
    assert "Bodenpreise treiben die Mieten" not in text


def test_a_programme_published_queues_its_pdf(
    event_index, events, run_worker, django_capture_on_commit_callbacks
):
    programme = ProgrammePageFactory(parent=event_index, live=False)
    with django_capture_on_commit_callbacks(execute=True):
        programme.save_revision().publish()

    run_worker()

    assert ProgrammePdf.objects.get(programme=programme).size > 1000


def test_the_pdf_address_never_serves_a_stale_pdf_before_the_worker_ran(client, programme, events):
    read(client.get(PDF))
    event = events["netzwerk"]
    event.title = "Netzwerktreffen der Integrationsräte in NRW"
    event.save_revision().publish()  # its rebuild is queued, but no worker has run

    _reader, text = read(client.get(PDF))

    assert "Netzwerktreffen der Integrationsräte in NRW" in text


def test_an_unchanged_programme_is_not_built_again(programme, events):
    first = programme_pdf(programme.pk)

    again = programme_pdf(programme.pk)

    assert (again.file.name, again.built_at) == (first.file.name, first.built_at)


def test_a_reader_who_has_the_pdf_gets_304(client, programme, events):
    response = client.get(PDF)
    assert response.status_code == 200

    again = client.get(PDF, headers={"if-none-match": response["ETag"]})

    assert again.status_code == 304


def test_the_cover_shows_the_programmes_picture_and_does_without_it_when_its_file_is_gone(
    client, event_index
):
    image = ImageFactory(file__width=800, file__height=500)
    ProgrammePageFactory(parent=event_index, image=image)

    reader, _text = read(client.get(PDF))
    assert len(reader.pages[0].images) == 1

    image.file.storage.delete(image.file.name)
    image.renditions.all().delete()
    image.title = "Umbenannt"  # any change: the cached pages and the fingerprint are renewed
    image.file_hash = "anders"
    image.save()

    reader, text = read(client.get(PDF))
    assert len(reader.pages[0].images) == 0
    assert "Herbstprogramm 2030" in text
