from django.contrib.sitemaps import Sitemap

from .models import Topic


class TopicSitemap(Sitemap):
    """The /themen/<slug>/ pages, which are views, not Wagtail pages."""

    def items(self):
        return Topic.objects.all()
