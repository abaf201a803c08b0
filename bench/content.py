"""A realistic amount of content on top of the demo site, for the load benchmark.

500 news items (each with one or two Themen, every fourth with an image) and 50 standard pages,
with German titles and teasers made from the vocabulary of the association's field. The same
seed gives the same site, so two runs measure the same pages.

Pages go in through Wagtail's page tree API (`add_child`), so paths, depth, `numchild`, the
search index and the reference index are what the admin would have made; they are created live
without a revision each, which is what keeps 550 pages at a few seconds.
"""

import datetime
import io
import random

from django.core.files.images import ImageFile
from django.db import transaction

from kopofo.images.models import CustomImage
from kopofo.pages.demo import NEWS_BODY, bullet_list, heading, paragraph
from kopofo.pages.demo_files import shop_window_jpeg
from kopofo.pages.models import HomePage, NewsIndexPage, NewsPage, StandardPage
from kopofo.pages.slugs import free_slug, german_slugify
from kopofo.topics.models import Topic

NEWS_COUNT = 500
STANDARD_PAGE_COUNT = 50
IMAGE_COUNT = 12
SEED = 8

TOWNS = [
    "Aachen", "Bielefeld", "Bochum", "Bottrop", "Dortmund", "Duisburg", "Düsseldorf", "Essen",
    "Gelsenkirchen", "Hagen", "Hamm", "Herne", "Köln", "Krefeld", "Leverkusen",
    "Mönchengladbach", "Münster", "Oberhausen", "Paderborn", "Recklinghausen", "Remscheid",
    "Siegen", "Solingen", "Wuppertal",
]  # fmt: skip

#: What councils argue about, by the demo's Themen.
SUBJECTS = {
    "Wohnen": [
        "Sozialquote in Neubaugebieten", "Mietspiegel", "Zweckentfremdungssatzung",
        "kommunale Wohnungsbaugesellschaft", "Leerstand in der Innenstadt", "Wohnungslosenhilfe",
    ],
    "Verkehr": [
        "Sozialticket", "Ausbau der Radwege", "Takt der Stadtbahn", "Tempo 30 vor Schulen",
        "Nachtbusse am Wochenende", "barrierefreie Haltestellen",
    ],
    "Klima": [
        "Hitzeschutzplan", "Baumschutzsatzung", "kommunale Wärmeplanung",
        "Solaranlagen auf städtischen Dächern", "Klimanotstand", "Entsiegelung von Schulhöfen",
    ],
    "Haushalt": [
        "Haushaltssicherungskonzept", "Hebesatz der Grundsteuer", "Altschuldenlösung",
        "Gewerbesteuer", "Gebühren für die Kita", "Kosten der Unterkunft",
    ],
    "Integration": [
        "Integrationsrat", "Unterbringung Geflüchteter", "Wartezeiten bei der Ausländerbehörde",
        "Sprachkurse für Erwachsene", "kommunales Wahlrecht für alle",
    ],
    "Soziales": [
        "Kita-Plätze", "Schulsozialarbeit", "Energiesperren", "Gesundheitskiosk", "Sozialpass",
        "Offene Ganztagsschule",
    ],
    "Demokratie": [
        "Bürgerhaushalt", "Einwohnerfragestunde", "Livestream der Ratssitzungen",
        "Demokratieförderung", "Auftritte der AfD im Rat", "Akteneinsicht für Ratsmitglieder",
    ],
}  # fmt: skip

#: Kinds of news: the titles and the teaser of each, so that a title and its teaser agree.
NEWS_KINDS = [
    (
        [
            "{subject}: Anfrage der Linksfraktion in {town}",
            "Ratsfraktion {town} fragt nach: {subject}",
        ],
        "Die Fraktion DIE LINKE im Rat der Stadt {town} hat zur Ratssitzung am {date} eine "
        "Anfrage zum Thema {subject} gestellt. Wir dokumentieren die Fragen und die Antwort der "
        "Verwaltung.",
    ),
    (
        ["{town}: Antrag zum Thema {subject}", "Antrag in {town}: {subject} jetzt angehen"],
        "Zum Thema {subject} legt die Linksfraktion in {town} einen Antrag vor: Die Verwaltung "
        "soll bis zur nächsten Sitzung berichten, was die Stadt schon tut und was sie noch tun "
        "kann.",
    ),
    (
        [
            "{subject} in {town}: Was der Rat beschlossen hat",
            "Haushaltsrede in {town}: {subject} nicht kaputtsparen!",
        ],
        "Im Rat der Stadt {town} wurde am {date} über {subject} gestritten. Unsere "
        "Ratsmitglieder sagen, warum sie dagegen gestimmt haben und was jetzt vor Ort passieren "
        "muss.",
    ),
]
QUESTIONS = [
    "Wie viele Menschen in {town} sind davon betroffen?",
    "Welche Mittel stehen im Haushalt dafür bereit, und welche Fördermittel des Landes werden "
    "abgerufen?",
    "Bis wann legt die Verwaltung einen Bericht vor?",
    "Wie werden die Betroffenen und die Bezirksvertretungen beteiligt?",
]
PAGE_TITLES = [
    "Praxiswissen: {subject}",
    "{subject} – was Ratsmitglieder wissen sollten",
    "Musteranträge zum Thema {subject}",
]


