"""Plausible generated Datenbank records, as dicts in the import's format (see importers.py).

For the demo (a few hundred beside the real ones) and the benchmark (100,000): records across
NRW's Kommunen and Kreise (nrw.py) on the usual municipal topics, with the German compounds people
search for (Kitagebühren, Sozialticket, Mietendeckel, Klimanotstand, Schulmittagessen), kinds
weighted as the real archive has them, dates from 2018 on, texts of a few paragraphs and about
one in a hundred of 50,000 characters or more (a Haushaltsrede, a long Anfrage with its answer).

Each record is made from its own seed (`seed` and its number), so `generate(n)` is the start of
`generate(m)` for any m > n, and `generate(m, start=n)` continues it: the benchmark imports only
what its database lacks. Plain Python without Django, so it runs anywhere:

    python -m motions_db.generate --records 1000 > var/papers.jsonl
"""

import argparse
import datetime
import json
import random
import sys

from . import nrw

FIRST_DATE = datetime.date(2018, 1, 1)
LAST_DATE = datetime.date(2026, 11, 30)
_DAYS = (LAST_DATE - FIRST_DATE).days

#: How often each kind occurs (the import accepts the label).
KINDS = {
    "Anfrage": 34,
    "Antrag": 33,
    "Pressemitteilung": 24,
    "Änderungsantrag": 3,
    "Resolution": 2,
    "Rede": 2,
    "Musteranfrage": 1,
    "Musterantrag": 1,
}

OUTCOMES = {
    "Anfrage": ["beantwortet", "beantwortet", "offen"],
    "Antrag": ["angenommen", "abgelehnt", "abgelehnt", "verwiesen", "offen"],
    "Änderungsantrag": ["angenommen", "abgelehnt", "abgelehnt"],
    "Resolution": ["angenommen", "abgelehnt"],
}

GROUP_NAMES = {"DIE LINKE.": 80, "DIE LINKE": 10, "DIE LINKE+": 5, "DIE LINKE & PIRATEN": 5}

#: Invented authors: common names only, so no generated text is put in a real person's mouth.
FIRST_NAMES = [
    *("Anna", "Hans", "Sabine", "Mehmet", "Jasmin", "Thomas", "Fatma", "Jürgen", "Christiane"),
    *("Murat", "Lea", "Wolfgang", "Nadine", "Ali", "Ulrike", "Sven", "Ayşe", "Bernd", "Elif"),
]
LAST_NAMES = [
    *("Schmidt", "Yılmaz", "Becker", "Kaya", "Wagner", "Hoffmann", "Schulz", "Demir"),
    *("Krüger", "Lehmann", "Schröder", "Arslan", "Neumann", "Braun", "Kowalski", "Richter"),
]


class Theme:
    """A topic: the Themen a record gets, what it is about, and what the Fraktion wants."""

    def __init__(self, topics, subjects, demands, facts):
        self.topics = topics
        #: Nouns without article, as they stand after "zu" or "bei": "Kitagebühren".
        self.subjects = subjects
        #: Whole demands as a title: "Kitagebühren abschaffen".
        self.demands = demands
        #: Sentences for the text.
        self.facts = facts


