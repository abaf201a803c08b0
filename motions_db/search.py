"""The site search (/suche/) asks the Datenbank's own search for its records.

Records are not pushed into Wagtail's search index one save at a time (an import of thousands
would crawl); the site search gets the same ranked results as /datenbank/ shows, and its
group links there for the full search with facets.
"""

from urllib.parse import urlencode

from django.urls import reverse

from kopofo.pages.search import SearchHit, SearchProvider
from kopofo.seams import search_providers

from .finder import Filters, Search
from .query import parse


@search_providers.register(order=30)
class DatabaseSearch(SearchProvider):
    key = "datenbank"
    label = "Kommunalpolitische Datenbank"

    def search(self, query):
        # The Search pages itself like a list: count() and slices, whose items are hits.
        return Search(parse(query), Filters(), facets=False)

    def hit(self, result, request):
        # Unmarked: without facets the search's hits are the escaped title and teaser.
        return SearchHit(
            title=result.title,
            url=result.url,
            description=result.snippet,
            meta=result.source,
            kind=result.kind,
            date=result.date,
        )

    def results_url(self, query):
        return f"{reverse('motions_db:search')}?{urlencode({'q': query})}"
