"""The one origin every absolute address of the site starts with: `settings.SITE_URL`.

Canonical links, `og:url` and `og:image`, the feeds, the sitemap and robots.txt print absolute
addresses. Taken from the request they would name whatever host a visitor or a proxy used
(`localhost`, the mirror host, an internal name), and from Wagtail's Site record whatever it was
set to once; both disagree with each other. So every one of them comes from SITE_URL, and the
Site record is set from it too (`point_site_at`, run by the demo and the setup on every run).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

SITE_NAME = "kopofo nrw"


def absolute(url):
    """`url` (a path, or an address on any host) as an address at the configured origin."""
    parts = urlsplit(str(url))
    path = parts.path or "/"
    return f"{settings.SITE_URL}{path}" + (f"?{parts.query}" if parts.query else "")


def point_site_at(root_page, origin=None):
    """Point Wagtail's default Site at the origin (SITE_URL unless given) and at `root_page`.

    Wagtail uses the Site record for the admin's "live" links and page previews, so it must name
    the host every other address names. The Site is created if there is none, and Wagtail's
    "Welcome to your new Wagtail site!" page, which its migrations made the first root, is deleted
    once `root_page` replaces it. Returns the site and whether its host or root changed.
    """
    parts = urlsplit(origin or settings.SITE_URL)
    hostname = parts.hostname or "localhost"
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    old_root = site.root_page if site.pk else None
    changed = (site.hostname, site.port, site.root_page_id) != (hostname, port, root_page.pk)
    if changed or site.site_name != SITE_NAME:
        site.hostname, site.port, site.root_page, site.site_name = (
            hostname,
            port,
            root_page,
            SITE_NAME,
        )
        site.save()
    # Wagtail's welcome page is a plain Page; a page of ours that staff moved is never deleted.
    if (
        old_root is not None
        and old_root.pk != root_page.pk
        and old_root.depth == 2
        and old_root.is_leaf()
        and old_root.specific_class is Page
    ):
        old_root.delete()
    return site, changed


class SiteUrlSitemap(Sitemap):
    """A Django sitemap whose addresses start with SITE_URL, not with the request's host."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


def site_url(request):
    """Context processor: templates print `{{ SITE_URL }}` where they need the bare origin."""
    return {"SITE_URL": settings.SITE_URL}