THEMES = [
    Theme(
        ["Wohnen", "Soziales"],
        [
            "Mietendeckel",
            "bezahlbarem Wohnraum",
            "Wohnungslosigkeit",
            "Zweckentfremdung von Wohnraum",
            "Sozialwohnungen",
            "Bodenpreisen",
            "Mietspiegel",
        ],
        [
            "Mietendeckel für städtische Wohnungen",
            "Sozialwohnungsquote auf 30 Prozent anheben",
            "Städtische Wohnungsbaugesellschaft gründen",
            "Zwangsräumungen in den Wintermonaten aussetzen",
            "Bodenvorratspolitik statt Verkauf städtischer Grundstücke",
            "Wohnungsaufsichtsgesetz konsequent anwenden",
        ],
        [
            "Die Angebotsmieten sind seit 2018 um mehr als ein Viertel gestiegen.",
            "Jedes Jahr fallen mehr Wohnungen aus der Mietpreisbindung, als neu gebaut werden.",
            "Die Wohnungsgesellschaft der Stadt könnte mit günstigem Bauland mehr bauen.",
            "Wer die Miete nicht mehr zahlen kann, verliert zu oft auch die Wohnung.",
        ],
    ),
    Theme(
        ["Kita", "Soziales"],
        [
            "Kitagebühren",
            "Kitaplätzen",
            "Kita-Plätzen",
            "Elternbeiträgen",
            "Betreuungsschlüssel",
            "Kindertagespflege",
        ],
        [
            "Kitagebühren abschaffen",
            "Elternbeiträge für alle Kitajahre streichen",
            "Mehr Kitaplätze in öffentlicher Trägerschaft",
            "Fachkräfteoffensive für Kindertageseinrichtungen",
        ],
        [
            "Noch immer fehlen in der Stadt Hunderte Kitaplätze für unter Dreijährige.",
            "Die Elternbeiträge belasten Familien mit kleinen Einkommen am stärksten.",
            "Kinderbetreuung ist eine Aufgabe der öffentlichen Hand, kein Geschäftsmodell.",
        ],
    ),
    Theme(
        ["Schule", "Soziales"],
        [
            "Schulmittagessen",
            "Schulsanierungen",
            "Schulsozialarbeit",
            "Ganztagsplätzen",
            "Schulwegsicherheit",
            "Lernmittelfreiheit",
        ],
        [
            "Kostenloses Schulmittagessen für alle Kinder",
            "Sanierungsstau an den Schulen beheben",
            "Schulsozialarbeit dauerhaft finanzieren",
            "Ganztagsplätze an allen Grundschulen",
        ],
        [
            "An vielen Schulen tropft es durch das Dach, die Toiletten sind seit Jahren gesperrt.",
            "Ein warmes Mittagessen darf nicht vom Geldbeutel der Eltern abhängen.",
            "Der Rechtsanspruch auf einen Ganztagsplatz gilt ab 2026 Jahrgang für Jahrgang.",
        ],
    ),
    Theme(
        ["Verkehr", "Soziales"],
        [
            "Sozialticket",
            "Deutschlandticket",
            "Nahverkehrsplan",
            "Busverbindungen in den Außenbezirken",
            "Radfahrstreifen",
            "Barrierefreiheit an Haltestellen",
        ],
        [
            "Sozialticket auf 29 Euro senken",
            "Nulltarif im ÖPNV erproben",
            "Radfahrstreifen endlich sicherer machen",
            "Taktverdichtung auf allen Buslinien",
            "Barrierefreie Haltestellen bis 2027",
        ],
        [
            "Für viele Menschen mit kleinem Einkommen ist das Sozialticket noch immer zu teuer.",
            "Die Busse in den Außenbezirken fahren abends nur noch im Stundentakt.",
            "Mobilität ist Teilhabe: ohne bezahlbaren Nahverkehr kein Weg zur Arbeit.",
        ],
    ),
    Theme(
        ["Klima"],
        [
            "Klimanotstand",
            "Klimaschutzkonzept",
            "Hitzeschutz",
            "Photovoltaik auf städtischen Dächern",
            "Stadtbäumen",
            "kommunaler Wärmeplanung",
        ],
        [
            "Klimanotstand ausrufen",
            "Hitzeaktionsplan für die Stadt",
            "Solaranlagen auf allen städtischen Dächern",
            "Klimaneutralität bis 2035",
            "Baumschutzsatzung wieder einführen",
        ],
        [
            "Die Sommer werden heißer, und die Ärmsten leiden am stärksten unter der Hitze.",
            "Jede städtische Entscheidung muss auf ihre Folgen für das Klima geprüft werden.",
            "Die Stadtwerke können die Wärmewende sozial gerecht gestalten.",
        ],
    ),
    Theme(
        ["Haushalt"],
        [
            "Haushaltsentwurf",
            "Gewerbesteuerhebesatz",
            "Grundsteuer",
            "Altschulden",
            "Gebührenerhöhungen",
            "Haushaltssicherungskonzept",
        ],
        [
            "Altschuldenfonds jetzt",
            "Keine Kürzungen im Sozialetat",
            "Grundsteuerreform aufkommensneutral umsetzen",
            "Gewerbesteuer gerecht erheben",
        ],
        [
            "Die Kommunen tragen die Kosten von Aufgaben, die Bund und Land beschließen.",
            "Der Haushaltsentwurf spart wieder bei denen, die ohnehin wenig haben.",
            "Ohne eine Lösung für die Altschulden bleibt die Stadt handlungsunfähig.",
        ],
    ),
    Theme(
        ["Integration"],
        [
            "Integrationsrat",
            "Unterbringung Geflüchteter",
            "Abschiebungen",
            "Wartezeiten in der Ausländerbehörde",
            "Sprachkursen",
            "kommunalem Wahlrecht",
        ],
        [
            "Wartezeiten bei der Ausländerbehörde verkürzen",
            "Dezentrale Unterbringung statt Sammelunterkünfte",
            "Kommunales Wahlrecht für alle Einwohner*innen",
            "Bezahlkarte für Geflüchtete nicht einführen",
        ],
        [
            "Monatelange Wartezeiten auf einen Termin gefährden Aufenthalt und Arbeitsplatz.",
            "Wer hier lebt, soll auch mitentscheiden dürfen.",
            "Der Integrationsrat muss früher und verbindlich beteiligt werden.",
        ],
    ),
    Theme(
        ["Antifaschismus", "Demokratie"],
        [
            "neonazistischen Strukturen",
            "Rechtsextremismus",
            "Gedenkorten",
            "Stolpersteinen",
            "rechten Gewalttaten",
        ],
        [
            "Handlungskonzept gegen Rechtsextremismus",
            "Stolpersteine in allen Stadtteilen",
            "Keine Räume für Neonazis",
            "Opferberatung dauerhaft fördern",
        ],
        [
            "Rechte Gewalt ist keine Randerscheinung, sie trifft Menschen mitten in der Stadt.",
            "Das Gedenken braucht Orte, die alle kennen, und Menschen, die es tragen.",
            "Die Verwaltung muss offenlegen, was sie über rechte Strukturen weiß.",
        ],
    ),
    Theme(
        ["Gesundheit", "Soziales"],
        [
            "Krankenhausplanung",
            "Hausarztversorgung",
            "Impfangeboten",
            "Personal im Gesundheitsamt",
            "Hebammenversorgung",
        ],
        [
            "Krankenhausschließung verhindern",
            "Kommunales Gesundheitszentrum gründen",
            "Impfungen dezentral anbieten",
            "Hebammenzentrale einrichten",
        ],
        [
            "In manchen Stadtteilen gibt es keine Hausarztpraxis mehr.",
            "Ein Krankenhaus ist Daseinsvorsorge und darf nicht nach Rendite geplant werden.",
            "Das Gesundheitsamt braucht dauerhaft mehr Personal.",
        ],
    ),
    Theme(
        ["Kultur"],
        [
            "Provenienzforschung",
            "Stadtbibliotheken",
            "freier Kulturszene",
            "Museumseintritt",
            "Kulturförderung",
        ],
        [
            "Freier Eintritt in städtische Museen",
            "Provenienzforschung personell stärken",
            "Stadtteilbibliotheken erhalten",
            "Ateliers statt Leerstand",
        ],
        [
            "Kultur muss für alle zugänglich sein, nicht nur für die, die es sich leisten können.",
            "Viele Werke in den Museen haben eine Herkunft, die niemand geprüft hat.",
        ],
    ),
    Theme(
        ["Arbeit", "Soziales"],
        [
            "Beschäftigungsgesellschaft",
            "Langzeitarbeitslosigkeit",
            "Tariftreue",
            "Mindestlohn bei städtischen Aufträgen",
            "Ausbildungsplätzen",
        ],
        [
            "Tariftreue bei allen städtischen Aufträgen",
            "Sozialen Arbeitsmarkt ausbauen",
            "Rückholung ausgegliederter Dienste in den öffentlichen Dienst",
            "Ausbildungsquote der Stadtverwaltung erhöhen",
        ],
        [
            "Die Arbeitslosenquote liegt über dem Landesdurchschnitt.",
            "Wer für die Stadt arbeitet, muss nach Tarif bezahlt werden.",
        ],
    ),
    Theme(
        ["Digitalisierung"],
        [
            "Digitalisierung der Schulen",
            "Glasfaserausbau",
            "Open Data",
            "Onlinediensten der Verwaltung",
            "Ratsinformationssystem",
        ],
        [
            "Freies WLAN in allen öffentlichen Gebäuden",
            "Open-Source-Strategie für die Verwaltung",
            "Ratssitzungen im Livestream",
            "Leihgeräte für Schüler*innen aus armen Familien",
        ],
        [
            "Die Verwaltung bindet sich mit teuren Lizenzen an wenige Konzerne.",
            "Digitale Teilhabe darf nicht am Einkommen der Eltern scheitern.",
        ],
    ),
]

