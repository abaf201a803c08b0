"""A mail server that accepts and never answers fails one attempt within the timeout."""

import time
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.core.mail import send_mail
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kopofo.mail.models import OutgoingMail
from kopofo.mail.tasks import deliver_mail
from kopofo.scheduling.tasks import publish_scheduled_pages
from kopofo.settings.base import outbound_mailer

from .servers import SilentServer

pytestmark = pytest.mark.django_db

TIMEOUT = 1  # seconds; production waits EMAIL_TIMEOUT (15 s)


@pytest.fixture
def silent_mail_server(settings):
    with SilentServer() as server:
        settings.MAILERS = {
            **settings.MAILERS,
            "outbound": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": server.port, "timeout": TIMEOUT},
            },
        }
        yield server


def test_delivery_fails_within_the_timeout_and_is_retried_not_hung(
    silent_mail_server, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Einladung", "Hallo!", "buero@kopofo-nrw.de", ["erika@example.org"])

    started = time.monotonic()
    [task] = run_worker()
    took = time.monotonic() - started

    assert silent_mail_server.connected.is_set()
    assert took < TIMEOUT + 10  # the timeout, and some slack for a busy machine: not hung
    # Not FAILED: waiting for its second attempt, a minute later.
    assert task.status == TaskResultStatus.READY
    assert timedelta(seconds=30) < task.run_after - timezone.now() <= timedelta(minutes=1)
    queued = OutgoingMail.objects.get()
    assert (queued.status, queued.attempts) == (OutgoingMail.Status.QUEUED, 1)
    assert queued.last_error in {"builtins.TimeoutError", "smtplib.SMTPServerDisconnected"}


def test_the_outbound_connections_have_timeouts():
    smtp = outbound_mailer("django.core.mail.backends.smtp.EmailBackend")

    # 15 s unless EMAIL_TIMEOUT says otherwise; never unlimited.
    assert 0 < smtp["OPTIONS"]["timeout"] <= 60
    assert 0 < django_settings.ANYMAIL["REQUESTS_TIMEOUT"] <= 60


def test_mail_waits_on_its_own_queue_apart_from_scheduled_publishing():
    # `make worker` and `make mail-worker` (and compose's worker and mail-worker) split these.
    assert deliver_mail.queue_name == "mail"
    assert publish_scheduled_pages.queue_name == "default"


def test_a_mail_the_server_never_took_fails_visibly_after_five_attempts(
    silent_mail_server, settings, run_worker, django_capture_on_commit_callbacks
):
    settings.ADMINS = ["betrieb@kopofo-nrw.de"]
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Einladung", "Hallo!", "buero@kopofo-nrw.de", ["erika@example.org"])
    task = DBTaskResult.objects.get()
    queued = OutgoingMail.objects.get()

    for _attempt in range(5):
        DBTaskResult.objects.filter(pk=task.pk).update(run_after=timezone.now())
        run_worker()

    task.refresh_from_db()
    queued.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert (queued.status, queued.attempts) == (OutgoingMail.Status.FAILED, 5)
    # The operators' mail about it waits in the outbox for the (here silent) mail server too.
    alert = OutgoingMail.objects.exclude(pk=queued.pk).get()
    assert alert.content["to"] == ["betrieb@kopofo-nrw.de"]
    assert "deliver_mail endgültig fehlgeschlagen" in alert.content["subject"]
