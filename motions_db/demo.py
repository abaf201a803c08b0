"""The Datenbank's demo: the real records of the current site, and a few hundred generated ones.

The real ones are the titles and source lines of the current site (current-site.md § 8, items
1-19, and the four press releases its home page shows); their texts are written fresh and marked
as placeholders. They go in through the import, like any staff import, so they are indexed the
same way. A record the demo made once is never changed again: the step imports only the external
ids that are missing.
"""

from kopofo.pages.demo import DEMO_MARK
from kopofo.pages.models import NewsPage
from kopofo.seams import demo_content

from .generate import generate
from .importers import Importer
from .models import Paper

#: How many generated records the demo adds beside the real ones.
GENERATED_RECORDS = 300
GENERATED_SEED = 2026

PLACEHOLDER_TEXT = (
    "Hier steht in der Datenbank der vollständige Text der Fraktion, wie sie ihn eingereicht "
    f"oder veröffentlicht hat. {DEMO_MARK}"
)

#: The press releases the current home page shows under "Aktuelles": source, title and teaser as
#: they stand. They were news pages in the first demo; the old slugs are their addresses there.
HOME_PRESS_RELEASES = [
    {
        "external_id": "demo-wuppertal-rehabilitiert",
        "news_slug": "ist-die-stadt-nun-rehabilitiert",
        "kind": "Pressemitteilung",
        "title": "Ist die Stadt nun rehabilitiert?",
        "date": "2026-11-20",
        "body": "Wuppertal",
        "teaser": (
            "Zum Prozess des OLG Hamm in Sachen ASS Bochum fragt Gerd-Peter Zielezinski, "
            "Fraktionsvorsitzender der Ratsfraktion DIE LINKE: „Ist die Stadt nun rehabilitiert?“ "
            "Zur Erinnerung: Zwischen 2004 und Februar 2016 meldete ASS mit Sitz in Bochum, unter "
            "Verstoß gegen die Straßenverkehrs-Zulassungs-Ordnung über 80.000 Leasingfahrzeuge "
            "nicht in Bochum,..."
        ),
        "topics": "Haushalt;Verkehr",
    },
    {
        "external_id": "demo-bochum-bangladesch",
        "news_slug": "nach-der-abschiebung-nach-bangladesch",
        "kind": "Pressemitteilung",
        "title": (
            "Nach der Abschiebung nach Bangladesch: Einreisesperre aufheben, Rückkehr ermöglichen!"
        ),
        "date": "2026-11-17",
        "body": "Bochum",
        "teaser": (
            "Mit Unverständnis reagiert die Bochumer Linksfraktion auf die erneute Stellungnahme "
            "der Stadt Bochum zur Abschiebung einer Familie nach Bangladesch. „Dass die Stadt "
            "Bochum jetzt behauptet, keine Spielräume gehabt zu haben, können wir nicht "
            "nachvollziehen“, sagt die Fraktionsvorsitzende der LINKEN im Bochumer Rat Gültaze "
            "Aksevi. „Die immer wieder..."
        ),
        "topics": "Integration",
    },
    {
        "external_id": "demo-rhein-erft-integrationspreis",
        "news_slug": "verfassungsschutz-aus-vergaberichtlinien-des-integrationspreises-streichen",
        "kind": "Pressemitteilung",
        "title": "Verfassungsschutz aus Vergaberichtlinien des Integrationspreises streichen",
        "date": "2026-11-12",
        "body": "Rhein-Erft-Kreis",
        "teaser": (
            "„Die Richtlinien sehen allen Ernstes die Beteiligung des Verfassungsschutzes bei der "
            "Vergabe des Integrationspreises vor,“ kritisiert der Fraktionsvorsitzende der LINKEN "
            "im Kreistag Hans Decruppe den vorliegenden Beschlussentwurf im Kreistag. „Als wäre "
            "die in den Richtlinien vorgesehene Jury – bestehend aus Landrat, Vertretern der "
            "Fraktionen sowie..."
        ),
        "topics": "Integration;Demokratie",
        "legacy_slug": "verfassungsschutz-aus-vergaberichtlinien-des-integrationspreises-streichen",
    },
    {
        "external_id": "demo-koeln-kalkberg",
        "news_slug": "kein-weiter-so-am-kalkberg",
        "kind": "Pressemitteilung",
        "title": (
            'Kein "Weiter so!" am Kalkberg: DIE LINKE fordert die Verwaltung auf, schleunigst '
            "alle Gutachten zu veröffentlichen"
        ),
        "date": "2026-11-05",
        "body": "Köln",
        "teaser": (
            "Offenbar soll der Kalkberg nun doch eine Station für Rettungshubschrauber werden. "
            "Stadtdirektor Stephan Keller und Oberbürgermeisterin Henriette Reker beabsichtigten "
            "laut Presseberichten noch vor der Sommerpause eine entsprechende Initiative im Rat. "
            "DIE LINKE hakte hierzu im Bauausschuss nach und forderte die sofortige "
            "Veröffentlichung der..."
        ),
        "topics": "Demokratie;Haushalt",
    },
]


