"""The events of the demo: the three dates of the seed, moved into the future, and a few past ones.

Days count from the day the command runs, so "Die nächsten Termine" is never empty; an event the
demo made once stays as it is (the steps complete, they never change).
"""

import datetime

from django.utils import timezone

from kopofo.pages.demo import paragraph
from kopofo.pages.slugs import german_slugify
from kopofo.seams import demo_content

from .models import (
    CoOrganiser,
    EventCategory,
    EventIndexPage,
    EventPage,
    EventSeries,
    EventSettings,
    ProgrammePage,
)

CATEGORIES = {
    "Diskussionsveranstaltung": "DEM",
    "Tagesseminar": "TS",
    "Netzwerktreffen": "NET",
    "Workshop": "WS",
}
ROSA_LUXEMBURG_STIFTUNG = ("Rosa-Luxemburg-Stiftung NRW", "https://nrw.rosalux.de/")

IMPORTANT_NOTES = (
    "<ul>"
    "<li>Wer Unterstützung braucht, um barrierefrei teilzunehmen, sagt uns das bitte mindestens "
    "10 Tage vor der Veranstaltung.</li>"
    "<li>Kinderbetreuung organisieren wir gern: Meldet sie bitte mindestens 14 Tage vorher an, "
    "mit dem Alter des Kindes.</li>"
    "<li>Getränke und vegetarisches Essen sind kostenfrei; andere Ernährungswünsche nach "
    "Absprache.</li>"
    "</ul>"
)


def at(days, hour, minute=0):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


#: slug: (days from today, start, end or None, fields). The first three are the seed's dates.
EVENTS = {
    "netzwerktreffen-integrationsraete": (
        12,
        (11, 0),
        (14, 30),
        {
            "title": "Netzwerktreffen Integrationsräte – Was tun bei den Kommunalwahlen 2025?",
            "category": "Netzwerktreffen",
            "format": EventPage.Format.ONLINE,
            "online_platform": "Zoom",
            "topics": ["Integration", "Demokratie"],
            "teaser": "Mitglieder von Integrationsräten aus ganz NRW tauschen sich aus: Wie "
            "bringen wir unsere Themen in die Kommunalwahl?",
        },
    ),
    "kommunalwahlen-aber-wie": (
        26,
        (11, 0),
        None,
        {
            "title": "Kommunalwahlen – aber wie? Wir schreiben ein Kommunalwahlprogramm",
            "category": "Tagesseminar",
            "venue_name": "Wichernhaus",
            "street": "Schwanenstraße 30",
            "postal_code": "44135",
            "city": "Dortmund",
            "topics": ["Demokratie"],
            "teaser": "Von der ersten Idee zum beschlossenen Programm: ein Tag Werkstatt für "
            "Gruppen und Fraktionen.",
        },
    ),
    "bodenpreise-treiben-die-mieten": (
        40,
        (11, 0),
        (16, 0),
        {
            "title": "Bodenpreise treiben die Mieten – Wie können Städte gegensteuern?",
            "category": "Diskussionsveranstaltung",
            "venue_name": "Bürgerhaus",
            "street": "Luegallee 65",
            "postal_code": "40545",
            "city": "Düsseldorf",
            "fees": "kostenfrei",
            "accessibility": "barrierefrei",
            "topics": ["Wohnen"],
            "teaser": "Bodenfonds, Erbbaurecht, Vorkaufsrecht: was Kommunen gegen steigende "
            "Bodenpreise tun können.",
            "speakers": [("Dr. Erika Muster", "Stadtplanerin, Platzhalter aus den Demodaten")],
        },
    ),
    "haushaltsrecht-fuer-einsteigerinnen": (
        -35,
        (10, 0),
        (16, 0),
        {
            "title": "Haushaltsrecht für Einsteiger*innen",
            "category": "Workshop",
            "venue_name": "Geschäftsstelle",
            "street": "Severinstraße 1",
            "postal_code": "45127",
            "city": "Essen",
            "topics": ["Haushalt"],
            "teaser": "Wie ein kommunaler Haushalt gelesen wird und wo die Fraktion ansetzt.",
        },
    ),
    "kommunale-waermeplanung": (
        -80,
        (18, 0),
        (20, 0),
        {
            "title": "Kommunale Wärmeplanung: sozial und klimagerecht",
            "category": "Diskussionsveranstaltung",
            "format": EventPage.Format.ONLINE,
            "online_platform": "Zoom",
            "topics": ["Klima"],
            "teaser": "Was die Wärmeplanung für Mieter*innen bedeutet.",
            "documentation": [
                paragraph(
                    "Rund 40 Teilnehmende diskutierten, wie Kommunen die Wärmewende sozial "
                    "gestalten. Platzhalter aus den Demodaten."
                )
            ],
        },
    ),
}


