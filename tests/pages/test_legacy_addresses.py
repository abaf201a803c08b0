import pytest

from tests.factories import NewsPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_tree(news_index):
    home = news_index.get_parent()
    about = StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    StandardPageFactory(parent=about, title="Der Verein", slug="verein")
    StandardPageFactory(parent=about, title="Satzung", slug="satzung")
    StandardPageFactory(parent=home, title="Newsletter", slug="newsletter")
    NewsPageFactory(
        parent=news_index,
        title="Ist die Stadt nun rehabilitiert?",
        slug="ist-die-stadt-nun-rehabilitiert",
    )
    return home


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/nc/aktuell/seite/3/", "/aktuelles/?seite=3"),
        ("/ueber-unskontakt/verein/", "/ueber-uns/verein/"),
        ("/ueber-unskontakt/satzung/", "/ueber-uns/satzung/"),
        ("/ueber-unskontakt/satzung.html", "/ueber-uns/satzung/"),
        ("/newsletter/newsletter-102026-kommunalwahl/", "/newsletter/"),
        (
            "/aktuell/detail/news/ist-die-stadt-nun-rehabilitiert/",
            "/aktuelles/ist-die-stadt-nun-rehabilitiert/",
        ),
        (
            "/nc/aktuell/detail/news/ist-die-stadt-nun-rehabilitiert/",
            "/aktuelles/ist-die-stadt-nun-rehabilitiert/",
        ),
    ],
)
def test_old_typo3_addresses_redirect_permanently_to_the_new_page(client, site_tree, old, new):
    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == new


def test_an_old_detail_address_for_a_page_that_no_longer_exists_is_a_german_404(client, site_tree):
    response = client.get("/aktuell/detail/news/gibt-es-nicht/")

    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_staff_redirects_from_the_admin_keep_other_old_addresses_alive(client, site_tree):
    from wagtail.contrib.redirects.models import Redirect

    Redirect.objects.create(old_path="/alte-seite", redirect_link="/ueber-uns/", is_permanent=True)

    response = client.get("/alte-seite/")

    assert response.status_code == 301
    assert response["Location"] == "/ueber-uns/"


FEATURE_ADDRESSES = [
    ("/veranstaltungen/veranstaltungsprogramm/", "/veranstaltungen/"),
    ("/veranstaltungen/veranstaltungsprogramm/detail/seminar-haushalt/", "/veranstaltungen/"),
]
# The Datenbank's old addresses: tests/motions_db/test_old_addresses.py (its route exists).


@pytest.mark.parametrize(("old", "new"), FEATURE_ADDRESSES)
def test_an_old_address_whose_new_place_does_not_exist_yet_is_a_404_not_a_redirect(
    client, site_tree, old, new
):
    assert client.get(new).status_code == 404

    response = client.get(old)

    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_old_event_addresses_redirect_once_the_events_page_exists(client, site_tree):
    StandardPageFactory(parent=site_tree, title="Veranstaltungen", slug="veranstaltungen")

    response = client.get("/veranstaltungen/veranstaltungsprogramm/detail/seminar-haushalt/")

    assert response.status_code == 301
    assert response["Location"] == "/veranstaltungen/"


def test_an_old_address_does_not_redirect_to_an_unpublished_page(client, site_tree):
    verein = site_tree.get_children().get(slug="ueber-uns").get_children().get(slug="verein")
    verein.unpublish()

    assert client.get("/ueber-unskontakt/verein/").status_code == 404


def test_the_old_news_list_pages_wait_for_the_news_index(client, home):
    assert client.get("/nc/aktuell/seite/3/").status_code == 404