def _record(number, title, body, kind, date, teaser, topics, **extra):
    return {
        "external_id": f"demo-{number:02d}",
        "kind": kind,
        "title": title,
        "date": date,
        "body": body,
        "teaser": teaser,
        "topics": topics,
        **extra,
    }


#: current-site.md § 8, items 1-19 (11 is one of the home page's four above). Titles and source
#: lines as they stand; where the date is not known the demo's is a plausible one; the teasers
#: are the demo's own words. Item 18's source line is not visible on the current site: the demo
#: files it under Köln, where its neighbours on the same list page come from.
RECORDS = [
    _record(
        1,
        "„Tropfen auf den heißen Stein“: LINKE fordert Nachbesserungen bei "
        "Beschäftigungsgesellschaft",
        "Bochum",
        "Pressemitteilung",
        "2022-03-15",
        "Die Fraktion hält die Pläne der Stadt für eine Beschäftigungsgesellschaft für zu klein "
        "und fordert Nachbesserungen.",
        "Arbeit;Soziales",
    ),
    _record(
        2,
        "Klimanotstand in Witten",
        "Witten",
        "Antrag",
        "2019-06-24",
        "Die Fraktion beantragt, dass der Rat den Klimanotstand ausruft und jede Vorlage auf ihre "
        "Folgen für das Klima prüfen lässt.",
        "Klima",
        outcome="verwiesen",
    ),
    _record(
        3,
        "Kölner Verbindung von Combat 18 aufklären!",
        "Köln",
        "Pressemitteilung",
        "2020-01-28",
        "Die Fraktion verlangt Aufklärung über das Kölner Umfeld des verbotenen Neonazi-Netzwerks "
        "und über das, was die Behörden darüber wissen.",
        "Antifaschismus;Demokratie",
        legacy_slug=(
            "koelner-verbindung-von-combat-18-aufklaeren-das-koelner-umfeld-von-rechtsextremen-"
            "gewalttaten-muss-end"
        ),
    ),
    _record(
        4,
        "Freude bei der Fraktion DIE LINKE+ über erfolgreiche Klage vor dem OVG Münster",
        "Dortmund",
        "Pressemitteilung",
        "2022-01-20",
        "Das Oberverwaltungsgericht in Münster hat der Klage der Fraktion stattgegeben.",
        "Demokratie",
        group="DIE LINKE+",
    ),
    _record(
        5,
        "Anfrage zur Entwicklung neonazistischer Strukturen im Kreis Wesel",
        "Kreis Wesel",
        "Anfrage",
        "2022-01-26",
        "Die Fraktion fragt die Kreisverwaltung, welche neonazistischen Gruppen im Kreis aktiv "
        "sind und was der Kreis über sie weiß.",
        "Antifaschismus",
        outcome="beantwortet",
    ),
    _record(
        6,
        "27. Januar: Jeden Opfers gedenken, Neonazismus bekämpfen",
        "Kreis Wesel",
        "Pressemitteilung",
        "2022-01-27",
        "Zum Tag des Gedenkens an die Opfer des Nationalsozialismus erinnert die Fraktion daran, "
        "dass Erinnern und der Kampf gegen Neonazis zusammengehören.",
        "Antifaschismus",
        legacy_slug="27-januar-jeden-opfers-gedenken-neonazismus-bekaempfen",
    ),
    _record(
        7,
        "LINKE: Impfungen müssen dezentralisiert werden",
        "Kreis Wesel",
        "Pressemitteilung",
        "2021-04-12",
        "Die Fraktion fordert Impfangebote in den Städten und Gemeinden des Kreises, nicht nur im "
        "Impfzentrum.",
        "Gesundheit",
    ),
    _record(
        8,
        "Musteranfrage: Provenienzforschung (Raubkunst)",
        "Landschaftsverband Westfalen-Lippe",
        "Musteranfrage",
        "2021-09-06",
        "Welche Werke in den Museen stammen aus Raub und Verfolgung? Eine Anfrage, die Fraktionen "
        "für ihre Stadt oder ihren Kreis übernehmen können.",
        "Kultur",
        group="DIE LINKE",
        group_kind="Gruppe",
    ),
    _record(
        9,
        "Linke & Piraten kritisieren: Dortmund kann nicht Schritt halten – Arbeitslosenquote über "
        "dem Durchschnitt des Ruhrgebiets",
        "Dortmund",
        "Pressemitteilung",
        "2019-08-01",
        "Die Arbeitslosenquote in Dortmund liegt über dem Durchschnitt des Ruhrgebiets; die "
        "Fraktion fordert, dass die Stadt gegensteuert.",
        "Arbeit;Soziales",
        group="DIE LINKE & PIRATEN",
    ),
    _record(
        10,
        "Rhein-Erft-Kreis lehnt Ausrufung des Klimanotstands ab!",
        "Rhein-Erft-Kreis",
        "Pressemitteilung",
        "2019-07-05",
        "Der Kreistag hat es abgelehnt, den Klimanotstand auszurufen; die Fraktion kritisiert die "
        "Entscheidung.",
        "Klima",
    ),
    _record(
        12,
        "LINKE kritisiert Personalauswahl-Chaos der Verwaltung! – Von der Heydt-Museum",
        "Wuppertal",
        "Pressemitteilung",
        "2019-11-18",
        "Die Fraktion kritisiert, wie die Verwaltung die Leitung des Von der Heydt-Museums "
        "besetzt.",
        "Kultur",
    ),
    _record(
        13,
        "DIE LINKE+: Kita-Plätze sind eine Aufgabe der öffentlichen Hand",
        "Dortmund",
        "Pressemitteilung",
        "2021-02-09",
        "Die Fraktion will, dass die Stadt selbst mehr Kitas baut und betreibt.",
        "Kita;Soziales",
        group="DIE LINKE +",
        legacy_slug="die-linke-kita-plaetze-sind-eine-aufgabe-der-oeffentlichen-hand",
    ),
    _record(
        14,
        "DIE LINKE+ findet Öffnung des Kunstarchivs großARTig",
        "Dortmund",
        "Pressemitteilung",
        "2021-06-14",
        "Die Fraktion begrüßt, dass das Kunstarchiv öffnet.",
        "Kultur",
        group="DIE LINKE+",
    ),
    _record(
        15,
        "Kölner Mietendeckel jetzt!",
        "Köln",
        "Antrag",
        "2019-07-09",
        "Antrag zur Ratssitzung am 9. Juli 2019: Die Fraktion beantragt einen Mietendeckel für "
        "Köln.",
        "Wohnen",
        outcome="abgelehnt",
    ),
    _record(
        16,
        "Schulmittagessen: Schulausschuss stellt sich nicht den Problemen!",
        "Köln",
        "Pressemitteilung",
        "2019-03-21",
        "Die Fraktion kritisiert, dass der Schulausschuss die Probleme beim Schulmittagessen "
        "nicht angeht.",
        "Schule;Soziales",
    ),
    _record(
        17,
        "Das Krankenhaus in Holweide braucht einen Baukostenzuschuss des Landes NRW und keine "
        "Schließung!",
        "Köln",
        "Pressemitteilung",
        "2020-09-10",
        "Die Fraktion wendet sich gegen die Schließung des Krankenhauses und fordert das Land "
        "auf, den Neubau zu fördern.",
        "Gesundheit",
    ),
    _record(
        18,
        "Radfahrstreifen endlich sicherer machen",
        "Köln",
        "Antrag",
        "2018-09-17",
        "Die Fraktion beantragt, die Radfahrstreifen der Stadt sicherer zu machen.",
        "Verkehr",
    ),
    _record(
        19,
        "DIE LINKE will Angsträume bereits bei der Planung vermeiden",
        "Köln",
        "Antrag",
        "2018-05-28",
        "Dunkle Unterführungen und unübersichtliche Wege machen Angst. Die Fraktion will das schon "
        "bei der Planung neuer Viertel berücksichtigen.",
        "Wohnen;Demokratie",
    ),
]


def real_records():
    """The real records in the import's format, each with its placeholder text."""
    return [
        {
            "text": PLACEHOLDER_TEXT,
            **{key: value for key, value in record.items() if key != "news_slug"},
        }
        for record in [*HOME_PRESS_RELEASES, *RECORDS]
    ]


def remove_moved_news_pages():
    """The first demo made the four press releases news pages; a database that still has them
    would show them twice on the home page, as news and as records."""
    for release in HOME_PRESS_RELEASES:
        for page in NewsPage.objects.filter(slug=release["news_slug"], title=release["title"]):
            page.delete()


@demo_content.register(order=70)
def papers(demo):
    remove_moved_news_pages()
    records = [*real_records(), *generate(GENERATED_RECORDS, seed=GENERATED_SEED)]
    existing = set(
        Paper.objects.filter(
            external_id__in=[record["external_id"] for record in records]
        ).values_list("external_id", flat=True)
    )
    missing = [record for record in records if record["external_id"] not in existing]
    if missing:
        Importer().run(enumerate(missing, start=1))
