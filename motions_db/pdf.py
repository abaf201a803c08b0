"""The text of an uploaded PDF, for the search."""

import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)


def extract_text(file, *, attachment_id):
    """The PDF's text, page by page; what can't be read is left out, and never an exception.

    Council PDFs are scans, broken exports and now and then encrypted: the record and its
    download stay, only its content is not found. The log names the attachment, not the file's
    content or name, which may carry a person's name.
    """
    try:
        reader = PdfReader(file)
        if reader.is_encrypted and not reader.decrypt(""):
            logger.warning("Attachment %s: encrypted PDF, text not extracted", attachment_id)
            return ""
        pages = []
        for number, page in enumerate(reader.pages, start=1):
            try:
                pages.append(page.extract_text() or "")
            except Exception as error:
                # One broken page must not cost the others.
                logger.warning(
                    "Attachment %s: page %s unreadable (%s)",
                    attachment_id,
                    number,
                    type(error).__name__,
                )
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, NotImplementedError) as error:
        logger.warning("Attachment %s: PDF unreadable (%s)", attachment_id, type(error).__name__)
        return ""
    # PostgreSQL text can't hold NUL, which some PDFs' text layers contain.
    return "\n\n".join(pages).replace("\x00", "")
