"""Attachments: only PDFs of a bounded size; their text is read in the background and searched;
visitors download them while the record is published."""

import logging

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motions_db import services
from motions_db.indexing import SEARCH_CONFIG
from motions_db.models import Attachment, SearchEntry, SearchText
from tests.conftest import on_postgres_database
from tests.factories import PaperFactory

from .admin_forms import edit_form
from .pdfs import pdf_with_text

pytestmark = pytest.mark.django_db


def upload(editor_client, paper, name, content):
    url = reverse("wagtailsnippets_motions_db_paper:edit", args=(paper.pk,))
    data = edit_form(paper, [{"title": "Anlage", "file": SimpleUploadedFile(name, content)}])
    return editor_client.post(url, data)


def test_a_file_that_is_not_a_pdf_is_refused_whatever_its_name(editor_client):
    paper = PaperFactory()
    response = upload(editor_client, paper, "antrag.pdf", b"<html>kein PDF</html>")
    assert response.status_code == 200
    assert "Bitte ladet nur PDF-Dateien hoch." in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_file_over_the_limit_is_refused(editor_client, settings):
    settings.MOTIONS_DB_MAX_ATTACHMENT_BYTES = 20 * 1000 * 1000
    paper = PaperFactory()
    response = upload(editor_client, paper, "gross.pdf", b"%PDF-1.4\n" + b"0" * 20_000_000)
    assert "Die Datei ist größer als 20 MB." in response.content.decode()
    assert not Attachment.objects.exists()


def test_an_uploaded_pdf_is_stored_read_by_the_worker_and_found(
    editor_client, run_worker, django_capture_on_commit_callbacks
):
    paper = PaperFactory(title="Haushalt")
    content = pdf_with_text("Die Schwimmbadsanierung kostet drei Millionen.")
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(editor_client, paper, "haushalt.pdf", content)
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.size, attachment.text) == (len(content), "")

    [task] = run_worker()
    assert task.status == "SUCCESSFUL"
    attachment.refresh_from_db()
    assert "Schwimmbadsanierung" in attachment.text
    if on_postgres_database():
        query = SearchQuery("Schwimmbadsanierung", config=SEARCH_CONFIG)
        assert SearchText.objects.filter(entry__paper=paper, vector=query).exists()


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.4\nnichts weiter",
        pdf_with_text("Geheim", password="kennwort"),
        pdf_with_text("Text mit \x00 Nullzeichen"),
    ],
    ids=["broken", "encrypted", "nul bytes"],
)
def test_a_pdf_that_cant_be_read_keeps_its_record_and_logs_no_content(
    content, run_worker, caplog, django_capture_on_commit_callbacks
):
    paper = PaperFactory()
    attachment = Attachment(paper=paper, title="Anlage von Anna Beispiel")
    attachment.file.save("anna-beispiel.pdf", ContentFile(content))
    with django_capture_on_commit_callbacks(execute=True):
        services.attachment_uploaded(attachment.pk)
    with caplog.at_level(logging.WARNING):
        [task] = run_worker()
    assert task.status == "SUCCESSFUL"
    attachment.refresh_from_db()
    assert "\x00" not in attachment.text
    assert "Geheim" not in attachment.text
    assert SearchEntry.objects.filter(paper=paper).exists()
    assert "Anna" not in caplog.text and "anna" not in caplog.text


def test_visitors_download_the_pdf_while_the_record_is_published(client, home):
    paper = PaperFactory()
    attachment = Attachment(paper=paper, title="Antrag: Sozialticket (Entwurf)")
    attachment.file.save("x7f3k.pdf", ContentFile(b"%PDF-1.4\n"))
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response.streaming
    assert b"".join(response.streaming_content) == b"%PDF-1.4\n"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="antrag-sozialticket-entwurf.pdf"'
    )
    # A stream is never kept in the page cache.
    assert "X-Cache" not in response

    paper.live = False
    paper.save()
    assert client.get(attachment.get_absolute_url()).status_code == 404
    other = PaperFactory()
    assert client.get(f"/datenbank/{other.pk}/anhang/{attachment.pk}/").status_code == 404
