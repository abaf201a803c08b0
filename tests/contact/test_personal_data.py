"""A person asks what we store about them, or to delete it: every app's data is found by email."""

import io
import json

import pytest
from django.core.management import call_command

from kopofo.contact.models import ContactSubmission
from kopofo.personal_data import erase_person, export_person, sources
from tests.factories import ContactPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def messages(home):
    page = ContactPageFactory(parent=home)

    def message(email, text):
        return ContactSubmission.objects.create(
            page=page, form_data={"name": "Erika Muster", "e_mail": email, "nachricht": text}
        )

    return [
        message("Erika@Example.org", "Wann ist das nächste Seminar?"),
        message("erika@example.org", "Danke für die Antwort."),
        # Mentions the address in the text, but was sent by someone else.
        message("otto@example.org", "Bitte schreibt auch erika@example.org an."),
    ]


def test_contact_messages_are_registered_as_personal_data_with_their_retention():
    labels = {source.label: source.retention for source in sources()}

    assert labels["Nachrichten über das Kontaktformular"] == "180 Tage"


def test_export_finds_every_message_a_person_sent_whatever_the_case_of_the_address(messages):
    export = export_person("  ERIKA@example.org ")

    texts = [record["nachricht"] for record in export["Nachrichten über das Kontaktformular"]]
    assert sorted(texts) == ["Danke für die Antwort.", "Wann ist das nächste Seminar?"]


def test_erasure_deletes_the_persons_messages_and_nobody_elses(messages):
    counts = erase_person("erika@example.org")

    assert counts == {"Nachrichten über das Kontaktformular": 2}
    assert list(ContactSubmission.objects.values_list("form_data__e_mail", flat=True)) == [
        "otto@example.org"
    ]
    assert export_person("erika@example.org") == {}


def test_the_command_shows_and_deletes_a_persons_data(messages):
    shown = io.StringIO()
    call_command("personal_data", "erika@example.org", stdout=shown)
    deleted = io.StringIO()
    call_command("personal_data", "erika@example.org", "--delete", stdout=deleted)

    assert len(json.loads(shown.getvalue())["Nachrichten über das Kontaktformular"]) == 2
    assert "Nachrichten über das Kontaktformular: 2 deleted" in deleted.getvalue()
    assert ContactSubmission.objects.count() == 1
