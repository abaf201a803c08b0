import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from kopofo.pages.demo import CONTACT_DETAILS, HERO_IMAGE
from kopofo.pages.models import ContactSettings, HomePage, NewsPage
from kopofo.topics.models import Topic
from motions_db.models import Paper

pytestmark = pytest.mark.django_db


def load_demo():
    call_command("load_demo_content", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115


def text_of(response):
    """The page's visible words, tags removed and entities decoded, on one line."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r"</?(a|b|strong|em|i|span|time)\b[^>]*>", "", body)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("url_path", "title", "live")),
        "topics": sorted(Topic.objects.values_list("slug", flat=True)),
        "users": sorted(get_user_model().objects.values_list("username", flat=True)),
    }


def test_demo_command_builds_the_seed_site_and_running_it_twice_changes_nothing(client, settings):
    load_demo()
    first = snapshot()
    load_demo()

    assert snapshot() == first
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    contact = ContactSettings.for_site(site)
    for name, value in CONTACT_DETAILS.items():
        assert getattr(contact, name) == value, name
    assert contact.details_page.slug == "geschaeftsstelle"
    assert {"admin", "redaktion", "geschaeftsstelle"} <= set(first["users"])
    pages = ["/", "/ueber-uns/", "/ueber-uns/satzung/", "/aktuelles/", "/kontakt/", "/impressum/"]
    for path in [*pages, "/datenschutz/", "/barrierefreiheit/"]:
        assert client.get(path).status_code == 200, path
    assert "Platzhalter aus den Demodaten" in client.get("/impressum/").content.decode()


def test_demo_command_refuses_to_run_on_a_production_site(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo_content")


@pytest.fixture
def demo_site(settings):
    load_demo()


def test_the_home_page_carries_the_current_home_pages_text_word_for_word(client, demo_site):
    home = text_of(client.get("/"))

    assert "Willkommen beim kommunalpolitischen forum nrw!" in home
    for words in [
        # the purpose, quoted from § 2 of the Satzung
        "Zweck des Vereins ist die Förderung der politischen Bildung, die den sozialen und "
        "kulturellen Belangen der Bürgerinnen und Bürger verpflichtet ist und die die "
        "demokratische Beteiligung der Bürgerinnen und Bürger bei der Lösung öffentlicher "
        "Angelegenheiten in den Kommunen und Landkreisen für unverzichtbar betrachtet.",
        "§ 2 der Satzung des kommunalpolitischen forums nordrhein-westfalen e.V.",
        # the welcome text, first to last sentence
        "Das kommunalpolitische forum nrw e.V. (kopofo nrw) bietet linken "
        "Kommunalpolitiker*innen, Gruppen, Fraktionen und interessierten Bürger*innen "
        "Bildungsangebote, Beratung, Informationen und Vernetzung.",
        "Wir möchten euch dabei unterstützen, vor Ort Strategien und Kompetenzen für die "
        "effektive Entwicklung und Umsetzung linker Kommunalpolitik zu entwickeln.",
        "Dabei achten wir auch Zusammenhänge zwischen lokaler, regionaler und Landespolitik und "
        "berücksichtigen die Besonderheiten von ländlichen sowie urbanen Räumen.",
        "(eine Anmeldung ist aber in aller Regel erforderlich)",
        "informieren wir euch monatlich in unserem Newsletter und laufend auf unserer "
        "Facebook-Seite.",
        "steht euch unsere Geschäftsstelle in Essen gerne jeder Zeit zur Verfügung.",
        'Mehr Infos über das kopofo nrw als Verein gibt es im Abschnitt "über uns".',
        # the contact box
        "Sprechzeiten in der Regel: Dienstag bis Donnerstag 10:00 bis 16:00 Uhr",
    ]:
        assert words in home
    assert "Sitz in Essen" not in home
    assert 'href="/ueber-uns/verein/"' in client.get("/").content.decode()


def test_the_news_are_the_associations_own_and_shown_on_the_home_page(client, demo_site):
    news = list(NewsPage.objects.live().newest_first())
    home = text_of(client.get("/"))

    # The Fraktionen's press releases are Datenbank records (tests/motions_db/test_demo.py).
    assert [(item.source, item.title) for item in news] == [
        (
            "kopofo nrw",
            "Unsere neue Website: Veranstaltungen, Datenbank und Aktuelles an einem Ort",
        ),
        (
            "Peter Heumann",
            "Bundesverfassungsgericht erklärt Berechnungsgrundlage der Grundsteuer für "
            "verfassungswidrig",
        ),
    ]
    # Aktuelles lists them all; the home page merges them with the Datenbank's newest
    # Pressemitteilungen (kopofo.seams.home_news) and shows the four newest of both.
    index = text_of(client.get(news[0].get_parent().url))
    for item in news:
        assert item.title in index
    press_releases = Paper.objects.published().of_kind(Paper.Kind.PRESS_RELEASE).newest_first()
    newest = sorted([*news, *press_releases[:4]], key=lambda item: item.date, reverse=True)[:4]
    assert any(isinstance(item, NewsPage) for item in newest)
    for item in newest:
        assert item.title in home
        assert item.teaser in home


def test_a_news_page_shows_its_teaser_once(client, demo_site):
    item = NewsPage.objects.get(slug="grundsteuer-berechnungsgrundlage-verfassungswidrig")

    page = text_of(client.get(item.url))

    assert page.count(item.teaser) == 1
    assert "Peter Heumann" in page


def test_the_demo_news_invent_no_link_to_their_originals_and_render_no_empty_one(client, demo_site):
    for item in NewsPage.objects.live():
        html = client.get(item.url).content.decode()

        assert item.original_url == ""
        assert "Zum vollständigen Text bei der Fraktion" not in html
        assert 'href=""' not in html
        assert "findet ihr bei der Fraktion" not in html


def test_the_hero_picture_is_the_drawn_shop_window_described_as_the_site_describes_it(
    client, demo_site
):
    home = HomePage.objects.get()

    assert home.image.title == HERO_IMAGE["title"]
    assert home.image.description == (
        "Schaufenster, dahinter eine Fensterbank mit Pflanzen und Broschüren des kopofo nrw in "
        "Aufstellern"
    )
    assert f'alt="{home.image.description}"' in client.get("/").content.decode()


def test_the_about_pages_carry_the_associations_facts(client, demo_site):
    verein = text_of(client.get("/ueber-uns/verein/"))
    satzung = text_of(client.get("/ueber-uns/satzung/"))
    vorstand = text_of(client.get("/ueber-uns/vorstand/"))
    office = text_of(client.get("/ueber-uns/geschaeftsstelle/"))

    assert "mit Sitz in Düsseldorf" in verein
    assert "Sitz in Essen" not in verein
    for fact in ["2001", "2006", "Rosa-Luxemburg-Stiftung NRW", "Hansastraße 4", "110.000 €"]:
        assert fact in verein, fact
    assert "19. November 2022 in Essen" in satzung
    assert "Sitz: Düsseldorf" in satzung
    assert "Zweck des Vereins ist die Förderung der politischen Bildung" in satzung
    for person in ["Wolfgang Freye", "Ulrike Detjen", "Hans Decruppe", "Peter Heumann"]:
        assert person in vorstand, person
    for fact in ["Severinstraße 1", "45127 Essen", "Mit Bus und Bahn", "Barrierefreiheit"]:
        assert fact in office, fact
    assert "Sitz in Essen" not in text_of(client.get("/ueber-uns/"))


def test_the_satzung_pdf_is_generated_and_marked_as_demo_content(client, demo_site):
    document = get_document_model().objects.get(title__contains="Satzung")

    with document.file.open("rb") as pdf:
        content = pdf.read()

    assert content.startswith(b"%PDF")
    assert "Satzung als PDF (Demo)" in text_of(client.get("/ueber-uns/satzung/"))
    assert "Demodaten" in text_of(client.get("/ueber-uns/satzung/"))


def test_the_demo_speaks_to_readers_as_ihr(client, demo_site):
    for path in ["/kontakt/", "/newsletter/", "/ueber-uns/geschaeftsstelle/"]:
        words = set(re.findall(r"\b\w+\b", text_of(client.get(path))))
        assert not words & {"du", "Du", "dich", "dein", "deine", "Deine", "schreib"}, path
