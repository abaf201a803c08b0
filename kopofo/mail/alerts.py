"""The operators (settings.ADMINS) learn of a server error or a task that failed for good.

By mail, through the outbox and the worker like every mail, and at most once an hour for each
kind of failure: a broken page hit by a crawler a thousand times is one mail, not a thousand.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import mail_admins
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from .models import OperatorAlert

ALERT_INTERVAL = timedelta(hours=1)


def claim_alert(kind, now=None):
    """True for the one caller that may mail about `kind` now; False within an hour of the last."""
    now = now or timezone.now()
    kind = kind[:255]
    # A compare-and-set: of two processes reporting the same failure at once, one wins.
    if OperatorAlert.objects.filter(kind=kind, last_sent_at__lte=now - ALERT_INTERVAL).update(
        last_sent_at=now
    ):
        return True
    try:
        with transaction.atomic():
            OperatorAlert.objects.create(kind=kind, last_sent_at=now)
    except IntegrityError:
        return False
    return True


def notify_operators(kind, subject, message):
    """Mail the admins about `kind`, unless they heard of it within the hour."""
    if not settings.ADMINS or not claim_alert(kind):
        return False
    mail_admins(subject, message)
    return True


def report_failed_task(result, *, attempts):
    """A task failed for good: name it and where to read why; its arguments stay out of it."""
    error = result.exception_class_path or "unbekannt"
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "hintergrundaufgaben:inspect", args=[result.pk]
    )
    notify_operators(
        f"task:{result.task_path}:{error}",
        f"Hintergrundaufgabe {result.task_name} endgültig fehlgeschlagen",
        f"Die Aufgabe {result.task_path} ist nach {attempts} Versuch(en) endgültig "
        f"fehlgeschlagen.\n\nFehler: {error}\nEinzelheiten: {url}\n\n"
        "Weitere Meldungen dieser Art folgen frühestens in einer Stunde.",
    )
