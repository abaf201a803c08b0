from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from kopofo.site_url import absolute

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    """The newest news items of one NewsIndexPage, for feed readers."""

    description = _("Aktuelles aus der linken Kommunalpolitik in NRW")

    def __init__(self, news_index):
        super().__init__()
        self.news_index = news_index

    def title(self):
        return f"{self.news_index.title} – kopofo nrw"

    # Absolute addresses: Django would otherwise put the request's host in front of them.
    def link(self):
        return absolute(self.news_index.url)

    def feed_url(self):
        return absolute(self.request_path)

    def get_feed(self, obj, request):
        self.request_path = request.path
        return super().get_feed(obj, request)

    def items(self):
        return self.news_index.news()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return absolute(item.url)

    def item_author_name(self, item):
        return item.source or None

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
