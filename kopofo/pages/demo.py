"""The kernel's demo content, and the `DemoSite` that every app's demo step builds on.

`manage.py load_demo_content` runs the steps registered in `kopofo.seams.demo_content`, each
app's from its own `demo.py`, in their order: this module's home page first (0), the Themen (5),
the contact data, Über uns and Aktuelles (10-40), the features' pages (50-800) and the staff
users last (900). Every step is idempotent: it completes what is missing and changes nothing
that exists, so the command can run again. Tests take their data from these modules too.
"""

import datetime
import io
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files import File
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.models import Page

from kopofo.images.models import CustomImage
from kopofo.seams import demo_content
from kopofo.site_url import point_site_at

from .demo_files import satzung_pdf, shop_window_jpeg
from .models import (
    ContactSettings,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PanelSettings,
    StandardPage,
)
from .setup import child_page
from .staff import EDITORS, OFFICE

Document = get_document_model()

DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "kopofo-demo-passwort")

# The words below are the association's own: the text of its current home page and the facts of
# its current site, copied here because nothing may read ../shared when the site runs.

#: The office's contact data, as the home page's contact box shows it today.
CONTACT_DETAILS = {
    "street": "Severinstraße 1",
    "postal_code": "45127",
    "city": "Essen",
    "phone": "0203 - 31 777 38-0",
    "email": "buero@kopofo-nrw.de",
    "office_hours": "Dienstag bis Donnerstag 10:00 bis 16:00 Uhr",
    "facebook_url": "https://www.facebook.com/kopofonrw",
    "instagram_url": "https://www.instagram.com/kopofo_nrw/",
}

WELCOME = "Willkommen beim kommunalpolitischen forum nrw!"

#: The welcome text in full, paragraph by paragraph, word for word.
WELCOME_TEXT = [
    "Das kommunalpolitische forum nrw e.V. (kopofo nrw) bietet linken Kommunalpolitiker*innen, "
    "Gruppen, Fraktionen und interessierten Bürger*innen Bildungsangebote, Beratung, "
    "Informationen und Vernetzung. Wir möchten euch dabei unterstützen, vor Ort Strategien und "
    "Kompetenzen für die effektive Entwicklung und Umsetzung linker Kommunalpolitik zu "
    "entwickeln.",
    "Zu diesem Zweck organisieren wir insbesondere Diskussionsveranstaltungen und "
    "Tagesseminare. Mit Hilfe fachkundiger Referent*innen ist es unser Ziel, Teilnehmende auf "
    "den aktuellen Stand wichtiger politischer Themen zu bringen. Dabei achten wir auch "
    "Zusammenhänge zwischen lokaler, regionaler und Landespolitik und berücksichtigen die "
    "Besonderheiten von ländlichen sowie urbanen Räumen.",
    "Wir stellen gerne allen Interessierten unsere Publikationen zur Verfügung und unsere "
    "Veranstaltungen sind grundsätzlich öffentlich (eine Anmeldung ist aber in aller Regel "
    "erforderlich). Zudem bieten wir eine umfangreiche Datenbank mit Anfragen, Anträgen und "
    "Pressemitteilungen von linken Kommunalpolitiker*innen aus NRW zu einer Vielzahl an "
    "kommunalpolitischen Themen. Über aktuelle Entwicklungen und unsere nächsten "
    "Veranstaltungen informieren wir euch monatlich in unserem Newsletter und laufend auf "
    "unserer Facebook-Seite.",
    "Für Fragen zu unseren Veranstaltungen, Veröffentlichungen sowie zu kommunalpolitischen und "
    "kommunalrechtlichen Themen steht euch unsere Geschäftsstelle in Essen gerne jeder Zeit zur "
    "Verfügung.",
]
#: The welcome text's last sentence; "über uns" links to the page about the Verein.
MORE_ABOUT = ('Mehr Infos über das kopofo nrw als Verein gibt es im Abschnitt "', "über uns", '".')

