"""Build a believable kopofo nrw site from the seed; safe to run again (nothing is duplicated)."""

import datetime
import io
import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.models import Page, Site

from kopofo.contact.models import ContactFormField, ContactPage
from kopofo.images.models import CustomImage
from kopofo.pages.models import ContactSettings, HomePage, NewsIndexPage, NewsPage, StandardPage
from kopofo.pages.staff import EDITORS, OFFICE
from kopofo.topics.models import Topic

DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "kopofo-demo")

TOPICS = ["Wohnen", "Verkehr", "Klima", "Haushalt", "Integration", "Soziales", "Demokratie"]

WELCOME = "Willkommen beim kommunalpolitischen forum nrw"
INTRO = (
    "<p>Das <b>kommunalpolitische forum nrw e.V.</b> (kopofo nrw) unterstützt linke "
    "Kommunalpolitikerinnen und Kommunalpolitiker, Fraktionen und alle Interessierten in "
    "Nordrhein-Westfalen: mit Seminaren, Diskussionsabenden, Netzwerktreffen, Publikationen und "
    "einer Datenbank kommunalpolitischer Anfragen und Anträge.</p>"
)
PURPOSE_QUOTE = (
    "Zweck des Vereins ist die Förderung der politischen Bildung, insbesondere der "
    "kommunalpolitischen Bildung, im Sinne demokratischer, sozialer und ökologischer Politik."
)

NEWS = [
    {
        "slug": "ist-die-stadt-nun-rehabilitiert",
        "title": "Ist die Stadt nun rehabilitiert?",
        "date": datetime.date(2026, 11, 20),
        "source": "Fraktion DIE LINKE. im Rat der Stadt Wuppertal",
        "teaser": (
            "Nach dem Urteil des Verwaltungsgerichts fragt die Fraktion, welche Konsequenzen die "
            "Stadtspitze aus dem Verfahren zieht und wer die Kosten trägt."
        ),
        "topics": ["Haushalt", "Demokratie"],
    },
    {
        "slug": "nach-der-abschiebung-nach-bangladesch",
        "title": "Nach der Abschiebung nach Bangladesch: Stadt muss Verantwortung übernehmen",
        "date": datetime.date(2026, 11, 17),
        "source": "Fraktion DIE LINKE. im Rat der Stadt Bochum",
        "teaser": (
            "Eine seit Jahren in Bochum lebende Familie wurde nachts abgeschoben. Die Fraktion "
            "will wissen, welche Rolle die Ausländerbehörde gespielt hat."
        ),
        "topics": ["Integration"],
    },
    {
        "slug": "verfassungsschutz-aus-vergaberichtlinien-streichen",
        "title": "Verfassungsschutz aus Vergaberichtlinien des Integrationspreises streichen",
        "date": datetime.date(2026, 11, 12),
        "source": "Fraktion DIE LINKE. im Kreistag des Rhein-Erft-Kreises",
        "teaser": (
            "Vereine, die sich um den Integrationspreis bewerben, sollen nicht länger vom "
            "Verfassungsschutz überprüft werden: Die Fraktion beantragt die Streichung der Klausel."
        ),
        "topics": ["Integration", "Demokratie"],
    },
    {
        "slug": "kein-weiter-so-am-kalkberg",
        "title": "Kein „Weiter so!“ am Kalkberg: Hubschrauberstation endlich aufgeben",
        "date": datetime.date(2026, 11, 5),
        "source": "Fraktion DIE LINKE. im Rat der Stadt Köln",
        "teaser": (
            "Seit Jahren versinkt die Rettungshubschrauberstation auf dem Kalkberg in Kosten und "
            "Gutachten. Die Fraktion fordert, das Projekt zu beenden und den Berg als Grünfläche "
            "zu öffnen."
        ),
        "topics": ["Haushalt", "Klima"],
    },
]

