from urllib.parse import urlencode

from django.urls import reverse

from kopofo.seams import topic_sections
from kopofo.topics.models import Topic
from kopofo.topics.sections import TopicSection

from .models import Paper


@topic_sections.register(order=40)
class PapersOnTopic(TopicSection):
    """The newest published records on the topic, each with the Fraktion it comes from."""

    label = "Aus der Datenbank"
    more_label = "Alle Einträge zum Thema in der Datenbank"
    item_template = "includes/news_teaser.html"

    def items(self, topic):
        return Paper.objects.published().on_topic(topic).newest_first().for_teasers()

    def topics_in_use(self):
        return Topic.objects.filter(pk__in=Paper.objects.published().values("topics"))

    def list_url(self, topic):
        # The search's own parameter for a Thema (motions_db.finder).
        return f"{reverse('motions_db:search')}?{urlencode({'thema': topic.slug})}"
