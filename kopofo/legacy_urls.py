"""Addresses of the association's former TYPO3 site, answered with a permanent redirect.

They have been linked from press releases, newsletters and Fraktion sites for years. This module
holds the kernel's (news, Über uns, legal pages); each feature app answers its own old addresses
from its `legacy_urls.py` (see `kopofo.seams.legacy_url_modules`), using `moved_to` from here.

A permanent redirect is cached by browsers and search engines for good, so one that points at a
page that does not exist yet teaches them a dead end. `moved_to` therefore answers only while its
target leads somewhere (an app's route, or a live page of the tree); until then the old address
is a plain 404, which a redirect staff set up in the admin may still catch. A feature's old
addresses so start to redirect by themselves the day the feature's page or route is there.
"""

from urllib.parse import urlsplit

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import Resolver404, re_path, resolve
from wagtail.models import Page, Site


def leads_somewhere(request, url):
    """Whether `url` of this site answers: an app's route, or a live page of the page tree."""
    path = urlsplit(url).path
    try:
        match = resolve(path)
    except Resolver404:
        return False
    if match.url_name != "wagtail_serve":
        return True
    site = Site.find_for_request(request)
    if site is None:
        return False
    try:
        site.root_page.specific.route(request, [part for part in path.split("/") if part])
    except Http404:
        return False
    return True


def moved_to(path, *, query_string=False):
    """A view that sends a permanent redirect to `path`, once `path` leads somewhere."""

    def redirect(request, *args, **kwargs):
        if not leads_somewhere(request, path):
            raise Http404
        query = request.META.get("QUERY_STRING", "") if query_string else ""
        return HttpResponsePermanentRedirect(f"{path}?{query}" if query else path)

    return redirect


def news_list_page(request, number):
    return moved_to(f"/aktuelles/?seite={number}")(request)


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
    re_path(r"^ueber-unskontakt/verein" + HTML, moved_to("/ueber-uns/verein/")),
    re_path(r"^ueber-unskontakt/satzung" + HTML, moved_to("/ueber-uns/satzung/")),
    re_path(r"^ueber-unskontakt/vorstand" + HTML, moved_to("/ueber-uns/vorstand/")),
    re_path(r"^ueber-unskontakt/geschaeftsstelle" + HTML, moved_to("/ueber-uns/geschaeftsstelle/")),
    re_path(r"^ueber-unskontakt/kontakt" + HTML, moved_to("/kontakt/")),
    re_path(r"^ueber-unskontakt/impressum" + HTML, moved_to("/impressum/")),
    re_path(r"^ueber-unskontakt/datenschutz" + HTML, moved_to("/datenschutz/")),
    re_path(r"^ueber-unskontakt(?:/.*)?$", moved_to("/ueber-uns/")),
]
