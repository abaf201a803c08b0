import hashlib
import hmac

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Site

from kopofo.pages.models import ContactSettings

from .models import ContactSubmission


class TooManyMessages(Exception):
    pass


def client_ip(request):
    forwarded = [
        ip.strip() for ip in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if ip.strip()
    ]
    # Only entries our own proxies appended can be trusted: count them from the right.
    if settings.NUM_PROXIES and len(forwarded) >= settings.NUM_PROXIES:
        return forwarded[-settings.NUM_PROXIES]
    return request.META.get("REMOTE_ADDR", "")


def sender_key(ip):
    return hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256).hexdigest()


def submit_message(page, form, *, client_ip):
    """Store a contact message and have the worker mail it to the office.

    A bot that filled the honeypot is told it succeeded, but nothing is stored or sent.
    """
    if form.bot_detected():
        return None
    key = sender_key(client_ip)
    limit, window = settings.CONTACT_RATE_LIMIT
    with transaction.atomic():
        if ContactSubmission.objects.from_sender_within(key, window).count() >= limit:
            raise TooManyMessages(
                _(
                    "Von deinem Anschluss kamen gerade viele Nachrichten. Bitte versuche es "
                    "später noch einmal oder schreib uns direkt eine E-Mail."
                )
            )
        submission = ContactSubmission.objects.create(
            page=page, form_data=form.message_data(), sender_key=key
        )
        # Queued, and handed to the worker only if the submission is committed (kopofo.mail).
        office_mail(page, submission).send()
    return submission


def office_mail(page, submission):
    """The message to the office: every field with its label, replies go to the sender."""
    site = page.get_site() or Site.objects.get(is_default_site=True)
    office_email = ContactSettings.for_site(site).email or settings.DEFAULT_FROM_EMAIL
    labels = {field.clean_name: field.label for field in page.get_form_fields()}
    data = submission.get_data()
    lines = [f"{labels[name]}: {_format(value)}" for name, value in data.items() if name in labels]
    reply_to = [value for name, value in data.items() if "mail" in name and "@" in str(value)][:1]
    return EmailMessage(
        subject=page.subject or _("Neue Nachricht über das Kontaktformular"),
        body="\n".join(lines),
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        to=page.recipients(office_email),
        reply_to=reply_to,
    )


def purge_old_submissions():
    days = settings.CONTACT_SUBMISSION_RETENTION_DAYS
    deleted, _details = ContactSubmission.objects.older_than(days).delete()
    return deleted


def _format(value):
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return value
