import datetime
import logging
import time

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from kopofo.caching import services as page_cache

from . import programme_pdf as programme_pdf_module
from .models import EventPage, ProgrammePage, ProgrammePdf

logger = logging.getLogger(__name__)

#: When the last check ran, in the page cache's own store, which every process shares.
LAST_CHECK_KEY = "events:lists-checked-at"


def refresh_lists_when_events_end(now=None):
    """Make cached pages stale once an event has ended since the last check.

    "Die nächsten Termine" on the list, the home page, the sidebar and the topic pages drop an
    event when it ends; no change of content tells the page cache so, time does.
    """
    now = now or timezone.now()
    store = page_cache.cache()
    last = store.get(LAST_CHECK_KEY)
    if last is None:
        ended = True  # The first run, or the cache was emptied: no telling what ended meanwhile.
    else:
        since = datetime.datetime.fromtimestamp(last, tz=datetime.UTC)
        ended = EventPage.objects.live().filter(end__gt=since, end__lte=now).exists()
    if ended:
        page_cache.invalidate("an event has ended")
    store.set(LAST_CHECK_KEY, now.timestamp(), timeout=None)
    return ended


def programme_pdf(programme_id: int) -> ProgrammePdf:
    """The programme's PDF as its content is now: the stored one, or one built afresh and stored.

    Checking is cheap (the queries of the programme's events and a hash, some 50 ms); building
    takes about 0.4 s for 40 events (`make bench-programme`). So a reader who asks in the
    seconds between a change and the worker's rebuild waits that once rather than get a stale
    PDF; the worker's rebuild then finds it stored.
    """
    programme = ProgrammePage.objects.select_related("image").get(pk=programme_id)
    document = programme_pdf_module.document_for(programme)
    fingerprint = document.fingerprint
    stored = ProgrammePdf.objects.filter(programme=programme).first()
    if (
        stored
        and stored.fingerprint == fingerprint
        and stored.file.storage.exists(stored.file.name)
    ):
        return stored

    started = time.perf_counter()
    content = programme_pdf_module.render(document)
    seconds = time.perf_counter() - started
    name = f"programme/{programme.pk}-{fingerprint[:24]}.pdf"
    storage = ProgrammePdf._meta.get_field("file").storage
    with transaction.atomic():
        # One writer per programme at a time: a second that built the same PDF meanwhile finds
        # it stored and leaves it.
        ProgrammePage.objects.select_for_update().filter(pk=programme.pk).first()
        stored = ProgrammePdf.objects.filter(programme=programme).first()
        if stored and stored.fingerprint == fingerprint and storage.exists(stored.file.name):
            return stored
        old_name = stored.file.name if stored else None
        if not storage.exists(name):
            name = storage.save(name, ContentFile(content))
        stored, _created = ProgrammePdf.objects.update_or_create(
            programme=programme,
            defaults={
                "file": name,
                "fingerprint": fingerprint,
                "size": len(content),
                "built_at": timezone.now(),
                "build_seconds": seconds,
            },
        )
    if old_name and old_name != name:
        transaction.on_commit(lambda: storage.delete(old_name), robust=True)
    logger.info("Built the PDF of programme %s in %.3f s", programme.pk, seconds)
    return stored


def refresh_programme_pdfs(programme_ids=None) -> list[int]:
    """Build again the PDFs whose content changed; all live programmes unless ids are given."""
    programmes = ProgrammePage.objects.live()
    if programme_ids is not None:
        programmes = programmes.filter(pk__in=programme_ids)
    rebuilt = []
    for programme_id in programmes.values_list("pk", flat=True):
        before = (
            ProgrammePdf.objects.filter(programme_id=programme_id).values("fingerprint").first()
        )
        after = programme_pdf(programme_id)
        if before is None or before["fingerprint"] != after.fingerprint:
            rebuilt.append(programme_id)
    return rebuilt
