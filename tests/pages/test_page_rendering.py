import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from tests.factories import ImageFactory, NewsPageFactory, StandardPageFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_home_page_shows_welcome_quote_latest_news_and_contact_box(client, home, news_index):
    home.image = ImageFactory(description="Ratssaal mit Publikum", credit="Foto: Erika Muster")
    home.save_revision().publish()
    for index in range(5):
        NewsPageFactory(parent=news_index, title=f"Nachricht {index}", teaser=f"Anreißer {index}")

    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Willkommen beim kommunalpolitischen forum nrw</h1>" in html
    assert "Zweck des Vereins ist die Förderung der politischen Bildung." in html
    assert 'alt="Ratssaal mit Publikum"' in html
    assert "Foto: Erika Muster" in html
    assert "srcset=" in html and "image/webp" in html
    assert '<meta property="og:image" content="http://testserver/media/images/' in html
    # The four newest items, newest first, each with source and teaser, its title the link.
    assert html.index("Nachricht 0") < html.index("Nachricht 1") < html.index("Nachricht 3")
    assert "Nachricht 4" not in html
    assert html.count('class="teaser__title"') == 4
    assert "Fraktion DIE LINKE. im Rat der Stadt Wuppertal" in html
    assert "Severinstraße 1" in html and "45127 Essen" in html
    assert 'href="tel:+4920331777380"' in html
    assert "Dienstag bis Donnerstag 10:00 bis 16:00 Uhr" in html


def test_standard_page_renders_every_block_of_the_shared_set(client, home):
    document = Document.objects.create(
        title="Satzung als PDF", file=ContentFile(b"%PDF-1.4", name="satzung.pdf")
    )
    target = StandardPageFactory(parent=home, title="Satzung", slug="satzung")
    page = StandardPageFactory(
        parent=home,
        title="Über uns",
        slug="ueber-uns",
        body=[
            ("heading", {"text": "Der Verein", "level": "h2"}),
            ("paragraph", "<p>Wir sind ein <b>gemeinnütziger</b> Verein.</p>"),
            ("image", {"image": ImageFactory(caption="Mitgliederversammlung"), "caption": ""}),
            ("quote", {"text": "Politik beginnt vor Ort.", "source": "Vorstand"}),
            ("document", {"document": document, "title": ""}),
            ("call_to_action", {"text": "Zur Satzung", "page": target, "url": ""}),
            ("embed", {"url": "https://www.youtube.com/watch?v=abc", "title": "Unser Film"}),
        ],
    )

    html = client.get(page.url).content.decode()

    assert "<h2>Der Verein</h2>" in html
    assert "<b>gemeinnütziger</b>" in html
    assert "Mitgliederversammlung" in html and "Foto: Erika Muster" in html
    assert "Politik beginnt vor Ort." in html
    assert "Satzung als PDF" in html and "(PDF" in html
    assert 'href="/satzung/">Zur Satzung' in html
    # The embed is a link until the visitor agrees; no iframe reaches YouTube.
    assert "Bei YouTube ansehen" in html
    assert "<iframe" not in html


def test_news_page_shows_date_source_topics_and_body(client, news_index):
    topic = TopicFactory(name="Wohnen", slug="wohnen")
    news = NewsPageFactory(
        parent=news_index,
        title="Mieten deckeln",
        source="Fraktion DIE LINKE. im Rat der Stadt Köln",
    )
    news.topics.set([topic])
    news.save_revision().publish()

    html = client.get(news.url).content.decode()

    assert "<h1>Mieten deckeln</h1>" in html
    assert "Fraktion DIE LINKE. im Rat der Stadt Köln" in html
    assert 'href="/themen/wohnen/">Wohnen</a>' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<link rel="canonical" href="http://testserver{news.url}">' in html


def test_news_index_paginates_newest_first(client, news_index, django_assert_max_num_queries):
    image = ImageFactory(credit="Foto: Erika Muster")
    for index in range(12):
        NewsPageFactory(parent=news_index, title=f"Meldung {index:02}", image=image)
    client.get("/aktuelles/")  # renders the renditions once, as the first visitor does

    # Constant in the number of items: the page, its teasers' images, the menu (with its
    # question whether any Themen are in use) and the panels.
    with django_assert_max_num_queries(26):
        first = client.get("/aktuelles/").content.decode()
    second = client.get("/aktuelles/?seite=2").content.decode()
    beyond = client.get("/aktuelles/?seite=99")

    assert "Meldung 00" in first and "Meldung 09" in first and "Meldung 10" not in first
    assert "Meldung 10" in second and "Meldung 11" in second
    assert "Seite 1 von 2" in first
    assert first.count("Foto: Erika Muster") == 10
    assert beyond.status_code == 200  # a page past the end shows the last one, not an error


def test_unknown_address_gets_the_german_404_page_with_menu(client, home):
    StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns", show_in_menus=True)

    response = client.get("/gibt-es-nicht/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "Seite nicht gefunden" in html
    assert 'aria-label="Hauptmenü"' in html and "Über uns" in html


def test_server_error_page_is_static_german_and_links_the_home_page_only():
    from django.template.loader import get_template

    html = get_template("500.html").render({})

    assert "Da ist etwas schiefgegangen" in html
    # No page can be looked up here: a typed-in /impressum/ would break when it is renamed. The
    # home page, whose address never changes, links the legal pages in its footer.
    assert html.count("href=") == 1 and 'href="/"' in html
    assert "{%" not in html


def test_a_news_page_links_the_full_text_at_the_fraktion_and_shows_its_teaser_once(
    client, news_index
):
    item = NewsPageFactory(
        parent=news_index,
        teaser="Die Fraktion fordert einen Mietendeckel.",
        body=[("paragraph", "<p>Mehr dazu bei der Fraktion.</p>")],
        original_url="https://www.linksfraktion-koeln.de/mietendeckel/",
    )

    html = client.get(item.url).content.decode()

    assert (
        '<a href="https://www.linksfraktion-koeln.de/mietendeckel/">'
        "Zum vollständigen Text bei der Fraktion</a>"
    ) in html
    main = html.split('<main id="main"')[1].split("</main>")[0]
    assert main.count("Die Fraktion fordert einen Mietendeckel.") == 1


def test_a_news_page_without_an_original_offers_no_link_to_it(client, news_index):
    item = NewsPageFactory(parent=news_index)

    assert "Zum vollständigen Text" not in client.get(item.url).content.decode()
