from wagtail.contrib.sitemaps import Sitemap

from kopofo.seams import sitemap_sections
from kopofo.site_url import absolute

from .models import site_pages


class PageSitemap(Sitemap):
    """Every live, public Wagtail page of the site, each feature's pages included.

    Wagtail names each page by its Site record; the sitemap names it at SITE_URL, like every
    other absolute address the site prints.
    """

    def items(self):
        # Wagtail's, with the site's public(): no query of its own for the view restrictions.
        root = self.get_wagtail_site().root_page
        return (
            site_pages()
            .descendant_of(root, inclusive=True)
            .live()
            .public()
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url_info in urls:
            url_info["location"] = absolute(url_info["location"])
        return urls


sitemap_sections.register(("pages", PageSitemap), order=10)