#: § 2 of the Satzung, word for word, as the home page quotes it.
PURPOSE_QUOTE = (
    "Zweck des Vereins ist die Förderung der politischen Bildung, die den sozialen und "
    "kulturellen Belangen der Bürgerinnen und Bürger verpflichtet ist und die die demokratische "
    "Beteiligung der Bürgerinnen und Bürger bei der Lösung öffentlicher Angelegenheiten in den "
    "Kommunen und Landkreisen für unverzichtbar betrachtet."
)
PURPOSE_SOURCE = (
    "§ 2 der Satzung des kommunalpolitischen forums nordrhein-westfalen e.V., "
    "beschlossen am 19. November 2022"
)

#: The hero picture, described as the current home page describes its photo.
HERO_IMAGE = {
    "title": "Schaufenster der Geschäftsstelle (Demo-Zeichnung)",
    "caption": "Geschäftsstelle des kopofo nrw",
    "description": (
        "Schaufenster, dahinter eine Fensterbank mit Pflanzen und Broschüren des kopofo nrw in "
        "Aufstellern"
    ),
    "credit": "Zeichnung: kopofo nrw (Demodaten)",
}

#: The association's own news (current-site.md § 8, item 20, and a note on the new site). The
#: Fraktionen's press releases the home page shows beside them are Datenbank records
#: (motions_db/demo.py), so the kernel's demo has only what the Verein itself wrote.
NEWS = [
    {
        "slug": "neue-website-des-kopofo-nrw",
        "title": "Unsere neue Website: Veranstaltungen, Datenbank und Aktuelles an einem Ort",
        "date": datetime.date(2026, 11, 24),
        "source": "kopofo nrw",
        "teaser": (
            "Die Website des kopofo nrw ist neu: Termine lassen sich in den eigenen Kalender "
            "übernehmen, und die Kommunalpolitische Datenbank durchsucht Anfragen, Anträge und "
            "Pressemitteilungen aus ganz NRW."
        ),
        "topics": ["Demokratie"],
    },
    {
        "slug": "grundsteuer-berechnungsgrundlage-verfassungswidrig",
        "title": (
            "Bundesverfassungsgericht erklärt Berechnungsgrundlage der Grundsteuer für "
            "verfassungswidrig"
        ),
        "date": datetime.date(2018, 4, 10),
        "source": "Peter Heumann",
        "teaser": (
            "Die Einheitswerte, nach denen die Grundsteuer berechnet wird, sind veraltet und "
            "verstoßen gegen den Gleichheitssatz. Was das Urteil für die Haushalte der Kommunen "
            "bedeutet, ordnet Peter Heumann ein."
        ),
        "topics": ["Haushalt"],
    },
]

DEMO_MARK = "(Platzhalter aus den Demodaten)"

#: The news pages' body: the teaser is the page's lead, so the body must not repeat it. The
#: demo leaves "Link zum Original" empty rather than invent one.
NEWS_BODY = (
    "Hier steht der vollständige Beitrag; die Geschäftsstelle setzt ihn vor dem Start ein. "
    f"{DEMO_MARK}"
)

#: The Satzung's main points (current-site.md § 6), for its page and its demo PDF.
SATZUNG_POINTS = [
    "Name: „kommunalpolitisches forum nordrhein-westfalen e.V.“, kurz kopofo nrw.",
    "Sitz: Düsseldorf; der Verein ist im Vereinsregister beim Amtsgericht Düsseldorf eingetragen.",
    "Zweck (§ 2): die Förderung der politischen Bildung, wie oben zitiert. Der Verein ist "
    "gemeinnützig.",
    "Wege zum Zweck: Verbindungen zu anderen kommunalpolitischen Vereinigungen, zur "
    "Wissenschaft und zu Verlagen, eine Beratungsstelle, Qualifizierungsveranstaltungen, "
    "Erfahrungsaustausch und eigene Veröffentlichungen.",
    "Mitglieder: natürliche Personen ab 16 Jahren und juristische Personen, etwa Fraktionen "
    "und Gruppen, die eine Stimme haben. Der Beitritt wird schriftlich erklärt.",
    "Beschlossen hat diese Satzung die Mitgliederversammlung am 19. November 2022 in Essen.",
]
SATZUNG_PDF_NOTICE = (
    "Demodaten: Dieses PDF fasst nur die wichtigsten Punkte der Satzung zusammen. Der "
    "vollständige Wortlaut lag beim Aufbau der Website nicht vor; die Geschäftsstelle ersetzt "
    "dieses Dokument vor dem Start durch die beschlossene Satzung."
)

