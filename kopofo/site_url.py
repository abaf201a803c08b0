"""The one origin every absolute address of the site starts with: `settings.SITE_URL`.

Canonical links, `og:url` and `og:image`, the feeds, the sitemap and robots.txt print absolute
addresses. Taken from the request they would name whatever host a visitor or a proxy used
(`localhost`, the mirror host, an internal name), and from Wagtail's Site record whatever it was
set to once; both disagree with each other. So every one of them comes from SITE_URL, and the
Site record is set from it too (`apply_site_url`, run by the demo and the setup).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap


def absolute(url):
    """`url` (a path, or an address on any host) as an address at the configured origin."""
    parts = urlsplit(str(url))
    path = parts.path or "/"
    return f"{settings.SITE_URL}{path}" + (f"?{parts.query}" if parts.query else "")


def apply_site_url(site):
    """Point Wagtail's Site record at SITE_URL, so that Wagtail's own full URLs agree."""
    origin = urlsplit(settings.SITE_URL)
    default_port = 443 if origin.scheme == "https" else 80
    hostname, port = origin.hostname, origin.port or default_port
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()
    return site


class SiteUrlSitemap(Sitemap):
    """A Django sitemap whose addresses start with SITE_URL, not with the request's host."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


def site_url(request):
    """Context processor: templates print `{{ SITE_URL }}` where they need the bare origin."""
    return {"SITE_URL": settings.SITE_URL}
