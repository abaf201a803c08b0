from kopofo.seams import topic_sections
from kopofo.topics.models import Topic
from kopofo.topics.sections import TopicSection

from .models import EventIndexPage, EventPage


@topic_sections.register(order=20)
class EventsOnTopic(TopicSection):
    """The next dates on the topic: a past event is in the archive, not on the topic page."""

    label = "Veranstaltungen"
    more_label = "Alle Termine zum Thema"
    item_template = "includes/event_teaser.html"

    def items(self, topic):
        return EventPage.objects.live().public().upcoming().on_topic(topic).for_list()

    def topics_in_use(self):
        upcoming = EventPage.objects.live().public().upcoming()
        return Topic.objects.filter(pk__in=upcoming.values("topics"))

    def list_url(self, topic):
        index = EventIndexPage.objects.live().public().first()
        return index.topic_url(topic) if index else None