#: The Über-uns pages: slug, title, teaser; their bodies are built in `about_pages`.
ABOUT_PAGES = [
    ("verein", "Der Verein", "Wer wir sind, was wir anbieten und woher wir kommen."),
    (
        "satzung",
        "Satzung",
        "Die wichtigsten Punkte unserer Satzung, beschlossen am 19. November 2022 in Essen.",
    ),
    ("vorstand", "Vorstand", "Wer den Verein ehrenamtlich leitet und wer die Geschäfte führt."),
    (
        "geschaeftsstelle",
        "Geschäftsstelle",
        "Unser Büro in Essen: Anschrift, Sprechzeiten, Anfahrt und Zugang.",
    ),
]

LEGAL_PAGES = [
    ("impressum", "Impressum"),
    ("datenschutz", "Datenschutz"),
    ("barrierefreiheit", "Erklärung zur Barrierefreiheit"),
]

STUB_NOTICE = (
    "Platzhalter aus den Demodaten: Der rechtsverbindliche Text muss vor dem Start von der "
    "Geschäftsstelle eingesetzt werden."
)


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def bullet_list(items):
    return ("paragraph", "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


def home_intro(verein=None):
    """The welcome text as rich text; "über uns" links to the Verein's page once it exists."""
    before, label, after = MORE_ABOUT
    link = f'<a linktype="page" id="{verein.pk}">{label}</a>' if verein else label
    return "".join(f"<p>{text}</p>" for text in [*WELCOME_TEXT, f"{before}{link}{after}"])


class DemoSite:
    """What the demo steps share: the site, its home page, the Themen, and idempotent helpers."""

    def __init__(self):
        self.site = None
        self.home = None
        self.topics = {}

    def child(self, parent, model, slug, **fields):
        """The published child page `slug` of `parent`, created with `fields` if it is missing."""
        return child_page(parent, model, slug, **fields)[0]

    def page(self, slug):
        """A page of the demo site by its slug, for links between the apps' pages."""
        return Page.objects.descendant_of(self.home).filter(slug=slug).specific().first()


# --- steps -----------------------------------------------------------------------------------


@demo_content.register(order=0)
def home_page(demo):
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title=WELCOME,
                slug="start",
                intro=home_intro(),
                purpose_quote=PURPOSE_QUOTE,
                purpose_quote_source=PURPOSE_SOURCE,
                image=hero_image(),
                seo_title="kopofo nrw – kommunalpolitisches forum nrw e.V.",
                search_description=(
                    "Bildungsangebote, Beratung, Informationen und Vernetzung für linke "
                    "Kommunalpolitik in NRW."
                ),
            )
        )
    # The origin is configuration, not content: it follows SITE_URL on every run.
    site, _ = point_site_at(home)
    demo.home, demo.site = home, site


@demo_content.register(order=10)
def contact_settings(demo):
    contact = ContactSettings.for_site(demo.site)
    if not contact.email:
        for name, value in CONTACT_DETAILS.items():
            setattr(contact, name, value)
        contact.save()
    # The Kästen as they come: made now rather than by the first visit, which would make the
    # page cache stale once (any saved setting does).
    PanelSettings.for_site(demo.site)


