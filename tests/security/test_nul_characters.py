"""A NUL character in the address or a query parameter is refused before it reaches a query.

PostgreSQL refuses NUL in text: `/suche/?q=%00` answered 500 there. Each case runs on SQLite and
on PostgreSQL (CI runs the suite on both).
"""

import pytest

pytestmark = pytest.mark.django_db

NUL_REQUESTS = [
    ("/suche/", {"q": "\x00"}),
    ("/suche/", {"q": "Wohnen\x00"}),
    ("/suche/", {"q": "Wohnen", "seite": "\x00"}),
    ("/aktuelles/", {"seite": "1\x00"}),
    ("/themen/", {"\x00": "x"}),
    ("/%00/", {}),
    ("/aktuelles/%00/", {}),
]


@pytest.mark.parametrize(("path", "query"), NUL_REQUESTS)
def test_a_nul_character_in_address_or_query_gets_a_german_400_page(
    client, news_index, path, query
):
    response = client.get(path, query)

    assert response.status_code == 400
    assert "Ungültige Anfrage" in response.content.decode()


@pytest.mark.postgres
def test_the_search_for_a_nul_character_answers_400_on_postgresql_not_500(client, news_index):
    response = client.get("/suche/?q=%00")

    assert response.status_code == 400
    assert client.get("/suche/", {"q": "Wohnen"}).status_code == 200


def test_the_admin_search_refuses_a_nul_character_too(admin_client, home):
    response = admin_client.get("/admin/pages/search/", {"q": "\x00"})

    assert response.status_code == 400


def test_other_control_characters_and_umlauts_in_a_search_still_work(client, news_index):
    response = client.get("/suche/", {"q": "Ausländer\tbehörde\x1f"})

    assert response.status_code == 200
