import pytest

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


def test_search_finds_a_news_item_by_a_word_of_its_title(client, news):
    html = client.get("/suche/", {"q": "Bangladesch"}).content.decode()

    assert "1 Treffer für „Bangladesch“" in html
    assert f'href="{news.url}"' in html
    assert "Satzung</a>" not in html


@pytest.mark.postgres
def test_german_search_finds_a_news_item_by_an_inflected_word(client, news):
    # "Abschiebungen" (plural) and "Ausländerbehörden" stem to the words on the page.
    for query in ["Abschiebungen", "Ausländerbehörden"]:
        html = client.get("/suche/", {"q": query}).content.decode()
        assert f'href="{news.url}"' in html, query


def test_search_without_matches_says_so_in_german(client, news):
    html = client.get("/suche/", {"q": "Zeppelin"}).content.decode()

    assert "Keine Treffer für „Zeppelin“" in html


def test_search_page_without_query_shows_the_form(client, news):
    response = client.get("/suche/")

    assert response.status_code == 200
    assert '<input id="search-q" type="search" name="q" value="">' in response.content.decode()
