"""Records show wherever the site gathers things: the home page's Aktuelles, Themen, the box,
the sitemap; an unpublished record nowhere."""

import datetime
import re

import pytest
from django.core.cache import caches

from kopofo.pages.models import PanelSettings
from motions_db import services
from motions_db.models import Paper
from tests.factories import ImageFactory, NewsPageFactory, PaperFactory, TopicFactory

pytestmark = pytest.mark.django_db


def press_release(day, **kwargs):
    return PaperFactory(kind=Paper.Kind.PRESS_RELEASE, date=datetime.date(2026, 11, day), **kwargs)


def aktuelles_titles(html):
    section = html[html.index('id="home-news-heading"') : html.index("home-aside")]
    return re.findall(r'class="teaser__title"><a href="[^"]*">([^<]*)</a>', section)


def test_the_home_page_merges_press_releases_with_the_news_newest_first(client, news_index):
    NewsPageFactory(parent=news_index, title="Nachricht 18.", date=datetime.date(2026, 11, 18))
    NewsPageFactory(parent=news_index, title="Nachricht 15.", date=datetime.date(2026, 11, 15))
    NewsPageFactory(parent=news_index, title="Nachricht 10.", date=datetime.date(2026, 11, 10))
    press_release(19, title="PM 19.", image=ImageFactory(credit="Foto: Fraktion"))
    press_release(15, title="PM 15.")
    press_release(20, title="PM 20., unveröffentlicht", live=False)
    PaperFactory(kind=Paper.Kind.MOTION, title="Antrag 21.", date=datetime.date(2026, 11, 21))

    html = client.get("/").content.decode()

    # Four in all; on the same day the site's own news first.
    assert aktuelles_titles(html) == ["PM 19.", "Nachricht 18.", "Nachricht 15.", "PM 15."]
    assert "Fraktion DIE LINKE. im Rat der Stadt Bochum" in html
    assert "Foto: Fraktion" in html


def test_a_record_unpublished_in_the_admin_leaves_the_home_page_at_once(
    client, home, django_capture_on_commit_callbacks
):
    paper = press_release(19, title="PM 19.")
    assert aktuelles_titles(client.get("/").content.decode()) == ["PM 19."]
    with django_capture_on_commit_callbacks(execute=True):
        services.set_published([paper.pk], False)
    assert aktuelles_titles(client.get("/").content.decode()) == []


def test_a_topic_page_shows_the_newest_records_and_links_to_the_datenbank_search(client, home):
    mobility = TopicFactory(name="Verkehr")
    PaperFactory(title="Älterer Antrag", topics=[mobility], date=datetime.date(2025, 1, 1))
    PaperFactory(title="Neuer Antrag", topics=[mobility], date=datetime.date(2026, 1, 1))
    PaperFactory(title="Zurückgezogen", topics=[mobility], live=False)

    html = client.get("/themen/verkehr/").content.decode()

    assert "Aus der Datenbank" in html
    assert html.index("Neuer Antrag") < html.index("Älterer Antrag")
    assert "Zurückgezogen" not in html
    assert "/datenbank/?thema=verkehr" in html


def test_a_topic_of_unpublished_records_only_is_not_shown(client, home):
    PaperFactory(topics=[TopicFactory(name="Verkehr")], live=False)
    assert client.get("/themen/verkehr/").status_code == 404


def test_the_sitemap_lists_published_records_only(client, home):
    paper = PaperFactory(title="Sozialticket")
    hidden = PaperFactory(title="Entwurf", live=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/datenbank/{paper.pk}/sozialticket/</loc>" in xml
    assert f"/datenbank/{hidden.pk}/" not in xml


def test_staff_may_place_the_newest_records_in_the_sidebar(client, home, news_index):
    settings = PanelSettings.for_site(home.get_site())
    settings.sidebar_panels = [("panel", "datenbank")]
    settings.save()
    for n in range(4):
        PaperFactory(title=f"Eintrag {n}", date=datetime.date(2026, 1, 1 + n))
    PaperFactory(title="Unveröffentlicht", date=datetime.date(2026, 2, 1), live=False)
    caches["default"].clear()

    html = client.get(news_index.url).content.decode()

    assert "Neu in der Datenbank" in html
    assert all(f"Eintrag {n}" in html for n in (1, 2, 3))
    assert "Eintrag 0" not in html and "Unveröffentlicht" not in html
