"""The site search's providers: `/suche/` asks each for the words and shows a group per kind.

A provider is a `SearchProvider` subclass registered in `kopofo.seams.search_providers` from its
app's `search.py`. It searches however suits its data (Wagtail's index for pages, PostgreSQL's
full-text search for the Datenbank) and turns what it found into `SearchHit`s.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from wagtail.models import Page

from kopofo.seams import search_providers

MAX_QUERY_LENGTH = 200


def clean_query(value):
    """The words to search for: trimmed, bounded, free of characters no database accepts."""
    words = "".join(char for char in value if char.isprintable() or char.isspace())
    return " ".join(words.split())[:MAX_QUERY_LENGTH]


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    description: str = ""
    #: The source or author, e.g. "Fraktion DIE LINKE. im Rat der Stadt Bochum".
    meta: str = ""
    #: What the hit is, in the visitor's words: "Nachricht", "Seite", "Veranstaltung", "Antrag".
    kind: str = ""
    #: The date the hit is about (a news item's, an event's start), if it has one.
    date: datetime.date | None = None


class SearchProvider:
    #: In the address of the kind's own result list: `/suche/?q=…&bereich=<key>`.
    key: str
    #: The group's heading, e.g. "Seiten und Aktuelles", "Veranstaltungen", "Datenbank".
    label: str
    #: Page types this provider shows in its own group, so that "Seiten" leaves them out.
    page_types: tuple = ()

    def search(self, query):
        """Everything that matches, best first: a QuerySet or anything with count() and slices."""
        raise NotImplementedError

    def hit(self, result, request) -> SearchHit:
        raise NotImplementedError

    def results_url(self, query):
        """The kind's own full search for these words; a provider with its own search page
        (the Datenbank's) points there instead."""
        return f"{reverse('search')}?{urlencode({'q': query, 'bereich': self.key})}"


@search_providers.register(order=10)
class PageSearch(SearchProvider):
    """Every live, public Wagtail page, news included; page types declare their search fields."""

    key = "seiten"
    label = "Seiten und Aktuelles"

    def search(self, query):
        pages = Page.objects.live().public()
        own_group = [model for provider in search_providers for model in provider.page_types]
        if own_group:
            pages = pages.not_type(*own_group)
        return pages.specific().search(query)

    def hit(self, page, request):
        return SearchHit(
            title=page.title,
            url=page.get_url(request),
            description=getattr(page, "description", "") or page.search_description,
            # News carry their source ("Fraktion DIE LINKE. im Rat der Stadt Bochum").
            meta=getattr(page, "source", ""),
            # A page type names itself for visitors with `search_kind`, else by its verbose name.
            kind=str(getattr(page, "search_kind", page._meta.verbose_name)),
            date=getattr(page, "date", None),
        )
