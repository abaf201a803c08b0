import re

import pytest

from kopofo.pages.search import SearchHit, SearchProvider
from kopofo.seams import search_providers
from tests.factories import NewsPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(news_index):
    page = NewsPageFactory(
        parent=news_index,
        title="Nach der Abschiebung nach Bangladesch",
        teaser="Die Fraktion fragt nach der Rolle der Ausländerbehörde.",
    )
    StandardPageFactory(parent=news_index.get_parent(), title="Satzung", slug="satzung")
    return page


class SeminarSearch(SearchProvider):
    """What a feature app would register: its own kind, searched its own way."""

    key = "seminare"
    label = "Veranstaltungen"
    seminars = [f"Haushaltsrecht für Einsteiger*innen, Teil {n}" for n in range(1, 8)]

    def search(self, query):
        return [title for title in self.seminars if query.lower() in title.lower()]

    def hit(self, title, request):
        return SearchHit(title=title, url=f"/veranstaltungen/{title[-1]}/")

    def results_url(self, query):
        return f"/veranstaltungen/?q={query}"


@pytest.fixture
def seminar_search():
    search_providers.register(SeminarSearch, order=20)
    yield SeminarSearch
    search_providers.unregister(SeminarSearch)


def test_search_finds_a_news_item_by_a_word_of_its_title(client, news):
    html = client.get("/suche/", {"q": "Bangladesch"}).content.decode()

    assert "1 Treffer für „Bangladesch“" in html
    assert f'href="{news.url}"' in html
    assert "Satzung</a>" not in html
    assert "Fraktion DIE LINKE. im Rat der Stadt Wuppertal" in html


@pytest.mark.postgres
def test_german_search_finds_a_news_item_by_an_inflected_word(client, news):
    # "Abschiebungen" (plural) and "Ausländerbehörden" stem to the words on the page.
    for query in ["Abschiebungen", "Ausländerbehörden"]:
        html = client.get("/suche/", {"q": query}).content.decode()
        assert f'href="{news.url}"' in html, query


def test_results_of_every_app_are_grouped_by_kind_with_a_count_and_a_link_to_all(
    client, news, seminar_search
):
    NewsPageFactory(parent=news.get_parent(), title="Haushaltsrecht in der Krise")

    html = client.get("/suche/", {"q": "Haushaltsrecht"}).content.decode()

    assert "8 Treffer für „Haushaltsrecht“" in html
    pages = html.index("Seiten und Aktuelles <span")
    events = html.index("Veranstaltungen <span")
    assert pages < events
    assert "(1)" in html[pages:events] and "(7)" in html[events:]
    # The overview shows the best five of a kind and links to that kind's own full search.
    assert len(re.findall(r'href="/veranstaltungen/[0-9]/"', html)) == 5
    assert 'href="/veranstaltungen/?q=Haushaltsrecht">Alle 7 Treffer in Veranstaltungen' in html


def test_a_kind_without_its_own_search_page_lists_all_its_results_on_the_site_search(
    client, news_index
):
    for number in range(12):
        NewsPageFactory(parent=news_index, title=f"Sozialticket {number}")

    overview = client.get("/suche/", {"q": "Sozialticket"}).content.decode()
    full = client.get("/suche/", {"q": "Sozialticket", "bereich": "seiten"}).content.decode()
    second = client.get(
        "/suche/", {"q": "Sozialticket", "bereich": "seiten", "seite": 2}
    ).content.decode()

    assert 'href="/suche/?q=Sozialticket&amp;bereich=seiten">Alle 12 Treffer' in overview
    assert "12 Treffer für „Sozialticket“ in Seiten und Aktuelles" in full
    assert full.count('class="search-hit"') == 10 and second.count('class="search-hit"') == 2
    assert "bereich=seiten" in full.split('class="pagination"')[1]


def test_search_without_matches_says_so_in_german(client, news):
    html = client.get("/suche/", {"q": "Zeppelin"}).content.decode()

    assert "Keine Treffer für „Zeppelin“" in html


def test_control_characters_in_the_query_never_reach_the_database(client, news):
    # NUL is refused site-wide before any view (kopofo.middleware); the search drops the rest.
    refused = client.get("/suche/", {"q": "Bangla\x00desch"})
    response = client.get("/suche/", {"q": "Bangla\x07desch\x1b"})

    assert refused.status_code == 400
    assert response.status_code == 200
    assert "1 Treffer für „Bangladesch“" in response.content.decode()


def test_search_page_without_query_shows_the_form(client, news):
    response = client.get("/suche/")

    assert response.status_code == 200
    assert 'id="search-q" type="search" name="q" value=""' in response.content.decode()
