"""Turn an EmailMessage into JSON for the task queue and back, without losing what anymail uses."""

import base64

from anymail.utils import UNSET
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.message import MIMEBase

# Attributes anymail reads from a message; set on the message, they must survive the queue.
ANYMAIL_ATTRIBUTES = [
    "envelope_sender",
    "metadata",
    "tags",
    "track_clicks",
    "track_opens",
    "template_id",
    "merge_data",
    "merge_global_data",
    "merge_headers",
    "merge_metadata",
    "esp_extra",
]


def to_payload(message: EmailMessage) -> dict:
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [_attachment(attachment) for attachment in message.attachments],
        "anymail": {
            name: getattr(message, name)
            for name in ANYMAIL_ATTRIBUTES
            if _is_set(getattr(message, name, None))
        },
    }


def from_payload(payload: dict) -> EmailMessage:
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        cc=payload["cc"],
        bcc=payload["bcc"],
        reply_to=payload["reply_to"],
        headers=payload["headers"],
    )
    message.content_subtype = payload["content_subtype"]
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in payload["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    for name, value in payload["anymail"].items():
        setattr(message, name, value)
    return message


def _attachment(attachment):
    if isinstance(attachment, MIMEBase):
        raise TypeError("Queued mail takes attachments as (filename, content, mimetype) only.")
    filename, content, mimetype = attachment
    if isinstance(content, str):
        content = content.encode()
    return [filename, base64.b64encode(content).decode("ascii"), mimetype]


def _is_set(value):
    # AnymailMessage marks the attributes nobody set with its UNSET sentinel.
    return value is not None and value is not UNSET