@demo_content.register(order=20)
def about_pages(demo):
    about = demo.child(
        demo.home,
        StandardPage,
        "ueber-uns",
        title="Über uns",
        show_in_menus=True,
        teaser="Wer wir sind, wofür wir arbeiten und wie ihr uns erreicht.",
        body=[
            paragraph(
                "Das kommunalpolitische forum nordrhein-westfalen e.V. – kurz kopofo nrw – ist "
                "ein gemeinnütziger Verein mit Sitz in Düsseldorf; unsere Geschäftsstelle ist in "
                "Essen. Wir bieten linken Kommunalpolitiker*innen, Gruppen, Fraktionen und allen "
                "Interessierten in NRW Bildung, Beratung, Informationen und Vernetzung."
            ),
            ("quote", {"text": PURPOSE_QUOTE, "source": PURPOSE_SOURCE}),
        ],
    )
    bodies = {
        "verein": verein_body,
        "satzung": satzung_body,
        "vorstand": vorstand_body,
        "geschaeftsstelle": geschaeftsstelle_body,
    }
    for slug, title, teaser in ABOUT_PAGES:
        if StandardPage.objects.child_of(about).filter(slug=slug).exists():
            continue
        page = demo.child(
            about,
            StandardPage,
            slug,
            title=title,
            teaser=teaser,
            show_in_menus=True,
            body=bodies[slug](),
        )
        if slug == "verein":
            # The welcome text's "über uns" has waited for this page.
            home = demo.home.specific
            if 'linktype="page"' not in home.intro:
                home.intro = home_intro(verein=page)
                home.save_revision().publish()
        if slug == "geschaeftsstelle":
            contact = ContactSettings.for_site(demo.site)
            if contact.details_page_id is None:
                contact.details_page = page
                contact.save()


def verein_body():
    return [
        heading("Wer wir sind"),
        paragraph(
            "Das kommunalpolitische forum nordrhein-westfalen e.V. ist ein gemeinnütziger "
            "Verein mit Sitz in Düsseldorf, eingetragen beim Amtsgericht Düsseldorf. Wir sind die "
            "anerkannte kommunalpolitische Vereinigung der Partei DIE LINKE in "
            "Nordrhein-Westfalen, arbeiten aber parteiunabhängig: Willkommen ist bei uns, wer die "
            "Ziele unserer Satzung teilt."
        ),
        heading("Was wir euch anbieten"),
        bullet_list(
            [
                "Zweimal im Jahr ein Bildungsprogramm, im Frühjahr und im Herbst: "
                "Tagesseminare, Diskussionsveranstaltungen, Workshops, Netzwerktreffen und "
                "jedes Jahr den Kommunalpolitischen Ratschlag, online und vor Ort in ganz NRW. "
                "Die meisten Veranstaltungen machen wir gemeinsam mit der "
                "Rosa-Luxemburg-Stiftung NRW.",
                "Seminare auf Abruf: Eure Fraktion bucht ein Seminar, und wir kommen mit "
                "Referent*in zu euch – für Mitglieder, die Kosten übernehmen wir zum Teil.",
                "Broschüren zu kommunalen und regionalen Themen und zu den Grundlagen der "
                "Öffentlichkeitsarbeit: als PDF kostenlos, gedruckt gegen eine kleine "
                "Schutzgebühr, für Mitglieder kostenlos.",
                "Beratung zu kommunalpolitischen und kommunalrechtlichen Fragen.",
                "Die Kommunalpolitische Datenbank mit Anfragen, Anträgen und "
                "Pressemitteilungen linker Fraktionen aus ganz NRW.",
                "Vernetzung zwischen Fraktionen, Gruppen und Einzelmandatsträger*innen in "
                "Städten, Kreisen und Gemeinden.",
            ]
        ),
        heading("Unsere Geschichte"),
        bullet_list(
            [
                "<b>2001</b>: Kommunalpolitiker*innen der PDS gründen den Verein im Sommer in "
                "Duisburg.",
                "<b>2006</b>: Nach zwei Jahren ohne Vereinsarbeit gründen wir uns neu.",
                "<b>2010 bis 2012</b>: Der Landtag NRW fördert unsere Bildungsarbeit zum ersten "
                "Mal.",
                "<b>2017</b>: Peter Heumann wird im August unser Geschäftsführer. Von Juni 2017 "
                "bis Mai 2022 fördert der Landtag NRW die „Heranbildung und Weiterbildung von "
                "Bürger*innen für die Tätigkeit in der kommunalen Selbstverwaltung“ mit rund "
                "110.000 € im Jahr.",
                "<b>2018</b>: Die Geschäftsstelle zieht aus den Räumen der "
                "Rosa-Luxemburg-Stiftung NRW in Duisburg in ein eigenes Ladenlokal in der "
                "Hansastraße 4, das zugleich unser Seminarraum ist. Im August geht die neue "
                "Website online.",
                "<b>2022</b>: Seit DIE LINKE bei der Landtagswahl unter 2,5 % blieb, fehlt uns "
                "ab dem 1. Juni die Landesförderung. Wir arbeiten seitdem mit weniger bezahlten "
                "Stellen und mehr ehrenamtlich, unser Programm erscheint ab Herbst nur noch "
                "digital, und das Duisburger Ladenlokal geben wir auf. Am 19. November "
                "beschließt die Mitgliederversammlung in Essen unsere neue Satzung.",
                "<b>Heute</b>: Ihr findet unsere Geschäftsstelle in der Severinstraße 1 in Essen.",
            ]
        ),
        heading("Mitglied werden"),
        paragraph(
            "Mitglied werden können alle ab 16 Jahren und juristische Personen wie Fraktionen "
            "und Gruppen, die eine Stimme haben. Den Beitritt erklärt ihr schriftlich; schreibt "
            "uns, wir schicken euch alles Nötige. Mitglieder bekommen unsere Broschüren "
            "kostenlos und können Seminare auf Abruf buchen."
        ),
    ]


