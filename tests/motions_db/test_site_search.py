"""The site search finds Datenbank records too, as their own group, linking to the full search."""

import pytest

from tests.factories import PaperFactory

pytestmark = pytest.mark.django_db


def test_the_site_search_shows_records_as_their_own_group(client, home, bochum):
    for number in range(7):
        PaperFactory(group=bochum, title=f"Sozialticket Nummer {number}")
    PaperFactory(group=bochum, title="Sozialticket versteckt", live=False, indexed=True)
    response = client.get("/suche/", {"q": "Sozialticket"})
    text = response.text
    assert 'Kommunalpolitische Datenbank <span class="search-group__count">(7)</span>' in text
    assert "Fraktion DIE LINKE. im Rat der Stadt Bochum" in text
    assert "Sozialticket versteckt" not in text
    assert 'href="/datenbank/?q=Sozialticket">Alle 7 Treffer' in text
