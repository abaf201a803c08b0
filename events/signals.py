"""What makes a programme's PDF out of date, and queues its rebuild once the change is committed.

The PDF itself is built by the worker (tasks.refresh_programme_pdfs); its address builds a stale
one afresh, so a change that slips past these receivers costs a reader a wait, never a stale PDF.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from kopofo.pages.models import ContactSettings

from .models import EventCategory, EventPage, ProgrammePage

DISPATCH_UID = "events.programme_pdfs"


def queue_rebuild(programme_ids=None):
    def enqueue():
        from .tasks import refresh_programme_pdfs

        ids = programme_ids
        if ids is None:
            # Which half-year an event left is not known here (its start may just have moved),
            # so every programme checks: one that did not change costs a hash.
            ids = list(ProgrammePage.objects.live().values_list("pk", flat=True))
        if ids:
            refresh_programme_pdfs.enqueue(ids)

    transaction.on_commit(enqueue, robust=True)


def event_changed(sender, instance, **kwargs):
    queue_rebuild()


def programme_changed(sender, instance, **kwargs):
    queue_rebuild([instance.pk])


def connect():
    for name, signal in [
        ("published", page_published),
        ("unpublished", page_unpublished),
        ("deleted", post_delete),
        ("moved", post_page_move),
    ]:
        signal.connect(event_changed, sender=EventPage, dispatch_uid=f"{DISPATCH_UID}.{name}")
    # The category's name and the office's address are in the PDF too.
    post_save.connect(event_changed, sender=EventCategory, dispatch_uid=f"{DISPATCH_UID}.category")
    post_save.connect(event_changed, sender=ContactSettings, dispatch_uid=f"{DISPATCH_UID}.contact")
    page_published.connect(
        programme_changed, sender=ProgrammePage, dispatch_uid=f"{DISPATCH_UID}.programme"
    )
