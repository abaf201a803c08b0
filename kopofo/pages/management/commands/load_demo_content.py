from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

<<<<<<< HEAD
from kopofo.pages.demo import DEMO_PASSWORD, DemoSite
from kopofo.seams import demo_content
=======
from kopofo.contact.models import ContactFormField, ContactPage
from kopofo.images.models import CustomImage
from kopofo.pages.models import ContactSettings, HomePage, NewsIndexPage, NewsPage, StandardPage
from kopofo.pages.staff import EDITORS, OFFICE
from kopofo.topics.models import Topic

DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "kopofo-demo-passwort")

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
>>>>>>> staff


class Command(BaseCommand):
    help = "Create (or complete) the demo site: every app's demo content, then the staff users."

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
        demo = DemoSite()
        with transaction.atomic():
            for step in demo_content:
                step(demo)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write(
            f"Wagtail admin: {settings.WAGTAILADMIN_BASE_URL}{settings.WAGTAILADMIN_PATH}  "
            f"user 'admin', password '{DEMO_PASSWORD}' "
            f"(also 'redaktion' and 'geschaeftsstelle' with the same password)"
        )
