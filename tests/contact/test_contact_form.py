import datetime

import pytest
from django.core import mail
from django.utils import timezone

from kopofo.contact.models import ContactSubmission
from kopofo.contact.tasks import purge_contact_submissions
from tests.factories import ContactPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Erika Muster",
    "e_mail": "erika@example.org",
    "nachricht": "Wann ist das nächste Seminar zum Haushaltsrecht?",
    "datenschutz_einwilligung": "on",
}


@pytest.fixture
def contact_page(home):
    privacy = StandardPageFactory(parent=home, title="Datenschutz", slug="datenschutz")
    return ContactPageFactory(parent=home, privacy_page=privacy)


def post(client, page, data, ip="203.0.113.7", **headers):
    """A POST as a browser sends it from the contact page itself."""
    headers.setdefault("HTTP_SEC_FETCH_SITE", "same-origin")
    return client.post(page.url, data, REMOTE_ADDR=ip, **headers)


def test_a_message_is_stored_and_mailed_to_the_office_by_the_worker(
    client, contact_page, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, contact_page, VALID)

    # Redirected after success: a reload shows the thanks again and sends nothing twice.
    assert response.status_code == 302
    assert response["Location"] == "/kontakt/danke/"
    assert "Vielen Dank für eure Nachricht" in client.get("/kontakt/danke/").content.decode()
    submission = ContactSubmission.objects.get()
    assert submission.get_data()["nachricht"] == VALID["nachricht"]
    assert "datenschutz_einwilligung" not in submission.get_data()
    assert mail.outbox == []  # nothing is sent from the request

    tasks = run_worker()

    assert [task.status for task in tasks] == ["SUCCESSFUL"]
    [message] = mail.outbox
    assert message.to == ["buero@kopofo-nrw.de"]
    assert message.reply_to == ["erika@example.org"]
    assert message.subject == "Nachricht über das Kontaktformular"
    assert "Nachricht: Wann ist das nächste Seminar zum Haushaltsrecht?" in message.body
    assert "Name: Erika Muster" in message.body


def test_a_bot_filling_the_honeypot_is_thanked_but_nothing_is_stored_or_sent(
    client, contact_page, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, contact_page, {**VALID, "homepage": "http://spam.example"})

    assert response.status_code == 302
    assert ContactSubmission.objects.count() == 0
    assert run_worker() == []
    assert mail.outbox == []


def test_missing_consent_and_fields_get_german_messages_and_keep_the_values(client, contact_page):
    data = {**VALID, "nachricht": ""}
    del data["datenschutz_einwilligung"]

    response = post(client, contact_page, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte prüft eure Angaben" in html
    assert "Bitte stimmt der Verarbeitung eurer Angaben zu." in html
    assert "Bitte füllt das Feld „Nachricht“ aus." in html
    assert 'value="Erika Muster"' in html and 'value="erika@example.org"' in html
    assert 'href="/datenschutz/">Datenschutzerklärung' in html
    assert ContactSubmission.objects.count() == 0


def test_one_address_sending_too_many_messages_is_refused_with_its_text_kept(
    client, contact_page, settings
):
    settings.CONTACT_RATE_LIMIT = (2, 3600)
    for _ in range(2):
        assert post(client, contact_page, VALID).status_code == 302

    refused = post(client, contact_page, VALID)
    from_elsewhere = post(client, contact_page, VALID, ip="198.51.100.4")

    assert refused.status_code == 429
    assert "Von eurem Anschluss kamen gerade viele Nachrichten" in refused.content.decode()
    assert "Wann ist das nächste Seminar zum Haushaltsrecht?" in refused.content.decode()
    assert from_elsewhere.status_code == 302
    assert ContactSubmission.objects.count() == 3


def test_messages_are_deleted_after_the_retention_period(contact_page, settings, run_worker):
    settings.CONTACT_SUBMISSION_RETENTION_DAYS = 30
    old = ContactSubmission.objects.create(page=contact_page, form_data={"nachricht": "alt"})
    recent = ContactSubmission.objects.create(page=contact_page, form_data={"nachricht": "neu"})
    ContactSubmission.objects.filter(pk=old.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=31)
    )

    purge_contact_submissions.enqueue()
    run_worker()

    assert list(ContactSubmission.objects.all()) == [recent]


@pytest.mark.parametrize(
    ("typed", "subject"),
    [
        ("Frage zum Seminar", "Nachricht über das Kontaktformular: Frage zum Seminar"),
        ("", "Nachricht über das Kontaktformular"),
        (
            "Frage\r\nBcc: alle@example.org\u2028zum\tSeminar",
            "Nachricht über das Kontaktformular: Frage Bcc: alle@example.org zum Seminar",
        ),
    ],
)
def test_the_office_mail_subject_carries_the_visitors_betreff_on_one_line(
    client, contact_page, run_worker, django_capture_on_commit_callbacks, typed, subject
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, contact_page, {**VALID, "betreff": typed})
    run_worker()

    [message] = mail.outbox
    assert message.subject == subject
    assert message.message().get_all("Bcc") is None


def test_a_long_betreff_is_cut_to_a_subject_line_the_office_sees_whole(
    client, contact_page, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, contact_page, {**VALID, "betreff": "Haushalt " * 25})
    run_worker()

    [message] = mail.outbox
    assert len(message.subject) == 150
    assert message.subject.startswith("Nachricht über das Kontaktformular: Haushalt Haushalt")
    assert message.subject.endswith("…")