def satzung_body():
    return [
        paragraph(
            "Unsere Satzung hat die Mitgliederversammlung am 19. November 2022 in Essen "
            "beschlossen. Ihr Kern ist der Zweck des Vereins in § 2:"
        ),
        ("quote", {"text": PURPOSE_QUOTE, "source": PURPOSE_SOURCE}),
        heading("Die wichtigsten Punkte"),
        bullet_list(SATZUNG_POINTS),
        ("document", {"document": satzung_document(), "title": "Satzung als PDF (Demo)"}),
        paragraph(f"{SATZUNG_PDF_NOTICE} {DEMO_MARK}"),
    ]


def vorstand_body():
    return [
        paragraph(
            "Die Mitgliederversammlung wählt den Vorstand; er arbeitet ehrenamtlich, hat zehn "
            "Mitglieder und ist quotiert besetzt."
        ),
        heading("Vorsitz"),
        bullet_list(
            [
                "Wolfgang Freye (Essen), Vorsitzender",
                "Ulrike Detjen (Köln), stellvertretende Vorsitzende",
            ]
        ),
        heading("Weitere Mitglieder des Vorstands"),
        bullet_list(["Hans Decruppe"]),
        paragraph(
            f"Die übrigen Mitglieder des Vorstands trägt die Geschäftsstelle ein. {DEMO_MARK}"
        ),
        heading("Geschäftsführung"),
        paragraph(
            "Seit August 2017 führt Peter Heumann unsere Geschäfte. Ihr erreicht ihn über die "
            "Geschäftsstelle."
        ),
    ]


