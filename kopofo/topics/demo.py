from kopofo.seams import demo_content

from .models import Topic

#: The Themen every app tags with, and what /themen/ says about each.
TOPICS = {
    "Wohnen": "Mieten, Bodenpreise und sozialer Wohnungsbau: was Städte und Kreise für "
    "bezahlbares Wohnen tun können.",
    "Verkehr": "Bus und Bahn, Radwege und Straßen: Mobilität für alle, in der Stadt und auf "
    "dem Land.",
    "Klima": "Klimaschutz und Umwelt vor Ort, vom Klimanotstand bis zur Grünfläche.",
    "Haushalt": "Kommunalfinanzen, Gebühren und Steuern: woher das Geld der Kommunen kommt und "
    "wofür sie es ausgeben.",
    "Integration": "Migration, Integrationsräte und die Aufnahme Geflüchteter in den Kommunen.",
    "Soziales": "Arbeit, Armut, Kinderbetreuung und Gesundheit: die soziale Daseinsvorsorge "
    "der Kommunen.",
    "Demokratie": "Transparenz, Bürgerbeteiligung und der Einsatz gegen Rechtsextremismus in "
    "Räten und Kreistagen.",
}


@demo_content.register(order=5)
def topics(demo):
    """The Themen every app tags with; later steps find them in `demo.topics` by name."""
    for name, description in TOPICS.items():
        demo.topics[name] = Topic.objects.get_or_create(
            name=name, defaults={"slug": name.lower(), "description": description}
        )[0]
