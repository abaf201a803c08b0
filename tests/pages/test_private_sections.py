import pytest
from wagtail.models import PageViewRestriction

from tests.factories import NewsPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_pages_of_a_private_section_stay_out_of_menu_lists_footer_and_sitemap(client, news_index):
    home = news_index.get_parent()
    members = StandardPageFactory(parent=home, title="Intern", slug="intern", show_in_menus=True)
    StandardPageFactory(parent=members, title="Protokolle", slug="impressum", show_in_menus=True)
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    NewsPageFactory(parent=news_index, title="Öffentliche Meldung")
    open_page = StandardPageFactory(parent=home, title="Offen", slug="offen", show_in_menus=True)

    home_html = client.get("/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()

    assert "Öffentliche Meldung" in home_html and 'href="/offen/"' in home_html
    assert "/intern/" not in home_html  # neither in the menu nor as the footer's Impressum
    assert "/intern/" not in sitemap and open_page.url in sitemap
    assert client.get("/intern/impressum/").status_code == 302  # to the login
