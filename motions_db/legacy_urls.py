"""The old Datenbank's addresses (TYPO3's news extension), answered with a permanent redirect.

Fraktionen have linked their records on the old site for years. A detail page goes to the
published record that carries its old slug (`Paper.legacy_slug`, set by the import); a list, an
unknown slug or an unpublished record goes to the search, of the kind where the address names
one: the old address always leads somewhere, never to a 404.
"""

from django.http import HttpResponsePermanentRedirect
from django.urls import re_path, reverse

from kopofo.legacy_urls import HTML

from .forms import KIND_SEGMENTS
from .models import Paper

#: The old site's folders of the three kinds, as in `/kommunalpolitische-datenbank/antraege/`.
OLD_KIND_FOLDERS = {segment: kind for kind, segment in KIND_SEGMENTS.items()}
KINDS = "|".join(OLD_KIND_FOLDERS)
PREFIX = r"^(?:nc/)?kommunalpolitische-datenbank"
LIST_PAGE = r"(?:/seite/[0-9]+)?"


def search(request, kind_folder=None):
    kind = OLD_KIND_FOLDERS.get(kind_folder)
    url = reverse(f"motions_db:search_{kind}") if kind else reverse("motions_db:search")
    return HttpResponsePermanentRedirect(url)


def paper_by_old_slug(request, slug, kind_folder=None):
    paper = Paper.objects.published().filter(legacy_slug=slug).only("pk", "slug").first()
    if paper is None:
        return search(request, kind_folder)
    return HttpResponsePermanentRedirect(paper.get_absolute_url())


urlpatterns = [
    re_path(
        PREFIX + rf"/(?:(?P<kind_folder>{KINDS})/)?detail[^/]*/news/(?P<slug>[^/]+?)" + HTML,
        paper_by_old_slug,
    ),
    re_path(PREFIX + rf"/(?P<kind_folder>{KINDS}){LIST_PAGE}" + HTML, search),
    # The list's pages, and whatever else lay under the old Datenbank.
    re_path(PREFIX + r"(?:\.html|/.*)?$", search),
]