INQUIRY_TITLES = (
    "Anfrage zu {subject}",
    "Sachstand bei {subject}",
    "Nachfrage zu {subject} {in_place}",
    "Fragen an die Verwaltung zu {subject}",
    "Anfrage zur Entwicklung bei {subject} {in_place}",
    "Kosten und Planung zu {subject}",
)
MOTION_TITLES = (
    "{demand}",
    "{demand}",
    "Antrag: {demand}",
    "{demand} – Antrag zur {session}",
    "{place}: {demand}",
)
PRESS_TITLES = (
    "LINKE fordert: {demand}",
    "{demand}!",
    "„{demand}“: Fraktion legt Antrag vor",
    "Zu {subject}: Verwaltung muss handeln",
    "{place} braucht mehr als einen Tropfen auf den heißen Stein bei {subject}",
    "Rat lehnt ab: {demand}",
)
OTHER_TITLES = {
    "Änderungsantrag": ("Änderungsantrag zu {subject}", "Änderungsantrag: {demand}"),
    "Resolution": ("Resolution: {demand}", "Resolution zu {subject}"),
    "Rede": ("Rede zu {subject}", "Haushaltsrede: {demand}"),
    "Musteranfrage": ("Musteranfrage zu {subject}",),
    "Musterantrag": ("Musterantrag: {demand}",),
}

