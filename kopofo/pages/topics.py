from kopofo.seams import topic_sections
from kopofo.topics.models import Topic
from kopofo.topics.sections import TopicSection

from .models import NewsIndexPage, NewsPage


@topic_sections.register(order=10)
class NewsOnTopic(TopicSection):
    label = "Aktuelles"
    more_label = "Alle Nachrichten zum Thema"
    item_template = "includes/news_teaser.html"

    def items(self, topic):
        return NewsPage.objects.live().public().on_topic(topic).newest_first().for_teasers()

    def topics_in_use(self):
        return Topic.objects.filter(pk__in=NewsPage.objects.live().public().values("topics"))

    def list_url(self, topic):
        index = NewsIndexPage.objects.live().public().first()
        return index.topic_url(topic) if index else None
