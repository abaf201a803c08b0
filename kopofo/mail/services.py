import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import mailers
from django.core.mail.message import make_msgid
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.utils import timezone

from . import OUTBOUND
from .models import OutgoingMail
from .serialization import from_payload, to_payload

logger = logging.getLogger(__name__)


class MailNotDelivered(Exception):
    """The mail server or ESP refused or did not answer; says which kind of error, no more.

    The original error stays out of the task's record on purpose: an SMTP answer or an ESP's
    response often quotes the recipients, and the office reads that record.
    """


def queue(message):
    """Store `message` in the outbox and have the worker deliver it once the transaction commits."""
    from .tasks import deliver_mail

    message_id = _message_id(message)
    outgoing = OutgoingMail.objects.create(message_id=message_id, content=to_payload(message))
    transaction.on_commit(lambda: deliver_mail.enqueue(outgoing.pk))
    return outgoing


def _message_id(message):
    # Set now, so every attempt sends the same Message-ID: the ledger's key, and what lets a
    # receiving server recognise a duplicate.
    for name, value in message.extra_headers.items():
        if name.lower() == "message-id":
            return str(value)
    message_id = make_msgid(domain=DNS_NAME.get_fqdn())
    message.extra_headers["Message-ID"] = message_id
    return message_id


def deliver(outgoing_mail_id, *, last_attempt):
    """Hand one outbox message to the outbound mailer, unless it went out already.

    The row stays locked while the mail server works, so a second attempt (a task queued again
    while the first worker still sends) waits and then finds it delivered. A worker that dies
    mid-send drops its connection, and with it the lock: the next attempt sends.
    Returns the Message-ID, or None if there was nothing (left) to send.
    """
    failure = None
    with transaction.atomic():
        outgoing = OutgoingMail.objects.select_for_update().filter(pk=outgoing_mail_id).first()
        if outgoing is None:
            # Purged after its retention: nothing left to send.
            return None
        if outgoing.status == OutgoingMail.Status.SENT:
            logger.info("Mail %s was delivered before; not sending it again", outgoing.message_id)
            return None
        outgoing.attempts += 1
        try:
            mailers[OUTBOUND].send_messages([from_payload(outgoing.content)])
        except Exception as error:
            failure = f"{type(error).__module__}.{type(error).__qualname__}"
            code = getattr(error, "smtp_code", None) or getattr(error, "status_code", None)
            if code:
                failure += f" ({code})"
            outgoing.last_error = failure[:255]
            if last_attempt:
                outgoing.status = OutgoingMail.Status.FAILED
            outgoing.save(update_fields=["attempts", "last_error", "status"])
        else:
            outgoing.status = OutgoingMail.Status.SENT
            outgoing.sent_at = timezone.now()
            # Delivered: the addresses and the text are not ours to keep.
            outgoing.content = None
            outgoing.save(update_fields=["attempts", "status", "sent_at", "content"])
    if failure:
        raise MailNotDelivered(failure)
    return outgoing.message_id


def purge_old_mail(now=None):
    """Delete outbox rows past their retention: failed ones with their content, and the ledger.

    Retries end after about 81 minutes, so a ledger kept for days outlives every retry.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.MAIL_RETENTION_DAYS)
    deleted, _details = OutgoingMail.objects.created_before(cutoff).delete()
    return deleted