#: How each kind of text begins (Anfragen ask, Anträge move, press releases quote).
OPENINGS = {
    "Anfrage": (
        "Die Fraktion {group} bittet die Verwaltung, die folgenden Fragen zu beantworten.",
        "Wir bitten um schriftliche Beantwortung der folgenden Fragen in der nächsten Sitzung.",
    ),
    "Antrag": (
        "Der Rat möge beschließen:",
        "Die Verwaltung wird beauftragt, bis zur nächsten Sitzung einen Bericht vorzulegen.",
    ),
    "Pressemitteilung": (
        "Mit Unverständnis reagiert die Fraktion {group} auf die Vorlage der Verwaltung.",
        "„Das reicht nicht“, sagt {person}, Fraktionsvorsitzende*r der LINKEN {in_place}.",
    ),
    "Rede": ("Sehr geehrte Damen und Herren, liebe Kolleginnen und Kollegen,",),
}
#: The rarer kinds begin like their common relative.
OPENING_OF = {"Musteranfrage": "Anfrage", "Änderungsantrag": "Antrag", "Resolution": "Antrag"}
OPENING_OF["Musterantrag"] = "Antrag"

REASONS = (
    "Begründung: Seit Jahren weist die Fraktion auf das Problem hin.",
    "Die Antwort der Verwaltung vom vergangenen Jahr ließ wichtige Fragen offen.",
    "Andere Städte in Nordrhein-Westfalen zeigen, dass es anders geht.",
    "Der Ausschuss hat das Thema mehrfach vertagt.",
    "Die Kosten sind im Haushalt darzustellen und die Förderprogramme des Landes zu nutzen.",
    "Wir erwarten, dass die Betroffenen frühzeitig beteiligt werden.",
    "Die Zahlen sind nach Stadtteilen aufzuschlüsseln.",
    "Gerade {in_place} ist der Handlungsbedarf groß.",
)
QUESTIONS = (
    "Wie viele Menschen {in_place} sind betroffen?",
    "Welche Maßnahmen plant die Verwaltung bis Ende {year}?",
    "Welche Kosten sind dafür im Haushalt {year} vorgesehen?",
    "Welche Fördermittel von Land und Bund wurden beantragt?",
    "Wie bewertet die Verwaltung die Erfahrungen anderer Kommunen?",
)


