"""What an attachment must be: a PDF, and not too large for the extraction to handle."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: Every PDF starts with this (ISO 32000-1, 7.5.2), whatever its file name says.
PDF_MAGIC = b"%PDF-"
DEFAULT_MAX_ATTACHMENT_BYTES = 20 * 1000 * 1000


def max_attachment_bytes():
    return getattr(settings, "MOTIONS_DB_MAX_ATTACHMENT_BYTES", DEFAULT_MAX_ATTACHMENT_BYTES)


def validate_attachment(file):
    # A file stored before was checked when it came; only a new upload is read here.
    if getattr(file, "_committed", False):
        return
    limit = max_attachment_bytes()
    if file.size > limit:
        raise ValidationError(
            _("Die Datei ist größer als %(megabytes)s MB."),
            code="too_large",
            params={"megabytes": f"{limit / 1_000_000:g}".replace(".", ",")},
        )
    file.seek(0)
    head = file.read(len(PDF_MAGIC))
    file.seek(0)
    if head != PDF_MAGIC:
        raise ValidationError(_("Bitte ladet nur PDF-Dateien hoch."), code="not_pdf")