@demo_content.register(order=60)
def events(demo):
    categories = {
        name: EventCategory.objects.get_or_create(
            name=name, defaults={"slug": name.lower(), "code": code}
        )[0]
        for name, code in CATEGORIES.items()
    }
    partner = CoOrganiser.objects.get_or_create(
        name=ROSA_LUXEMBURG_STIFTUNG[0], defaults={"url": ROSA_LUXEMBURG_STIFTUNG[1]}
    )[0]
    notes = EventSettings.for_site(demo.site)
    if not notes.important_notes:
        notes.important_notes = IMPORTANT_NOTES
        notes.save()
    index = demo.child(
        demo.home,
        EventIndexPage,
        "veranstaltungen",
        title="Veranstaltungen",
        show_in_menus=True,
        intro="<p>Diskussionsveranstaltungen, Tagesseminare, Netzwerktreffen und Workshops "
        "für linke Kommunalpolitik in NRW: öffentlich, eine Anmeldung ist aber in aller Regel "
        "erforderlich.</p>",
    )
    for slug, (days, start, end, fields) in EVENTS.items():
        if EventPage.objects.child_of(index).filter(slug=slug).exists():
            continue
        fields = dict(fields)
        topics = [demo.topics[name] for name in fields.pop("topics", []) if name in demo.topics]
        speakers = fields.pop("speakers", [])
        page = EventPage(
            slug=slug,
            start=at(days, *start),
            end=at(days, *end) if end else None,
            **{**fields, "category": categories[fields["category"]]},
        )
        page = index.add_child(instance=page)
        page.topics.set(topics)
        page.co_organisers.set([partner])
        for name, about in speakers:
            page.speakers.create(name=name, about=about)
        page.save_revision().publish()


#: A series as the association runs them: the same day seminar in one town after another.
SERIES = (
    "Einführung für Kandidat*innen: Das kommunale Mandat",
    "das-kommunale-mandat",
    "Was ein Mandat im Rat oder Kreistag bedeutet, welche Rechte es euch gibt und wie ihr es "
    "mit Leben füllt: ein Tagesseminar für alle, die kandidieren. Platzhalter aus den Demodaten.",
)
#: slug: (days from today, town). The venues are not at hand: the town only, marked as demo.
SERIES_DATES = {
    "das-kommunale-mandat-bochum": (24, "Bochum"),
    "das-kommunale-mandat-koeln": (38, "Köln"),
}


@demo_content.register(order=61)
def event_series(demo):
    name, slug, description = SERIES
    series = EventSeries.objects.get_or_create(
        slug=slug, defaults={"name": name, "description": description}
    )[0]
    index = EventIndexPage.objects.get()
    category = EventCategory.objects.get(name="Tagesseminar")
    for page_slug, (days, town) in SERIES_DATES.items():
        if EventPage.objects.child_of(index).filter(slug=page_slug).exists():
            continue
        page = index.add_child(
            instance=EventPage(
                title=f"{name} ({town})",
                slug=page_slug,
                start=at(days, 10),
                end=at(days, 16),
                format=EventPage.Format.IN_PERSON,
                venue_name="Tagungsort (Platzhalter aus den Demodaten)",
                city=town,
                category=category,
                series=series,
                teaser="Ein Tagesseminar für alle, die für Rat oder Kreistag kandidieren.",
            )
        )
        page.save_revision().publish()


#: The editorial of the demo's programmes, in the association's voice. Placeholder text.
PROGRAMME_EDITORIAL = (
    "<p>Liebe Kommunalpolitiker*innen, liebe Interessierte,</p>"
    "<p>die Räte und Kreistage stehen vor großen Aufgaben: bezahlbares Wohnen, die Wärmewende, "
    "Haushalte, die kaum noch Spielraum lassen. In diesem Halbjahr laden wir euch zu "
    "Tagesseminaren, Diskussionsabenden und Netzwerktreffen ein, vor Ort in ganz NRW und online. "
    "Bringt eure Fragen aus der Ratsarbeit mit, wir bringen Referent*innen und Material mit.</p>"
    "<p>Die meisten Veranstaltungen sind kostenfrei; meldet euch bitte trotzdem an, damit wir "
    "planen können. Platzhalter aus den Demodaten.</p>"
)
PROGRAMME_SIGNATURE = "Wolfgang Freye, Vorsitzender"


def half_year_of(day):
    season = ProgrammePage.Season.SPRING if day.month <= 6 else ProgrammePage.Season.AUTUMN
    return season, day.year


def current_programme_slug():
    """The address of this half-year's programme, as the demo makes it ("herbstprogramm-2026")."""
    return german_slugify(ProgrammePage.proposed_title(*half_year_of(timezone.localdate())))


def following_half_year(season, year):
    if season == ProgrammePage.Season.SPRING:
        return ProgrammePage.Season.AUTUMN, year
    return ProgrammePage.Season.SPRING, year + 1


@demo_content.register(order=62)
def programmes(demo):
    """The programme of this half-year, and of the next once an event of the demo falls in it."""
    index = EventIndexPage.objects.get()
    this = half_year_of(timezone.localdate())
    half_years = [this]
    season, year = following_half_year(*this)
    following = ProgrammePage(season=season, year=year)
    if EventPage.objects.live().starting_between(following.begins, following.ends).exists():
        half_years.append((season, year))
    for season, year in half_years:
        if ProgrammePage.objects.filter(season=season, year=year).exists():
            continue
        page = index.add_child(
            instance=ProgrammePage(
                season=season,
                year=year,
                editorial=PROGRAMME_EDITORIAL,
                signature=PROGRAMME_SIGNATURE,
                teaser="Alle Veranstaltungen des Halbjahres auf einen Blick, auch zum Ausdrucken "
                "und als PDF.",
            )
        )
        page.save_revision().publish()
