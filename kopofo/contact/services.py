import unicodedata
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Site

from kopofo.pages.models import ContactSettings
from kopofo.ratelimit.services import hit

from .models import ContactSubmission

#: The form field whose value becomes part of the office mail's subject ("Betreff").
SUBJECT_FIELD = "betreff"
#: A subject line the office's mail client shows whole.
MAX_SUBJECT_LENGTH = 150


class TooManyMessages(Exception):
    pass


def submit_message(page, form, *, sender):
    """Store a contact message and have the worker mail it to the office.

    `sender` is the rate limit's key for the client (kopofo.ratelimit.services.client_key).
    A bot that filled the honeypot is told it succeeded, but nothing is stored or sent.
    """
    if form.bot_detected():
        return None
    limit, window = settings.CONTACT_RATE_LIMIT
    if not hit("contact_message", sender, limit=limit, window=timedelta(seconds=window)):
        raise TooManyMessages(
            _(
                "Von eurem Anschluss kamen gerade viele Nachrichten. Bitte versucht es später "
                "noch einmal oder schreibt uns direkt eine E-Mail."
            )
        )
    with transaction.atomic():
        submission = ContactSubmission.objects.create(page=page, form_data=form.message_data())
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
        subject=_subject(page.subject or _("Neue Nachricht über das Kontaktformular"), data),
        body="\n".join(lines),
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        to=page.recipients(office_email),
        reply_to=reply_to,
    )


def purge_old_submissions():
    days = settings.CONTACT_SUBMISSION_RETENTION_DAYS
    deleted, _details = ContactSubmission.objects.older_than(days).delete()
    return deleted


def _subject(base, data):
    """The page's subject with the visitor's Betreff: one line, whatever the visitor typed.

    A line break in a header would let the visitor add headers of their own; Django refuses
    such a subject, which would fail the delivery. So every control or separator character
    becomes a space, and the line is cut to a length the office's mail client shows whole.
    """
    typed = "".join(
        " " if unicodedata.category(char)[0] in "CZ" else char
        for char in str(data.get(SUBJECT_FIELD) or "")
    )
    typed = " ".join(typed.split())
    if not typed:
        return str(base)
    subject = f"{base}: {typed}"
    if len(subject) > MAX_SUBJECT_LENGTH:
        subject = subject[: MAX_SUBJECT_LENGTH - 1].rstrip() + "…"
    return subject


def _format(value):
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return value