ABOUT_PAGES = [
    ("verein", "Der Verein", "Wer wir sind und wofür wir arbeiten."),
    ("satzung", "Satzung", "Die Satzung des kommunalpolitischen forums nrw e.V."),
    ("vorstand", "Vorstand", "Der ehrenamtliche Vorstand des Vereins."),
    ("geschaeftsstelle", "Geschäftsstelle", "Unser Büro in Essen und wie du uns erreichst."),
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


class Command(BaseCommand):
    help = "Create (or complete) the demo site: pages, news, topics, contact data and staff users."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even though DEBUG is off (e.g. in tests)."
        )

    def handle(self, *args, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Demo content and demo passwords don't belong on a production site; "
                "use --force if this database really is a demo."
            )
        with transaction.atomic():
            home = self.home_page()
            self.contact_settings(home)
            topics = {
                name: Topic.objects.get_or_create(name=name, defaults={"slug": name.lower()})[0]
                for name in TOPICS
            }
            self.about_pages(home)
            self.news(home, topics)
            self.contact_page(home)
            self.legal_pages(home)
            self.newsletter_page(home)
            self.users()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write(
            f"Wagtail admin: {settings.WAGTAILADMIN_BASE_URL}{reverse('wagtailadmin_home')}  "
            f"user 'admin', password '{DEMO_PASSWORD}' "
            f"(also 'redaktion' and 'geschaeftsstelle' with the same password)"
        )

    # --- pages -----------------------------------------------------------------------------

    def home_page(self):
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(
                instance=HomePage(
                    title=WELCOME,
                    slug="start",
                    intro=INTRO,
                    purpose_quote=PURPOSE_QUOTE,
                    purpose_quote_source="aus § 2 der Satzung",
                    image=self.hero_image(),
                    seo_title="kopofo nrw – kommunalpolitisches forum nrw e.V.",
                    search_description=(
                        "Bildung, Beratung und Vernetzung für linke Kommunalpolitik in NRW."
                    ),
                )
            )
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="kopofo nrw",
            )
        elif site.root_page_id != home.pk:
            old_root = site.root_page
            site.root_page = home
            site.site_name = "kopofo nrw"
            site.save()
            # Wagtail's "Welcome to your new Wagtail site!" page has served its purpose.
            if (
                not isinstance(old_root.specific, HomePage)
                and old_root.depth == 2
                and old_root.is_leaf()
            ):
                old_root.delete()
        return home

    def child(self, parent, model, slug, **fields):
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        page = parent.add_child(instance=model(slug=slug, **fields))
        page.save_revision().publish()
        return page

    def about_pages(self, home):
        about = self.child(
            home,
            StandardPage,
            "ueber-uns",
            title="Über uns",
            show_in_menus=True,
            teaser="Das kommunalpolitische forum nrw e.V. stellt sich vor.",
            body=[
                paragraph(
                    "Wir sind ein gemeinnütziger Verein mit Sitz in Essen. Seit vielen Jahren "
                    "bieten wir kommunalpolitische Bildung für alle an, die sich vor Ort für eine "
                    "soziale, ökologische und demokratische Politik einsetzen."
                ),
                ("quote", {"text": PURPOSE_QUOTE, "source": "aus § 2 der Satzung"}),
            ],
        )
        for slug, title, teaser in ABOUT_PAGES:
            self.child(
                about,
                StandardPage,
                slug,
                title=title,
                teaser=teaser,
                show_in_menus=True,
                body=[paragraph(teaser)],
            )

    def news(self, home, topics):
        index = self.child(
            home,
            NewsIndexPage,
            "aktuelles",
            title="Aktuelles",
            show_in_menus=True,
            intro="<p>Nachrichten aus den Räten und Kreistagen und aus dem Verein.</p>",
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
                    body=[
                        paragraph(item["teaser"]),
                        paragraph(
                            "Den vollständigen Text findest du auf der Website der Fraktion."
                        ),
                    ],
                )
            )
            page.topics.set([topics[name] for name in item["topics"]])
            page.save_revision().publish()
            # Backdate the first publication so feeds and lists keep the seed's order.
            NewsPage.objects.filter(pk=page.pk).update(
                first_published_at=datetime.datetime.combine(
                    item["date"], datetime.time(9), tzinfo=datetime.UTC
                )
            )
        return index

    def contact_page(self, home):
        if ContactPage.objects.exists():
            return
        privacy = self.legal_pages(home)["datenschutz"]
        page = home.add_child(
            instance=ContactPage(
                slug="kontakt",
                title="Kontakt",
                show_in_menus=True,
                intro=(
                    "<p>Du hast eine Frage zu unseren Angeboten oder zur Mitgliedschaft? "
                    "Schreib uns.</p>"
                ),
                thank_you_text=(
                    "<p>Danke! Deine Nachricht ist bei uns angekommen. Wir antworten in der "
                    "Regel innerhalb von drei Werktagen.</p>"
                ),
                privacy_page=privacy,
                subject="Nachricht über das Kontaktformular",
            )
        )
        fields = [
            ("Name", "singleline", True),
            ("E-Mail", "email", True),
            ("Betreff", "singleline", False),
            ("Nachricht", "multiline", True),
        ]
        for order, (label, field_type, required) in enumerate(fields):
            ContactFormField.objects.create(
                page=page, sort_order=order, label=label, field_type=field_type, required=required
            )
        page.save_revision().publish()

    def legal_pages(self, home):
        return {
            slug: self.child(
                home,
                StandardPage,
                slug,
                title=title,
                body=[paragraph(STUB_NOTICE)],
            )
            for slug, title in LEGAL_PAGES
        }

    def newsletter_page(self, home):
        self.child(
            home,
            StandardPage,
            "newsletter",
            title="Newsletter",
            teaser="Einmal im Monat Termine, Anträge und Hintergründe per E-Mail.",
            body=[
                paragraph(
                    "Die Anmeldung zum Newsletter ist bald direkt hier möglich. Bis dahin "
                    "schreib uns eine E-Mail an buero@kopofo-nrw.de."
                )
            ],
        )

    # --- settings, media, users --------------------------------------------------------------

    def contact_settings(self, home):
        site = Site.objects.get(root_page=home)
        contact = ContactSettings.for_site(site)
        if not contact.email:
            contact.street = "Severinstraße 1"
            contact.postal_code = "45127"
            contact.city = "Essen"
            contact.phone = "0203 - 31 777 38-0"
            contact.email = "buero@kopofo-nrw.de"
            contact.office_hours = "Dienstag bis Donnerstag 10:00 bis 16:00 Uhr"
            contact.facebook_url = "https://www.facebook.com/kopofonrw"
            contact.instagram_url = "https://www.instagram.com/kopofo_nrw/"
            contact.save()

    def hero_image(self):
        title = "Ratssaal mit Publikum (Demo)"
        image = CustomImage.objects.filter(title=title).first()
        if image:
            return image
        canvas = PillowImage.new("RGB", (1600, 1000), "#f4f1ec")
        draw = ImageDraw.Draw(canvas)
        draw.rectangle((0, 700, 1600, 1000), fill="#a3000d")
        for column in range(8):
            x = 120 + column * 180
            draw.rectangle((x, 300, x + 90, 700), fill="#d6d0c6")
        draw.polygon([(80, 300), (800, 60), (1520, 300)], fill="#7a000a")
        buffer = io.BytesIO()
        canvas.save(buffer, format="JPEG", quality=85)
        return CustomImage.objects.create(
            title=title,
            description="Zeichnung eines Rathauses mit Säulen vor rotem Grund",
            caption="Kommunalpolitik findet im Rathaus statt – und davor.",
            credit="Grafik: kopofo nrw",
            file=ImageFile(buffer, name="rathaus-demo.jpg"),
        )

    def users(self):
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
