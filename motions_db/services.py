"""What changes the Datenbank's records beyond a plain save: their search entries, publishing,
and the text of their attachments.

The admin calls these after it saved; nothing here runs from `save()` or a signal, so an import
that writes thousands of papers indexes them in batches instead (`indexing.reindex`).
"""

import logging

from django.apps import apps
from django.db import transaction
from wagtail.models import ReferenceIndex

from kopofo.caching.services import invalidate

from . import indexing
from .models import Attachment, Paper
from .pdf import extract_text

logger = logging.getLogger(__name__)


def paper_changed(paper_id):
    """Rewrite the paper's search entry once the change is committed (or remove it, when the
    paper is no longer published)."""
    papers_changed([paper_id])


def papers_changed(paper_ids):
    paper_ids = list(paper_ids)
    transaction.on_commit(lambda: indexing.reindex(paper_ids))


def set_published(paper_ids, published):
    """Publish or unpublish papers at once; returns how many changed."""
    with transaction.atomic():
        changed = (
            Paper.objects.filter(pk__in=paper_ids).exclude(live=published).update(live=published)
        )
    # A bulk update sends no save signal: the pages that list them are stale all the same.
    invalidate("Datenbank: papers published" if published else "Datenbank: papers unpublished")
    papers_changed(paper_ids)
    return changed


def attachment_uploaded(attachment_id):
    """Read the new file's text in the background; the task reindexes the paper."""
    from .tasks import extract_attachment_text

    transaction.on_commit(lambda: extract_attachment_text.enqueue(attachment_id))


def read_attachment(attachment_id):
    """Store the PDF's text and make it searchable. A PDF that can't be read keeps its record
    and its download; it is only not searched by its content."""
    try:
        attachment = Attachment.objects.get(pk=attachment_id)
    except Attachment.DoesNotExist:
        # Deleted (or its paper) before the worker came to it.
        return None
    with attachment.file.open("rb") as file:
        text = extract_text(file, attachment_id=attachment_id)
    Attachment.objects.filter(pk=attachment_id).update(text=text)
    indexing.reindex([attachment.paper_id])
    return len(text)


def index_references(model_label, after_pk):
    """Enter the objects of this model after `after_pk` into Wagtail's reference index, which
    the admin's "Verwendung" and its warnings before a delete read; returns how many."""
    made = apps.get_model(model_label).objects.filter(pk__gt=after_pk).order_by("pk")
    count = 0
    for instance in made.iterator():
        ReferenceIndex.create_or_update_for_object(instance)
        count += 1
    return count
