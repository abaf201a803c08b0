"""Every absolute address the site prints starts with SITE_URL, whatever host the visitor used."""

import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site

from kopofo.settings.base import origin
from kopofo.site_url import point_site_at
from tests.factories import ImageFactory, NewsPageFactory, TopicFactory

pytestmark = pytest.mark.django_db

ORIGIN = "https://kopofo-nrw.test"


@pytest.fixture
def configured(settings, news_index):
    settings.SITE_URL = ORIGIN
    topic = TopicFactory(name="Wohnen", slug="wohnen")
    item = NewsPageFactory(parent=news_index, title="Neue Meldung", image=ImageFactory())
    item.topics.set([topic])
    item.save_revision().publish()
    return item


def absolute_addresses(body):
    return re.findall(r"https?://[^\s\"'<>]+", body)


def test_canonical_og_url_and_og_image_name_the_configured_origin(client, configured):
    body = client.get("/aktuelles/neue-meldung/", HTTP_HOST="www.kopofo-nrw.test").content.decode()

    assert f'<link rel="canonical" href="{ORIGIN}/aktuelles/neue-meldung/">' in body
    assert f'<meta property="og:url" content="{ORIGIN}/aktuelles/neue-meldung/">' in body
    assert re.search(rf'<meta property="og:image" content="{ORIGIN}/media/images/[^"]+">', body)


def test_feeds_sitemap_robots_and_topic_pages_name_the_configured_origin(client, configured):
    for path in ["/aktuelles/feed/", "/aktuelles/feed/atom/", "/sitemap.xml", "/robots.txt"]:
        body = client.get(path, HTTP_HOST="www.kopofo-nrw.test").content.decode()
        ours = [url for url in absolute_addresses(body) if "kopofo" in url]
        assert ours, path
        assert all(url.startswith(ORIGIN + "/") for url in ours), (path, ours)
        assert "testserver" not in body, path
    topic = client.get("/themen/wohnen/").content.decode()
    assert f'<link rel="canonical" href="{ORIGIN}/themen/wohnen/">' in topic


def test_the_setup_points_wagtails_site_record_at_the_configured_origin(settings, home):
    settings.SITE_URL = "https://kopofo-nrw.de"
    point_site_at(home)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url, site.root_page_id) == (
        "kopofo-nrw.de",
        443,
        "https://kopofo-nrw.de",
        home.pk,
    )
    settings.SITE_URL = "http://127.0.0.1:8000"
    point_site_at(home)
    assert Site.objects.get().root_url == "http://127.0.0.1:8000"
    assert home.full_url == "http://127.0.0.1:8000/"


@pytest.mark.parametrize("value", ["kopofo-nrw.de", "ftp://kopofo-nrw.de", "https://x.de/seite/"])
def test_a_site_url_that_is_no_origin_stops_the_start_with_a_clear_message(value):
    with pytest.raises(ImproperlyConfigured, match="SITE_URL must be an origin"):
        origin(value)


def test_an_origin_loses_its_trailing_slash():
    assert origin("https://kopofo-nrw.de/") == "https://kopofo-nrw.de"


def test_the_home_pages_title_names_the_association_once(client, home):
    home.seo_title = "kopofo nrw – kommunalpolitisches forum nrw e.V."
    home.save_revision().publish()

    title = re.search(r"<title>(.*?)</title>", client.get("/").content.decode()).group(1)

    assert title.count("kopofo nrw") == 1
    assert title == "kopofo nrw – kommunalpolitisches forum nrw e.V."
