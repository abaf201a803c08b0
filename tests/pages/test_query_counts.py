"""Every public page type renders with a fixed number of queries, whatever the amount of content.

A reader whose page is not in the page cache (the first after a publish) waits for this work;
it must not grow with the number of news items, Themen, menu pages or images. Each page is
measured as the first request after the cache was emptied (Wagtail's site root paths and
renditions looked up again, as after a publish), but after one earlier render: that render
makes the image renditions' files and fills Django's per-process ContentType cache, which a
running server has done long before, and without it the count would depend on test order.
"""

import pytest
from django.core.cache import caches

from motions_db.models import Paper
from tests.factories import (
    ContactPageFactory,
    ImageFactory,
    NewsPageFactory,
    PaperFactory,
    StandardPageFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

#: name: (address, the most queries it may take). Every page served from the page tree takes the
#: site (1), Wagtail's routing (the home page, then 2 per level below it) and its view
#: restriction check (2); the layout takes the menu and whether Themen are in use (1, and 1 per
#: kind of tagged content: news, events), the next events box (1 while there are none), the
#: news index for the feed link (1), the panels' and contact settings (2), the footer's pages (1),
#: and the contact page the contact box links (1). A page's image is 2 queries with all its
#: renditions, a stream's images 2 for all of them; a standard page's cards of its subpages 3
#: (their specific pages, and their pictures with renditions); search 2 per provider (Wagtail's
#: view restrictions, and the search). The Datenbank's Pressemitteilungen in the home page's
#: Aktuelles take 3 (records, pictures, renditions), its section of a topic page 4 (the same and a
#: count), its sitemap section 2 (a count and a page of records), and once search finds records,
#: its group there up to 11: its facet columns once per generation (2; motions_db.facets), the
#: matching ids and the ranked page of them, each in a transaction that sets its planner
#: (motions_db.finder; in a test a savepoint, SET LOCAL, the statement and its release), then
#: the records.
PAGE_TYPES = {
    "home": ("/", 19),
    "standard page": ("/ueber-uns/", 21),
    "standard page, second level": ("/ueber-uns/satzung/", 24),
    "news index": ("/aktuelles/", 21),
    "news page": ("/aktuelles/mieten-deckeln/", 22),
    "news index filtered by topic": ("/aktuelles/?thema=wohnen", 22),
    "contact": ("/kontakt/", 16),
    "thanks": ("/kontakt/danke/", 17),
    "search with results": ("/suche/?q=Fraktion", 26),
    "topic index": ("/themen/", 10),
    "topic page": ("/themen/wohnen/", 20),
    "not found": ("/gibt-es-nicht/", 12),
    "feed": ("/aktuelles/feed/", 8),
    "sitemap": ("/sitemap.xml", 13),
    "robots.txt": ("/robots.txt", 0),
}


def small_image():
    # Small files: the renditions are made in the first render, and their size is not measured.
    return ImageFactory(file__width=40, file__height=25)


def body_with_images(images):
    return [("paragraph", "<p>Text der Seite.</p>")] + [
        ("image", {"image": image, "caption": ""}) for image in images
    ]


class Site:
    """The pages every page type needs, with a little content; `grow()` adds a lot more."""

    def __init__(self, home, news_index):
        self.home = home
        self.news_index = news_index
        self.about = StandardPageFactory(
            parent=home, title="Über uns", slug="ueber-uns", show_in_menus=True
        )
        self.statutes = StandardPageFactory(
            parent=self.about,
            title="Satzung",
            slug="satzung",
            show_in_menus=True,
            image=small_image(),
            body=body_with_images([small_image()]),
        )
        for slug in ["impressum", "datenschutz"]:
            StandardPageFactory(parent=home, title=slug.title(), slug=slug)
        ContactPageFactory(parent=home, show_in_menus=True)
        self.housing = TopicFactory(name="Wohnen", slug="wohnen")
        self.add_news(1, topics=[self.housing], title="Mieten deckeln", slug="mieten-deckeln")
        self.add_press_releases(1, topics=[self.housing])

    def add_press_releases(self, count, topics):
        # The Datenbank's Pressemitteilungen stand in the home page's Aktuelles and on Themen.
        for _ in range(count):
            PaperFactory(kind=Paper.Kind.PRESS_RELEASE, image=small_image(), topics=topics)

    def add_news(self, count, topics, **fields):
        for _ in range(count):
            news = NewsPageFactory(parent=self.news_index, image=small_image(), **fields)
            news.topics.set(topics)
            news.save()

    def grow(self):
        topics = [self.housing] + [TopicFactory() for _ in range(5)]
        for number in range(30):
            self.add_news(1, topics=topics[: 1 + number % len(topics)])
            self.add_press_releases(1, topics=topics[: 1 + number % len(topics)])
        for _ in range(5):
            StandardPageFactory(parent=self.home, show_in_menus=True)
            StandardPageFactory(parent=self.about, show_in_menus=True, image=small_image())
        self.statutes.body = body_with_images([small_image() for _ in range(5)])
        self.statutes.save_revision().publish()
        StandardPageFactory(parent=self.home, title="Barrierefreiheit", slug="barrierefreiheit")


@pytest.fixture
def site(home, news_index):
    news_index.show_in_menus = True
    news_index.save()
    return Site(home, news_index)


def queries_of(client, address, django_assert_max_num_queries, most):
    response = client.get(address)  # makes the renditions, fills the ContentType cache
    assert response.status_code in (200, 404), address
    for cache in caches.all():
        cache.clear()
    with django_assert_max_num_queries(most) as captured:
        response = client.get(address)
    assert response.status_code in (200, 404), address
    return [query["sql"][:160] for query in captured.captured_queries]


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_takes_the_same_few_queries_with_little_or_much_content(
    name, client, site, django_assert_max_num_queries
):
    address, most = PAGE_TYPES[name]
    with_little = queries_of(client, address, django_assert_max_num_queries, most)

    site.grow()
    with_much = queries_of(client, address, django_assert_max_num_queries, most)

    assert len(with_much) == len(with_little), "\n".join(
        ["With little content:", *with_little, "With much content:", *with_much]
    )
