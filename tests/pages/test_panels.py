"""Apps offer boxes; staff choose which the home page, the sidebar and the footer show."""

import pytest
from django.test import Client
from wagtail.models import Site

from kopofo.pages.models import PanelSettings
from kopofo.pages.panels import FOOTER, HOME, SIDEBAR, Panel
from kopofo.pages.staff import OFFICE
from kopofo.seams import panels
from tests.factories import (
    NewsPageFactory,
    StaffUserFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db

NEXT_DATES = Panel(
    key="naechste-termine",
    label="Die nächsten Termine",
    template="panels/test_next_dates.html",
    get_context=lambda request: {"dates": ["Sa., 14. März 2026: Tagesseminar Haushalt"]},
    default_places=(HOME, SIDEBAR),
)


@pytest.fixture
def site_with_pages(home, news_index, settings):
    # The newsletter app's sign-up address, which its panel links to.
    settings.ROOT_URLCONF = "tests.pages.urls_with_newsletter"
    about = StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    NewsPageFactory(parent=news_index, title="Sozialticket jetzt")
    return about


@pytest.fixture
def next_dates_panel(settings, tmp_path):
    """A panel as the events app would offer it, with its own template."""
    (tmp_path / "panels").mkdir()
    (tmp_path / "panels" / "test_next_dates.html").write_text(
        '<section class="box" aria-labelledby="{{ heading_id }}">'
        '<h2 id="{{ heading_id }}">Die nächsten Termine</h2>'
        "{% for date in dates %}<p>{{ date }}</p>{% endfor %}</section>"
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    panels.register(NEXT_DATES, order=10)
    yield NEXT_DATES
    panels.unregister(NEXT_DATES)


def headings(html, start, end):
    part = html.split(start)[1].split(end)[0]
    return [chunk.split("</h2>")[0].split(">")[-1] for chunk in part.split("<h2")[1:]]


def test_a_new_site_shows_the_panels_apps_offer_for_each_place(client, site_with_pages):
    home = client.get("/").content.decode()
    inner = client.get("/ueber-uns/").content.decode()

    assert headings(home, 'class="home-aside"', "</aside>") == [
        "Newsletter abonnieren",
        "Kontakt",
    ]
    assert headings(inner, 'class="sidebar"', "</aside>") == ["Aktuelles"]
    assert 'href="/aktuelles/sozialticket-jetzt/">Sozialticket jetzt</a>' in inner
    assert headings(inner, 'class="site-footer"', "</footer>") == [
        "Newsletter abonnieren",
        "Kontakt",
        "Rechtliches",
    ]


def test_a_panel_an_app_offers_appears_where_it_belongs_on_a_new_site(
    client, site_with_pages, next_dates_panel
):
    # A new site: its Kästen are chosen when first asked for, now that the panel is offered.
    PanelSettings.objects.all().delete()

    home = client.get("/").content.decode()

    assert headings(home, 'class="home-aside"', "</aside>")[0] == "Die nächsten Termine"
    assert "Tagesseminar Haushalt" in home


def test_the_office_chooses_the_panels_and_their_order_in_the_admin(client, site_with_pages):
    StaffUserFactory(username="otto", group=OFFICE)
    office = Client()
    office.force_login(StaffUserFactory(username="otto"))
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/pages/panelsettings/{site.pk}/"

    def stream(name, keys):
        data = {f"{name}-count": str(len(keys))}
        for index, key in enumerate(keys):
            data.update(
                {
                    f"{name}-{index}-type": "panel",
                    f"{name}-{index}-value": key,
                    f"{name}-{index}-order": str(index),
                    f"{name}-{index}-deleted": "",
                }
            )
        return data

    assert office.get(url).status_code == 200
    response = office.post(
        url,
        {
            **stream("home_panels", ["kontakt", "aktuelles"]),
            **stream("sidebar_panels", []),
            **stream("footer_panels", ["kontakt"]),
        },
    )

    assert response.status_code == 302
    home = client.get("/").content.decode()
    inner = client.get("/ueber-uns/").content.decode()
    assert headings(home, 'class="home-aside"', "</aside>") == ["Kontakt", "Aktuelles"]
    assert 'class="sidebar"' not in inner and 'class="with-sidebar"' not in inner
    assert headings(inner, 'class="site-footer"', "</footer>") == ["Kontakt", "Rechtliches"]


def test_a_chosen_panel_that_no_app_offers_any_more_is_skipped(client, site_with_pages):
    settings_ = PanelSettings.for_site(Site.objects.get(is_default_site=True))
    settings_.home_panels = [("panel", "abgeschafft"), ("panel", "kontakt")]
    settings_.save()

    home = client.get("/").content.decode()

    assert headings(home, 'class="home-aside"', "</aside>") == ["Kontakt"]


def test_places_are_the_three_the_templates_render():
    assert {HOME, SIDEBAR, FOOTER} == {"home", "sidebar", "footer"}
