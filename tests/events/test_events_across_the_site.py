"""Events show wherever the site gathers things: search, Themen, the boxes, old addresses."""

import pytest

from tests.factories import EventPageFactory, TopicFactory, days_ahead

pytestmark = pytest.mark.django_db


def test_the_site_search_finds_events_in_a_group_of_their_own(client, event_index):
    EventPageFactory(parent=event_index, title="Bodenpreise und Erbbaurecht")
    response = client.get("/suche/?q=Erbbaurecht")
    groups = {group.provider.key: group for group in response.context["groups"]}
    assert list(groups) == ["veranstaltungen"]
    assert groups["veranstaltungen"].hits[0].kind == "Veranstaltung"
    scoped = client.get("/suche/?q=Erbbaurecht&bereich=veranstaltungen")
    assert "Bodenpreise und Erbbaurecht" in scoped.text


def test_a_topic_page_shows_the_next_events_and_links_to_the_filtered_list(client, event_index):
    housing = TopicFactory(name="Wohnen")
    event = EventPageFactory(parent=event_index, title="Mieten runter")
    event.topics.add(housing)
    event.save_revision().publish()
    past = EventPageFactory(parent=event_index, title="Längst vorbei", start=days_ahead(-9))
    past.topics.add(housing)
    past.save_revision().publish()
    response = client.get("/themen/wohnen/")
    assert "Mieten runter" in response.text
    assert "Längst vorbei" not in response.text
    assert "/veranstaltungen/?thema=wohnen" in response.text


def test_home_and_sidebar_show_the_next_three_events(client, event_index, home):
    for n in range(4):
        EventPageFactory(parent=event_index, title=f"Termin {n}", start=days_ahead(n + 1))
    for path in ("/", event_index.url):
        text = client.get(path).text
        assert "Die nächsten Termine" in text
        assert all(f"Termin {n}" in text for n in range(3))
    assert "Termin 3" not in client.get("/").text


def test_old_addresses_lead_to_the_list_and_to_the_event_by_its_old_slug(client, event_index):
    event = EventPageFactory(parent=event_index, legacy_slug="bodenpreise-2022")
    other = EventPageFactory(parent=event_index, slug="haushalt-lesen")
    old = "/veranstaltungen/veranstaltungsprogramm/"
    assert client.get(old)["Location"] == "/veranstaltungen/"
    assert client.get(old).status_code == 301
    detail = old + "detail-veranstaltungen/news/"
    assert client.get(detail + "bodenpreise-2022/")["Location"] == event.url
    assert client.get(detail + "bodenpreise-2022.html")["Location"] == event.url
    assert client.get(detail + "haushalt-lesen/")["Location"] == other.url
    unknown = client.get(detail + "gibt-es-nicht/")
    assert (unknown.status_code, unknown["Location"]) == (301, "/veranstaltungen/")
