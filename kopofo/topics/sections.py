"""What `/themen/<slug>/` shows: one section per kind of content that is tagged with Themen.

An app whose models carry `topics` registers a `TopicSection` subclass in
`kopofo.seams.topic_sections` from its own `topics.py`; the topic page shows each section's
newest few items and links to that kind's own list, filtered by the topic.
"""

from kopofo.seams import topic_sections

ITEMS_PER_SECTION = 4


class TopicSection:
    #: Section heading, e.g. "Aktuelles", "Veranstaltungen", "Aus der Datenbank".
    label: str
    #: Renders one item; the item is in the context as `item`.
    item_template: str
    #: The link under the section, e.g. "Alle Nachrichten zum Thema".
    more_label: str

    def items(self, topic):
        """Everything of this kind on the topic, in the order the kind's list shows it."""
        raise NotImplementedError

    def list_url(self, topic):
        """The kind's own list, filtered by the topic."""
        raise NotImplementedError

    def topics_in_use(self):
        """The Themen at least one public item of this kind is tagged with, as a Topic queryset.

        Visitors see only Themen with something to show (`Topic.objects.in_use()`). This default
        asks `items()` once per topic; a kind overrides it with one query, as news do.
        """
        from .models import Topic

        used = [topic.pk for topic in Topic.objects.all() if self.items(topic).exists()]
        return Topic.objects.filter(pk__in=used)


class SectionOnTopic:
    """A section as the topic page shows it: the newest few, the count, the link to all."""

    def __init__(self, section, topic):
        items = section.items(topic)
        self.section = section
        self.items = list(items[:ITEMS_PER_SECTION])
        self.count = items.count() if self.items else 0
        self.list_url = section.list_url(topic) if self.items else None


def sections_on(topic):
    sections = (SectionOnTopic(section_class(), topic) for section_class in topic_sections)
    return [section for section in sections if section.items]
