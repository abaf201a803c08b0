from kopofo.pages.search import SearchHit, SearchProvider
from kopofo.seams import search_providers

from .models import EventPage


@search_providers.register(order=20)
class EventSearch(SearchProvider):
    """Events as a group of their own, soonest date first among equals; not under "Seiten"."""

    key = "veranstaltungen"
    label = "Veranstaltungen"
    page_types = (EventPage,)

    def search(self, query):
        return EventPage.objects.live().public_for_search().search(query)

    def hit(self, event, request):
        return SearchHit(
            title=event.title,
            url=event.get_url(request),
            description=event.description,
            meta=event.teaser_meta,
            kind=str(EventPage.search_kind),
            date=event.date,
        )
