"""Page addresses made from German titles write out umlauts and ß, on the server as in the admin
(tests/browser/test_page_addresses_in_the_admin.py), and a new page never fails on one in use."""

import pytest

from kopofo.pages.models import StandardPage
from kopofo.pages.slugs import german_slugify
from tests.factories import NewsPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Straßenbäume für Öffentliche Plätze", "strassenbaeume-fuer-oeffentliche-plaetze"),
        ("Über uns", "ueber-uns"),
        ("GROẞE Anfrage: Müll & Ärger", "grosse-anfrage-muell-aerger"),
        ("Café „Zukunft“ 2027", "cafe-zukunft-2027"),
    ],
)
def test_german_letters_are_written_out(title, slug):
    assert german_slugify(title) == slug


def test_a_page_saved_without_an_address_takes_one_from_its_german_title(home):
    StandardPageFactory(parent=home, title="Geschäftsstelle", slug="geschaeftsstelle")
    page = home.add_child(instance=StandardPage(title="Geschäftsstelle"))

    assert page.slug == "geschaeftsstelle-2"


def test_the_admin_form_of_a_new_page_takes_the_next_free_address(admin_client, news_index):
    NewsPageFactory(parent=news_index, title="Haushalt 2027", slug="haushalt-2027", live=False)

    response = admin_client.post(
        f"/admin/pages/add/pages/newspage/{news_index.pk}/",
        {"title": "Haushalt 2027", "slug": "haushalt-2027", "date": "2026-11-25", "body-count": 0},
    )

    assert response.status_code == 302
    assert sorted(news_index.get_children().values_list("slug", flat=True)) == [
        "haushalt-2027",
        "haushalt-2027-2",
    ]


def test_news_items_offer_no_place_in_the_menus(admin_client, news_index):
    news = NewsPageFactory(parent=news_index, title="Haushalt 2027")
    about = StandardPageFactory(parent=news_index.get_parent(), title="Über uns")

    assert (
        'name="show_in_menus"'
        not in admin_client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    )
    assert (
        'name="show_in_menus"'
        in admin_client.get(f"/admin/pages/{about.pk}/edit/").content.decode()
    )
