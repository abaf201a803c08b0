from django.contrib.sitemaps import Sitemap

from kopofo.seams import sitemap_sections

from .models import Topic


class TopicSitemap(Sitemap):
    """The /themen/<slug>/ pages, which are views, not Wagtail pages."""

    def items(self):
        return Topic.objects.all()


sitemap_sections.register(("topics", TopicSitemap), order=20)
