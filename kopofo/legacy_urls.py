"""Addresses of the association's former TYPO3 site, answered with a permanent redirect.

They have been linked from press releases, newsletters and Fraktion sites for years. This module
holds the kernel's (news, Über uns, legal pages); each feature app answers its own old addresses
from its `legacy_urls.py` (see `kopofo.seams.legacy_url_modules`), using `moved_to` from here.
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import re_path
from django.views.generic import RedirectView
from wagtail.models import Page


def moved_to(path, *, query_string=False):
    return RedirectView.as_view(url=path, permanent=True, query_string=query_string)


def news_list_page(request, number):
    return HttpResponsePermanentRedirect(f"/aktuelles/?seite={number}")


def detail_by_slug(request, slug):
    """TYPO3 detail pages (`…/detail/news/<slug>/`) now live wherever a page has that slug."""
    page = Page.objects.live().public().filter(slug=slug).order_by("-depth").first()
    if page is None:
        raise Http404
    return HttpResponsePermanentRedirect(page.url)


HTML = r"(?:\.html)?/?$"

urlpatterns = [
    re_path(r"^nc/aktuell/seite/(?P<number>[0-9]+)" + HTML, news_list_page),
    re_path(r"^(?:nc/)?aktuell" + HTML, moved_to("/aktuelles/")),
    re_path(r"^(?:.+/)?detail[^/]*/news/(?P<slug>[-\w]+)" + HTML, detail_by_slug),
    re_path(r"^ueber-unskontakt/verein" + HTML, moved_to("/ueber-uns/")),
    re_path(r"^ueber-unskontakt/satzung" + HTML, moved_to("/ueber-uns/satzung/")),
    re_path(r"^ueber-unskontakt/vorstand" + HTML, moved_to("/ueber-uns/vorstand/")),
    re_path(r"^ueber-unskontakt/geschaeftsstelle" + HTML, moved_to("/ueber-uns/geschaeftsstelle/")),
    re_path(r"^ueber-unskontakt/kontakt" + HTML, moved_to("/kontakt/")),
    re_path(r"^ueber-unskontakt/impressum" + HTML, moved_to("/impressum/")),
    re_path(r"^ueber-unskontakt/datenschutz" + HTML, moved_to("/datenschutz/")),
    re_path(r"^ueber-unskontakt(?:/.*)?$", moved_to("/ueber-uns/")),
]