def _weighted(options):
    names = list(options)
    cumulative, total = [], 0
    for name in names:
        total += options[name]
        cumulative.append(total)
    return names, cumulative


_KIND_CHOICES = _weighted(KINDS)
_GROUP_CHOICES = _weighted(GROUP_NAMES)


def _bodies():
    """Where records come from, weighted: the big cities most, Kreise and towns less."""
    weights = {}
    for name in nrw.INDEPENDENT_CITIES:
        weights[name] = 6
    for name in nrw.DISTRICTS:
        weights[name] = 3
    for name in nrw.TOWNS:
        weights[name] = 1
    for name in nrw.ASSOCIATIONS:
        weights[name] = 1
    return _weighted(weights)


_BODY_CHOICES = _bodies()


def _pick(rng, choices):
    names, cumulative = choices
    return rng.choices(names, cum_weights=cumulative)[0]


def _organization(rng, body):
    """Mostly the Rat or Kreistag; sometimes a Bezirksvertretung, Integrationsrat, Ausschuss."""
    place = nrw.PLACES[body]
    roll = rng.random()
    if body in nrw.BOROUGHS and roll < 0.15:
        return nrw.borough_council_name(body, rng.choice(nrw.BOROUGHS[body]))
    if place.kind in (nrw.INDEPENDENT_CITY, nrw.TOWN) and roll > 0.95:
        return f"Integrationsrat der Stadt {body}"
    if place.kind != nrw.ASSOCIATION and roll > 0.9:
        return rng.choice(
            ("Ausschuss für Soziales und Gesundheit", "Bauausschuss", "Schulausschuss")
        )
    return place.council


#: Where the Landschafts- and Regionalverbände work, for "{in_place}".
_ASSOCIATION_AREAS = {
    "Landschaftsverband Westfalen-Lippe": "in Westfalen-Lippe",
    "Landschaftsverband Rheinland": "im Rheinland",
    "Regionalverband Ruhr": "im Ruhrgebiet",
}


def _in_place(body):
    """ "in Bochum", "im Kreis Wesel", "in der StädteRegion Aachen", "im Rheinland"."""
    kind = nrw.PLACES[body].kind
    if kind == nrw.ASSOCIATION:
        return _ASSOCIATION_AREAS[body]
    if kind == nrw.DISTRICT:
        return f"in der {body}" if body.startswith("StädteRegion") else f"im {body}"
    return f"in {body}"


