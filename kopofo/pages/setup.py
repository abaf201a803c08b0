"""An empty production site, ready for content: `manage.py setup_site`.

Unlike the demo, nothing here is sample content: a home page to write, Aktuelles, and the legal
pages as drafts that the office must fill in before they can go live. Every step completes what
is missing and changes nothing that exists, so the command may run after every deployment.
"""

from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Page, Site

from kopofo.site_url import point_site_at

from .models import HomePage, NewsIndexPage, StandardPage
from .staff import ensure_staff_groups

HOME_TITLE = "kommunalpolitisches forum nrw"

#: The pages every German association's site needs by law or should have, as drafts to fill.
LEGAL_PAGES = [
    (
        "impressum",
        "Impressum",
        "Anbieterkennzeichnung nach § 5 DDG: Name und Anschrift des Vereins, "
        "vertretungsberechtigter Vorstand, Registergericht und Vereinsregisternummer, E-Mail und "
        "Telefon, inhaltlich Verantwortliche*r nach § 18 Abs. 2 MStV.",
    ),
    (
        "datenschutz",
        "Datenschutz",
        "Datenschutzerklärung nach Art. 13 DSGVO: Verantwortlicher, welche Daten die Website "
        "verarbeitet (Server-Protokolle, Kontaktformular, Newsletter), Zweck, Rechtsgrundlage, "
        "Speicherdauer und die Rechte der Betroffenen.",
    ),
    (
        "barrierefreiheit",
        "Erklärung zur Barrierefreiheit",
        "Wie barrierefrei die Website ist, was (noch) nicht, und wie man Barrieren melden kann.",
    ),
]
DRAFT_NOTICE = "Entwurf: Diese Seite muss vor dem Start ausgefüllt werden. Hinein gehört: {what}"


@dataclass
class SetupReport:
    created: list[str] = field(default_factory=list)
    site: Site | None = None


def child_page(parent, model, slug, *, publish=True, **fields):
    """The child page `slug` of `parent`, created if it is missing (published, or as a draft).

    Returns the page and whether it was created. The setup and the demo build their trees with
    it, so running either again finds its pages instead of adding them twice.
    """
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = parent.add_child(instance=model(slug=slug, live=False, **fields))
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page, True


def set_up_site(origin=None):
    """The tree, the Site at `origin` (SITE_URL unless given), the groups and their workflow."""
    report = SetupReport()
    with transaction.atomic():
        home = _home_page(report)
        report.site, changed = point_site_at(home, origin)
        if changed:
            site = report.site
            report.created.append(
                f"site {site.hostname}:{site.port} with the home page as its root"
            )
        _child(home, NewsIndexPage, "aktuelles", "Aktuelles", report, show_in_menus=True)
        for slug, title, what in LEGAL_PAGES:
            _child(
                home,
                StandardPage,
                slug,
                title,
                report,
                publish=False,
                body=[("paragraph", f"<p>{DRAFT_NOTICE.format(what=what)}</p>")],
            )
        ensure_staff_groups()
    return report


def _home_page(report):
    home = HomePage.objects.first()
    if home is None:
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title=HOME_TITLE, slug="start", live=False)
        )
        # The home page is published at once (empty), so the site answers; the office fills it.
        home.save_revision().publish()
        report.created.append(f"home page '{home.title}' (published, still empty)")
    return home


def _child(parent, model, slug, title, report, publish=True, **fields):
    page, created = child_page(parent, model, slug, publish=publish, title=title, **fields)
    if created:
        state = "published" if publish else "draft"
        report.created.append(f"{model._meta.verbose_name} '{title}' ({state})")
    return page
