from kopofo.seams import demo_content

from .models import Topic

TOPICS = ["Wohnen", "Verkehr", "Klima", "Haushalt", "Integration", "Soziales", "Demokratie"]


@demo_content.register(order=5)
def topics(demo):
    """The Themen every app tags with; later steps find them in `demo.topics` by name."""
    for name in TOPICS:
        demo.topics[name] = Topic.objects.get_or_create(name=name, defaults={"slug": name.lower()})[
            0
        ]
