from django.db.models import Case, IntegerField, Q, Value, When
from django.http import HttpResponsePermanentRedirect
from django.urls import re_path

from kopofo.legacy_urls import HTML, moved_to

from .models import EventIndexPage, EventPage


def events_index(request):
    index = EventIndexPage.objects.live().public().first()
    if index is None:
        # Whatever page answers at the usual address, or a 404 until one does.
        return moved_to("/veranstaltungen/")(request)
    return HttpResponsePermanentRedirect(index.url)


def event_by_old_slug(request, slug):
    """The event that carries the old address, or has that slug; else the list, never a 404."""
    event = (
        EventPage.objects.live()
        .public()
        .filter(Q(legacy_slug=slug) | Q(slug=slug))
        # An imported event's own old address wins over another's new slug.
        .annotate(
            rank=Case(
                When(legacy_slug=slug, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "-start")
        .first()
    )
    if event is None:
        return events_index(request)
    return HttpResponsePermanentRedirect(event.url)


urlpatterns = [
    re_path(
        r"^veranstaltungen/veranstaltungsprogramm/detail[^/]*/news/(?P<slug>[-\w]+)" + HTML,
        event_by_old_slug,
    ),
    re_path(r"^veranstaltungen/veranstaltungsprogramm(?:/.*)?$", events_index),
]
