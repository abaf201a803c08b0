from kopofo.seams import sitemap_sections
from kopofo.site_url import SiteUrlSitemap

from .models import Topic


class TopicSitemap(SiteUrlSitemap):
    """The /themen/<slug>/ pages, which are views, not Wagtail pages."""

    def items(self):
        return Topic.objects.in_use()


sitemap_sections.register(("topics", TopicSitemap), order=20)
