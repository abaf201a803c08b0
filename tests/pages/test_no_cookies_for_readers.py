import pytest

from tests.factories import ContactPageFactory, NewsPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_a_reader_browsing_the_site_gets_no_cookie_at_all(client, news_index):
    home = news_index.get_parent()
    news = NewsPageFactory(parent=news_index, title="Meldung")
    StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns", show_in_menus=True)

    urls = ["/", "/ueber-uns/", "/aktuelles/", news.url, "/suche/?q=Meldung", "/aktuelles/feed/"]
    for url in [*urls, "/sitemap.xml", "/robots.txt", "/gibt-es-nicht/"]:
        response = client.get(url)
        assert "Set-Cookie" not in response.headers, url
        assert not response.cookies, url


def test_not_even_the_contact_form_sets_a_cookie(client, home):
    contact = ContactPageFactory(parent=home)

    response = client.get(contact.url)

    # Public forms are checked by their origin, not by a CSRF token (kopofo.public_forms).
    assert "Set-Cookie" not in response.headers
    assert not response.cookies