def _paragraphs(rng, theme, fields, long):
    def fill(sentence):
        return sentence.format(**fields)

    kind = fields["kind"]
    opening = fill(rng.choice(OPENINGS[OPENING_OF.get(kind, kind)]))
    paragraphs = [
        " ".join([opening, fill(rng.choice(theme.facts)), fill(rng.choice(REASONS))]),
    ]
    for _ in range(rng.randint(1, 4)):
        sentences = rng.sample(theme.facts, k=min(2, len(theme.facts))) + rng.sample(REASONS, k=2)
        rng.shuffle(sentences)
        paragraphs.append(fill(" ".join(sentences)))
    if kind in ("Anfrage", "Musteranfrage"):
        paragraphs.append(
            "\n".join(f"{n}. {fill(q)}" for n, q in enumerate(rng.sample(QUESTIONS, 3), 1))
        )
    if long:
        # A Haushaltsrede or an Anfrage with the Verwaltung's long answer: 50,000+ characters.
        block = "\n\n".join(paragraphs)
        target = rng.randint(50_000, 120_000)
        numbered = [f"Anlage, Abschnitt {n}: {block}" for n in range(1, target // len(block) + 2)]
        paragraphs.extend(numbered)
    return "\n\n".join(paragraphs)


def _legacy_slug(title, number):
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())
    slug = "-".join(part for part in slug.split("-") if part)
    return f"{slug[:80].strip('-')}-{number}"


def record(number, *, seed=0):
    """Record `number` of the series `seed`: the same dict every time."""
    rng = random.Random(f"{seed}:{number}")
    kind = _pick(rng, _KIND_CHOICES)
    body = _pick(rng, _BODY_CHOICES)
    theme = rng.choice(THEMES)
    subject = rng.choice(theme.subjects)
    demand = rng.choice(theme.demands)
    date = FIRST_DATE + datetime.timedelta(days=rng.randrange(_DAYS + 1))
    person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    group = _pick(rng, _GROUP_CHOICES)
    organization = _organization(rng, body)
    group_kind = "Gruppe" if nrw.PLACES[body].kind == nrw.ASSOCIATION else "Fraktion"
    fields = {
        "subject": subject,
        "demand": demand,
        "place": body,
        "in_place": _in_place(body),
        "session": "Kreistagssitzung" if organization.startswith("Kreistag") else "Ratssitzung",
        "group": group,
        "person": person,
        "year": date.year,
        "kind": kind,
    }
    if kind == "Anfrage":
        patterns = INQUIRY_TITLES
    elif kind == "Antrag":
        patterns = MOTION_TITLES
    elif kind == "Pressemitteilung":
        patterns = PRESS_TITLES
    else:
        patterns = OTHER_TITLES[kind]
    title = rng.choice(patterns).format(**fields)
    long = rng.random() < 0.01
    text = _paragraphs(rng, theme, fields, long)
    teaser = text.split("\n\n", 1)[0]
    if len(teaser) > 240:
        teaser = teaser[:240].rsplit(" ", 1)[0] + " …"
    topics = theme.topics[: rng.randint(1, len(theme.topics))]
    return {
        "external_id": f"gen-{seed}-{number:07d}",
        "kind": kind,
        "title": title,
        "date": date.isoformat(),
        "reference": f"{date.year % 100:02d}/{rng.randint(1, 4000):04d}",
        "teaser": teaser,
        "text": text,
        "topics": ";".join(topics),
        "body": body,
        "organization": organization,
        "group": group,
        "group_kind": group_kind,
        "authors": person if rng.random() < 0.6 else "",
        "outcome": rng.choice(OUTCOMES[kind]) if kind in OUTCOMES else "",
        "source_url": "",
        "legacy_slug": _legacy_slug(title, number) if rng.random() < 0.3 else "",
        "published": "false" if rng.random() < 0.03 else "true",
    }


def generate(n, *, seed=0, start=0):
    """Records `start` to `n - 1` of the series `seed`, one dict at a time."""
    for number in range(start, n):
        yield record(number, seed=seed)


def write_jsonl(records, stream):
    for item in records:
        stream.write(json.dumps(item, ensure_ascii=False))
        stream.write("\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Generierte Datenbankeinträge als JSON Lines.")
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start", type=int, default=0)
    args = parser.parse_args(argv)
    write_jsonl(generate(args.records, seed=args.seed, start=args.start), sys.stdout)


if __name__ == "__main__":
    main()
