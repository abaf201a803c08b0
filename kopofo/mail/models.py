from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMailQuerySet(models.QuerySet):
    def created_before(self, moment):
        return self.filter(created_at__lt=moment)


class OutgoingMail(models.Model):
    """One queued message: the outbox the worker delivers from, and the ledger of what went out.

    The task that delivers it holds only this row's id. Its content (addresses, body,
    attachments) is deleted the moment it is delivered; the row stays a while as the delivery
    ledger, keyed by the Message-ID every attempt sends, so that a retry never sends it twice.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("wartet")
        SENT = "sent", _("zugestellt")
        FAILED = "failed", _("fehlgeschlagen")

    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    content = models.JSONField(_("Inhalt"), null=True)
    created_at = models.DateTimeField(_("eingereiht"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("zugestellt"), null=True)
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    # The kind of error only (e.g. "smtplib.SMTPServerDisconnected"): an SMTP server's answer
    # may quote the addresses.
    last_error = models.CharField(_("letzter Fehler"), max_length=255, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("ausgehende E-Mail")
        verbose_name_plural = _("ausgehende E-Mails")

    def __str__(self):
        return self.message_id


class OperatorAlert(models.Model):
    """When the operators were last told of one kind of failure: at most one mail an hour each."""

    kind = models.CharField(_("Art"), max_length=255, unique=True)
    last_sent_at = models.DateTimeField(_("zuletzt gemeldet"))

    class Meta:
        verbose_name = _("Meldung an den Betrieb")
        verbose_name_plural = _("Meldungen an den Betrieb")

    def __str__(self):
        return self.kind
