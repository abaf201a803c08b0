import pytest

from kopofo.seams import topic_sections
from kopofo.topics.models import Topic
from kopofo.topics.sections import TopicSection
from tests.factories import NewsPageFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def traffic(news_index):
    topic = TopicFactory(name="Verkehr", slug="verkehr")
    for number in range(6):
        page = NewsPageFactory(
            parent=news_index, title=f"Radwege {number}", date=f"2026-10-{10 + number}"
        )
        page.topics.set([topic])
        page.save_revision().publish()
    NewsPageFactory(parent=news_index, title="Haushalt 2027", date="2026-11-30")
    return topic


class MotionsOnTopic(TopicSection):
    """What a feature app would register: its own items, linked to its own filtered list."""

    label = "Aus der Datenbank"
    more_label = "Alle Anträge zum Thema"
    item_template = "includes/search_hit.html"

    def items(self, topic):
        from wagtail.models import Page

        # Any queryset will do; a page per "motion" keeps the test free of a model of its own.
        return Page.objects.filter(title__startswith="Radwege 5")

    def list_url(self, topic):
        return f"/datenbank/?thema={topic.slug}"


def test_topic_page_shows_the_newest_news_on_the_topic_and_links_the_filtered_list(client, traffic):
    html = client.get("/themen/verkehr/").content.decode()

    assert "<h1>Thema: Verkehr</h1>" in html
    assert html.index("Radwege 5") < html.index("Radwege 4") < html.index("Radwege 2")
    assert "Radwege 1" not in html and "Haushalt 2027" not in html
    assert 'href="/aktuelles/?thema=verkehr">Alle Nachrichten zum Thema (6)</a>' in html
    assert client.get("/themen/gibt-es-nicht/").status_code == 404
    assert 'href="/themen/verkehr/">Verkehr</a>' in client.get("/themen/").content.decode()


def test_news_list_filtered_by_a_topic_shows_only_its_news_and_keeps_the_filter_when_paging(
    client, traffic, news_index
):
    for number in range(8):
        page = NewsPageFactory(parent=news_index, title=f"Busse {number}", date="2026-09-01")
        page.topics.set([traffic])
        page.save_revision().publish()

    def news_list(**query):
        html = client.get("/aktuelles/", query).content.decode()
        return html.split('class="with-sidebar__content"')[1].split('class="sidebar"')[0]

    html = news_list(thema="verkehr")
    unfiltered = news_list(thema="gibt-es-nicht")

    assert "Nachrichten zum Thema" in html and 'href="/themen/verkehr/">Verkehr</a>' in html
    assert "Haushalt 2027" not in html
    assert 'href="?seite=2&amp;thema=verkehr"' in html
    assert "Haushalt 2027" in unfiltered


def test_every_app_with_tagged_content_adds_a_section(client, traffic):
    topic_sections.register(MotionsOnTopic, order=20)
    try:
        html = client.get("/themen/verkehr/").content.decode()
    finally:
        topic_sections.unregister(MotionsOnTopic)

    news = html.index('<h2 id="topic-section-1">Aktuelles</h2>')
    motions = html.index("Aus der Datenbank</h2>")
    assert news < motions
    assert 'href="/datenbank/?thema=verkehr">Alle Anträge zum Thema (1)</a>' in html


def test_a_topic_nothing_public_is_tagged_with_is_hidden_from_visitors(client, traffic, news_index):
    klima = TopicFactory(name="Klima", slug="klima", description="Klimaschutz vor Ort.")
    draft = NewsPageFactory(parent=news_index, title="Entwurf zum Klima", live=False)
    draft.topics.set([klima])
    draft.save()

    index = client.get("/themen/").content.decode()

    assert client.get("/themen/klima/").status_code == 404
    assert "Klima" not in index
    assert 'href="/themen/verkehr/">Verkehr</a>' in index
    assert "/themen/klima/" not in client.get("/sitemap.xml").content.decode()


def test_a_topic_appears_once_something_public_is_tagged_with_it(client, news_index):
    klima = TopicFactory(name="Klima", slug="klima", description="Klimaschutz vor Ort.")
    assert client.get("/themen/klima/").status_code == 404

    item = NewsPageFactory(parent=news_index, title="Klimanotstand in Witten")
    item.topics.set([klima])
    item.save_revision().publish()

    assert client.get("/themen/klima/").status_code == 200
    index = client.get("/themen/").content.decode()
    assert 'href="/themen/klima/">Klima</a>' in index
    assert "Klimaschutz vor Ort." in index


def test_a_kind_without_its_own_query_for_topics_in_use_is_still_counted(client, traffic):
    # MotionsOnTopic keeps TopicSection's default topics_in_use(), which asks items().
    topic_sections.register(MotionsOnTopic, order=20)
    try:
        used = set(Topic.objects.in_use().values_list("slug", flat=True))
    finally:
        topic_sections.unregister(MotionsOnTopic)

    assert used == {"verkehr"}
