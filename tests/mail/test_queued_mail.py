import json
from datetime import timedelta

import pytest
from anymail.message import AnymailMessage
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kopofo.mail.models import OutgoingMail
from kopofo.mail.tasks import deliver_mail, purge_outgoing_mail

pytestmark = pytest.mark.django_db


def test_mail_sent_in_a_request_or_service_waits_for_the_worker(
    run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Einladung", "Hallo!", "buero@kopofo-nrw.de", ["erika@example.org"])

    assert mail.outbox == []
    [task] = run_worker()

    assert task.status == "SUCCESSFUL"
    [message] = mail.outbox
    assert (message.subject, message.body, message.to) == (
        "Einladung",
        "Hallo!",
        ["erika@example.org"],
    )


def test_mail_of_a_transaction_that_rolls_back_is_never_sent(
    run_worker, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        send_mail("Nie", "Nie gesendet", "buero@kopofo-nrw.de", ["erika@example.org"])
        raise RuntimeError("the registration failed")

    assert callbacks == []
    assert run_worker() == []
    assert mail.outbox == []


def test_html_alternatives_attachments_and_esp_options_survive_the_queue(
    run_worker, django_capture_on_commit_callbacks
):
    message = AnymailMessage(
        subject="Newsletter November",
        body="Text",
        from_email="newsletter@kopofo-nrw.de",
        to=["erika@example.org"],
        cc=["cc@example.org"],
        bcc=["bcc@example.org"],
        reply_to=["buero@kopofo-nrw.de"],
        headers={"List-Unsubscribe": "<https://kopofo-nrw.de/newsletter/abmelden/x/>"},
        tags=["newsletter"],
        metadata={"issue": "2026-11"},
        track_clicks=False,
    )
    message.attach_alternative("<p>Text</p>", "text/html")
    message.attach("programm.pdf", b"%PDF-1.4 binary\x00\xff", "application/pdf")

    with django_capture_on_commit_callbacks(execute=True):
        message.send()
    run_worker()

    [sent] = mail.outbox
    assert sent.to == ["erika@example.org"]
    assert sent.cc == ["cc@example.org"] and sent.bcc == ["bcc@example.org"]
    assert sent.reply_to == ["buero@kopofo-nrw.de"]
    assert sent.extra_headers["List-Unsubscribe"].startswith("<https://")
    assert sent.alternatives == [("<p>Text</p>", "text/html")]
    assert sent.attachments == [("programm.pdf", b"%PDF-1.4 binary\x00\xff", "application/pdf")]
    assert (sent.tags, sent.metadata, sent.track_clicks) == (
        ["newsletter"],
        {"issue": "2026-11"},
        False,
    )
    # What anymail's test backend would have posted to the ESP.
    assert sent.anymail_test_params["tags"] == ["newsletter"]


def test_a_message_without_recipients_is_not_queued(run_worker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sent = EmailMultiAlternatives("Leer", "Niemand", "buero@kopofo-nrw.de", []).send()

    assert sent == 0
    assert run_worker() == []


def test_the_task_holds_only_the_outbox_id_and_delivery_deletes_the_content(
    run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Einladung", "Hallo Erika!", "buero@kopofo-nrw.de", ["erika@example.org"])
    queued = OutgoingMail.objects.get()
    task = DBTaskResult.objects.get()

    assert task.args_kwargs == {"args": [queued.pk], "kwargs": {}}
    assert task.queue_name == "mail"
    assert queued.content["to"] == ["erika@example.org"]

    run_worker()

    task.refresh_from_db()
    queued.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert task.return_value == {"message_id": queued.message_id}
    assert queued.status == OutgoingMail.Status.SENT
    assert queued.content is None
    stored = json.dumps(list(DBTaskResult.objects.values()), default=str) + json.dumps(
        list(OutgoingMail.objects.values()), default=str
    )
    assert "erika@example.org" not in stored
    assert "Hallo Erika!" not in stored


def test_a_mail_queued_twice_for_delivery_is_sent_once(
    run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Einladung", "Hallo!", "buero@kopofo-nrw.de", ["erika@example.org"])
    queued = OutgoingMail.objects.get()
    # A second task for the same message, as a task queued again after its worker vanished.
    deliver_mail.enqueue(queued.pk)

    tasks = run_worker()

    assert [task.status for task in tasks] == ["SUCCESSFUL", "SUCCESSFUL"]
    [sent] = mail.outbox
    assert sent.extra_headers["Message-ID"] == queued.message_id


def test_every_attempt_sends_the_message_id_given_when_it_was_queued(
    run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Einladung", "Hallo!", "buero@kopofo-nrw.de", ["erika@example.org"])
    queued = OutgoingMail.objects.get()

    run_worker()

    [sent] = mail.outbox
    assert queued.message_id.startswith("<") and queued.message_id.endswith(">")
    assert sent.message()["Message-ID"] == queued.message_id


def test_delivered_and_failed_mail_is_deleted_after_its_retention(settings):
    settings.MAIL_RETENTION_DAYS = 7
    now = timezone.now()
    old = OutgoingMail.objects.create(message_id="<alt@kopofo>", status="failed", content={})
    recent = OutgoingMail.objects.create(message_id="<neu@kopofo>", status="sent")
    OutgoingMail.objects.filter(pk=old.pk).update(created_at=now - timedelta(days=8))
    OutgoingMail.objects.filter(pk=recent.pk).update(created_at=now - timedelta(days=6))

    assert purge_outgoing_mail.call() == 1

    assert list(OutgoingMail.objects.all()) == [recent]
