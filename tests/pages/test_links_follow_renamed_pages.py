"""Links to pages and routes are resolved, never typed in: renaming a page moves its links along,
and a link to something missing is left out rather than shown broken."""

import pytest

from tests.factories import ContactPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def rename(page, slug):
    page.slug = slug
    page.save_revision().publish()
    page.refresh_from_db()


def test_the_feed_link_of_every_page_follows_the_renamed_news_index(client, news_index):
    rename(news_index, "nachrichten")

    html = client.get("/").content.decode()

    assert (
        '<link rel="alternate" type="application/rss+xml" title="kopofo nrw – Aktuelles" '
        'href="/nachrichten/feed/">'
    ) in html
    assert "/aktuelles/" not in html
    assert client.get("/nachrichten/feed/").status_code == 200


def test_no_feed_link_without_a_published_news_index(client, news_index):
    news_index.unpublish()

    html = client.get("/").content.decode()

    assert "application/rss+xml" not in html


def test_the_404_page_links_to_the_renamed_news_index_and_contact_page(client, news_index):
    home = news_index.get_parent()
    privacy = StandardPageFactory(parent=home, title="Datenschutz", slug="datenschutz")
    contact = ContactPageFactory(parent=home, privacy_page=privacy)
    rename(news_index, "nachrichten")
    rename(contact, "schreib-uns")

    html = client.get("/gibt-es-nicht/").content.decode()

    assert '<a href="/nachrichten/">Aktuelles</a>' in html
    assert '<a href="/schreib-uns/">Kontakt</a>' in html
    assert '<a href="/suche/">Suche</a>' in html
    assert "/aktuelles/" not in html and "/kontakt/" not in html


def test_the_404_page_leaves_out_links_to_pages_that_do_not_exist(client, home):
    html = client.get("/gibt-es-nicht/").content.decode()

    main = html.split('<main id="main"')[1].split("</main>")[0]
    assert "Aktuelles" not in main and "Kontakt" not in main
    assert '<a href="/suche/">Suche</a>' in main


def test_robots_txt_keeps_crawlers_out_of_the_admin_wherever_it_is(client, home, settings):
    settings.WAGTAILADMIN_PATH = "/verwaltung/"

    body = client.get("/robots.txt").content.decode()

    assert "Disallow: /verwaltung/\n" in body
    assert "Disallow: /suche/\n" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_no_newsletter_form_before_the_newsletter_app_offers_its_sign_up(client, news_index):
    html = client.get("/").content.decode()

    assert "/newsletter/" not in html
    assert 'type="email"' not in html


def test_the_newsletter_forms_send_readers_to_the_newsletter_apps_sign_up(
    client, news_index, settings
):
    settings.ROOT_URLCONF = "tests.pages.urls_with_newsletter"

    html = client.get("/").content.decode()

    assert html.count('action="/newsletter/anmelden/" method="get"') == 2  # home box, footer
