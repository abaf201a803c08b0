from kopofo.seams import sitemap_sections
from kopofo.site_url import SiteUrlSitemap

from .models import Paper


class PaperSitemap(SiteUrlSitemap):
    """Every published record's page: most of the Datenbank is found through search engines."""

    limit = 5000

    def items(self):
        return Paper.objects.published().order_by("pk").only("pk", "slug", "updated_at")

    def lastmod(self, paper):
        return paper.updated_at


sitemap_sections.register(("datenbank", PaperSitemap), order=30)