def add_bench_content():
    """Add the news items, the images and the standard pages to the demo site."""
    rng = random.Random(SEED)
    topics = list(Topic.objects.filter(name__in=SUBJECTS))
    with transaction.atomic():
        images = bench_images()
        add_news(rng, topics, images)
        add_standard_pages(rng, topics, images)


def bench_images():
    jpeg = shop_window_jpeg()
    return [
        CustomImage.objects.create(
            title=f"Ratssitzung {number} (Benchmark)",
            description="Ratsmitglieder an ihren Tischen im Ratssaal",
            caption="Aus der Ratssitzung",
            credit="Foto: kopofo nrw (Benchmark)",
            file=ImageFile(io.BytesIO(jpeg), name=f"ratssitzung-{number}.jpg"),
        )
        for number in range(1, IMAGE_COUNT + 1)
    ]


def add_news(rng, topics, images):
    index = NewsIndexPage.objects.get()
    # Older than the demo's four items, one every other day, so those stay on top of the list.
    newest = NewsPage.objects.order_by("date").values_list("date", flat=True).first()
    for number in range(NEWS_COUNT):
        date = newest - datetime.timedelta(days=1 + 2 * number)
        tagged = rng.sample(topics, rng.choice([1, 1, 2]))
        subject = rng.choice(SUBJECTS[tagged[0].name])
        town = rng.choice(TOWNS)
        words = {"subject": subject, "town": town, "date": f"{date:%d.%m.%Y}"}
        titles, teaser = rng.choice(NEWS_KINDS)
        title = capitalize(rng.choice(titles).format(**words))
        teaser = teaser.format(**words)
        published = datetime.datetime.combine(date, datetime.time(9), tzinfo=datetime.UTC)
        index.add_child(
            instance=NewsPage(
                slug=free_slug(german_slugify(title), index.get_children()),
                title=title,
                date=date,
                source=f"Fraktion DIE LINKE. im Rat der Stadt {town}",
                teaser=teaser,
                image=images[number % IMAGE_COUNT] if number % 4 == 0 else None,
                topics=tagged,
                body=[
                    paragraph(teaser),
                    heading("Unsere Fragen an die Verwaltung"),
                    bullet_list([question.format(**words) for question in QUESTIONS]),
                    paragraph(NEWS_BODY),
                ],
                first_published_at=published,
                last_published_at=published,
            )
        )


def add_standard_pages(rng, topics, images):
    home = HomePage.objects.get()
    section = home.add_child(
        instance=StandardPage(
            slug="praxiswissen",
            title="Praxiswissen für die Ratsarbeit",
            teaser="Grundlagen, Musteranträge und Tipps für Kommunalpolitiker*innen.",
            body=[
                paragraph("Was ihr für die Arbeit in Rat, Kreistag und Bezirksvertretung braucht.")
            ],
        )
    )
    for number in range(STANDARD_PAGE_COUNT - 1):
        topic = topics[number % len(topics)]
        subject = rng.choice(SUBJECTS[topic.name])
        words = {"subject": subject, "town": rng.choice(TOWNS)}
        title = capitalize(rng.choice(PAGE_TITLES).format(**words))
        section.add_child(
            instance=StandardPage(
                slug=free_slug(german_slugify(title), section.get_children()),
                title=title,
                teaser=f"Was Kommunalpolitiker*innen zum Thema {subject} wissen sollten.",
                image=images[number % IMAGE_COUNT] if number % 3 == 0 else None,
                body=[
                    paragraph(NEWS_KINDS[1][1].format(**words)),
                    heading("Was der Rat entscheiden kann"),
                    paragraph(NEWS_KINDS[2][1].format(**words, date="01.03.2026")),
                    heading("Fragen, die ihr stellen könnt"),
                    bullet_list([question.format(**words) for question in QUESTIONS]),
                ],
            )
        )


def capitalize(title):
    """A title starts with a capital, also where it starts with a subject ("kommunale ...")."""
    return title[:1].upper() + title[1:]
