import pytest

from tests.factories import NewsPageFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_rss_and_atom_feeds_list_the_newest_news_first(client, news_index):
    NewsPageFactory(parent=news_index, title="Ältere Meldung", date="2026-10-01")
    NewsPageFactory(
        parent=news_index, title="Neue Meldung", date="2026-11-01", teaser="Kurz gesagt."
    )

    rss = client.get("/aktuelles/feed/")
    atom = client.get("/aktuelles/feed/atom/")

    body = rss.content.decode()
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert body.index("Neue Meldung") < body.index("Ältere Meldung")
    assert "<description>Kurz gesagt.</description>" in body
    assert "http://testserver/aktuelles/neue-meldung/" in body
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "Neue Meldung" in atom.content.decode()


def test_sitemap_lists_live_pages_and_topics_with_absolute_addresses(client, news_index):
    item = NewsPageFactory(parent=news_index, title="Neue Meldung")
    item.topics.set([TopicFactory(name="Wohnen", slug="wohnen")])
    item.save_revision().publish()
    NewsPageFactory(parent=news_index, title="Entwurf", live=False)

    body = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/aktuelles/neue-meldung/</loc>" in body
    assert "<loc>http://testserver/</loc>" in body
    assert "<loc>http://testserver/themen/wohnen/</loc>" in body
    assert "entwurf" not in body


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(client, home):
    response = client.get("/robots.txt")

    body = response.content.decode()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_health_check_answers_without_a_cookie_or_cache(client, db):
    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies
