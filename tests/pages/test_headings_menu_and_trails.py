"""Visitors find their way: Themen in the menu, breadcrumbs everywhere, headings in order,
search results that say what, when and from whom."""

import re
from itertools import pairwise

import pytest
from django.core.management import call_command

from kopofo.pages.models import NewsPage
from kopofo.topics.models import Topic
from tests.factories import NewsPageFactory, StandardPageFactory, TopicFactory

pytestmark = pytest.mark.django_db


def menu_of(html):
    return html.split('aria-label="Hauptmenü"')[1].split("</nav>")[0]


def trail_of(html):
    return html.split('aria-label="Brotkrümelnavigation"')[1].split("</nav>")[0]


@pytest.fixture
def tagged(news_index):
    StandardPageFactory(
        parent=news_index.get_parent(), title="Über uns", slug="ueber-uns", show_in_menus=True
    )
    topic = TopicFactory(name="Wohnen", slug="wohnen", description="Mieten und Bodenpreise.")
    item = NewsPageFactory(
        parent=news_index,
        title="Mietendeckel jetzt",
        date="2026-11-03",
        source="Fraktion DIE LINKE. im Rat der Stadt Köln",
    )
    item.topics.set([topic])
    item.save_revision().publish()
    return topic


def test_the_themen_have_their_place_in_the_main_menu_after_aktuelles(client, tagged):
    menu = menu_of(client.get("/").content.decode())

    assert menu.index(">Aktuelles</a>") < menu.index('<a href="/themen/">Themen</a>')
    assert menu.index('<a href="/themen/">Themen</a>') < menu.index(">Über uns</a>")
    on_topic_page = menu_of(client.get("/themen/wohnen/").content.decode())
    assert '<a href="/themen/" aria-current="true">Themen</a>' in on_topic_page


def test_the_menu_leaves_out_the_themen_while_none_has_anything_to_show(client, news_index):
    TopicFactory(name="Wohnen", slug="wohnen")

    assert "/themen/" not in menu_of(client.get("/").content.decode())


def test_themen_and_search_have_breadcrumbs(client, tagged):
    index = trail_of(client.get("/themen/").content.decode())
    topic = trail_of(client.get("/themen/wohnen/").content.decode())
    search = trail_of(client.get("/suche/", {"q": "Mietendeckel"}).content.decode())
    scoped = trail_of(
        client.get("/suche/", {"q": "Mietendeckel", "bereich": "seiten"}).content.decode()
    )

    assert 'href="/">Startseite</a>' in index
    assert '<span aria-current="page">Themen</span>' in index
    assert topic.index('href="/">Startseite') < topic.index('href="/themen/">Themen')
    assert '<span aria-current="page">Wohnen</span>' in topic
    assert '<span aria-current="page">Suche</span>' in search
    assert 'href="/suche/">Suche</a>' in scoped


def test_the_themen_list_describes_each_topic(client, tagged):
    assert "Mieten und Bodenpreise." in client.get("/themen/").content.decode()


def test_a_search_hit_names_its_kind_date_and_source(client, tagged):
    html = client.get("/suche/", {"q": "Mietendeckel", "bereich": "seiten"}).content.decode()

    meta = re.search(r'<p class="search-hit__meta">(.*?)</p>', html, re.S).group(1)
    assert '<span class="search-hit__kind">Nachricht</span>' in meta
    assert '<time datetime="2026-11-03">3. November 2026</time>' in meta
    assert "Fraktion DIE LINKE. im Rat der Stadt Köln" in meta


def headings(html):
    main = html.split('<main id="main"')[1].split("</main>")[0]
    return [int(level) for level in re.findall(r"<h([1-6])\b", main)]


def test_headings_keep_their_order_on_every_page_of_the_demo_site(client, settings):
    call_command("load_demo_content", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    news = NewsPage.objects.live().first()
    topic = Topic.objects.in_use().first()
    paths = [
        "/",
        "/aktuelles/",
        f"/aktuelles/?thema={topic.slug}",
        news.url,
        "/ueber-uns/",
        "/ueber-uns/verein/",
        "/ueber-uns/satzung/",
        "/ueber-uns/vorstand/",
        "/ueber-uns/geschaeftsstelle/",
        "/kontakt/",
        "/impressum/",
        "/themen/",
        topic.get_absolute_url(),
        "/suche/?q=Fraktion",
        "/suche/?q=Fraktion&bereich=seiten",
        "/gibt-es-nicht/",
    ]
    for path in paths:
        levels = headings(client.get(path).content.decode())
        assert levels.count(1) == 1 and levels[0] == 1, (path, levels)
        jumps = [(a, b) for a, b in pairwise(levels) if b > a + 1]
        assert not jumps, (path, levels)