def geschaeftsstelle_body():
    details = CONTACT_DETAILS
    return [
        paragraph(
            "Unsere Geschäftsstelle in Essen beantwortet eure Fragen zu unseren Veranstaltungen "
            "und Veröffentlichungen und zu kommunalpolitischen und kommunalrechtlichen Themen. "
            "Die Telefonnummer haben wir aus Duisburg mitgenommen."
        ),
        heading("Anschrift"),
        paragraph(
            f"kommunalpolitisches forum nrw e.V.<br>Geschäftsstelle<br>{details['street']}<br>"
            f"{details['postal_code']} {details['city']}"
        ),
        paragraph(
            f"Telefon: {details['phone']}<br>E-Mail: {details['email']}<br>"
            "Anmeldung zu Veranstaltungen: anmeldung@kopofo-nrw.de"
        ),
        heading("Sprechzeiten"),
        paragraph(
            f"In der Regel {details['office_hours']}. Kommt ihr von weiter her, ruft vorher kurz "
            "an, damit sicher jemand da ist."
        ),
        heading("Mit Bus und Bahn"),
        paragraph(
            "Die Geschäftsstelle liegt in der Essener Innenstadt. Eure Verbindung zeigt euch die "
            'Fahrplanauskunft des VRR unter <a href="https://www.vrr.de/">vrr.de</a>. '
            f"Haltestelle und Fußweg trägt die Geschäftsstelle hier ein. {DEMO_MARK}"
        ),
        heading("Barrierefreiheit"),
        paragraph(
            "Sagt uns bitte vorher Bescheid, wenn ihr einen stufenlosen Zugang oder andere "
            "Unterstützung braucht: Wir klären das mit euch vor eurem Besuch. Genaue Angaben zum "
            f"Zugang der Geschäftsstelle folgen. {DEMO_MARK}"
        ),
        paragraph(
            "Für unsere Veranstaltungen gilt: Alle Veranstaltungsorte sind stufenlos erreichbar, "
            "manche vollständig barrierefrei; die Angaben stehen bei jeder Veranstaltung. Braucht "
            "ihr einen Parkplatz, eine Induktionsschleife oder einen Platz in der ersten Reihe, "
            "sagt es uns mindestens zehn Tage vorher."
        ),
    ]


@demo_content.register(order=30)
def news(demo):
    index = demo.child(
        demo.home,
        NewsIndexPage,
        "aktuelles",
        title="Aktuelles",
        show_in_menus=True,
        intro="<p>Aktuelles vom kopofo nrw und aus der linken Kommunalpolitik im Land.</p>",
    )
    for item in NEWS:
        if NewsPage.objects.filter(slug=item["slug"]).exists():
            continue
        page = index.add_child(
            instance=NewsPage(
                slug=item["slug"],
                title=item["title"],
                date=item["date"],
                source=item["source"],
                teaser=item["teaser"],
                body=[paragraph(NEWS_BODY)],
            )
        )
        page.topics.set([demo.topics[name] for name in item["topics"]])
        page.save_revision().publish()
        # Backdate the first publication so feeds and lists keep the seed's order.
        NewsPage.objects.filter(pk=page.pk).update(
            first_published_at=datetime.datetime.combine(
                item["date"], datetime.time(9), tzinfo=datetime.UTC
            )
        )


@demo_content.register(order=40)
def legal_pages(demo):
    for slug, title in LEGAL_PAGES:
        demo.child(demo.home, StandardPage, slug, title=title, body=[paragraph(STUB_NOTICE)])


@demo_content.register(order=900)
def staff_users(demo):
    User = get_user_model()
    accounts = [
        ("admin", "Admin", None, True),
        ("redaktion", "Rita Redaktion", EDITORS, False),
        ("geschaeftsstelle", "Gerd Geschäftsstelle", OFFICE, False),
    ]
    for username, full_name, group_name, is_superuser in accounts:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@kopofo-nrw.example",
                "first_name": full_name.split()[0],
                "last_name": full_name.split()[-1],
                "is_staff": is_superuser,
                "is_superuser": is_superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))


def hero_image():
    image = CustomImage.objects.filter(title=HERO_IMAGE["title"]).first()
    if image:
        return image
    return CustomImage.objects.create(
        **HERO_IMAGE,
        file=ImageFile(io.BytesIO(shop_window_jpeg()), name="geschaeftsstelle-schaufenster.jpg"),
    )


def satzung_document():
    title = "Satzung des kopofo nrw (Demo)"
    document = Document.objects.filter(title=title).first()
    if document:
        return document
    pdf = satzung_pdf(
        SATZUNG_POINTS,
        purpose=PURPOSE_QUOTE,
        purpose_source=PURPOSE_SOURCE,
        notice=SATZUNG_PDF_NOTICE,
    )
    # The admin's upload form sets the size the download link shows; a file made here must too.
    return Document.objects.create(
        title=title,
        file=File(io.BytesIO(pdf), name="satzung-kopofo-nrw-demo.pdf"),
        file_size=len(pdf),
    )
