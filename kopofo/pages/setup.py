"""An empty production site, ready for content: `manage.py setup_site`.

Unlike the demo, nothing here is sample content: a home page to write, Aktuelles, and the legal
pages as drafts that the office must fill in before they can go live. Every step completes what
is missing and changes nothing that exists, so the command may run after every deployment.
"""

import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from .models import HomePage, NewsIndexPage, StandardPage
from .staff import ensure_staff_groups

SITE_NAME = "kopofo nrw"
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


def site_origin():
    """The one configured origin: SITE_URL, else the admin's base (settings or environment)."""
    return (
        getattr(settings, "SITE_URL", "")
        or os.environ.get("SITE_URL", "")
        or settings.WAGTAILADMIN_BASE_URL
    )


def set_up_site(origin=None):
    report = SetupReport()
    parts = urlsplit(origin or site_origin())
    hostname = parts.hostname or "localhost"
    port = parts.port or (443 if parts.scheme == "https" else 80)
    with transaction.atomic():
        home = _home_page(report)
        report.site = _site(home, hostname, port, report)
        _child(
            home, NewsIndexPage, "aktuelles", "Aktuelles", report, publish=True, show_in_menus=True
        )
        for slug, title, what in LEGAL_PAGES:
            _child(
                home,
                StandardPage,
                slug,
                title,
                report,
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


def _site(home, hostname, port, report):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    old_root = site.root_page if site.pk else None
    changed = (site.hostname, site.port, site.root_page_id) != (hostname, port, home.pk)
    site.hostname, site.port, site.root_page, site.site_name = hostname, port, home, SITE_NAME
    site.save()
    if changed:
        report.created.append(f"site {hostname}:{port} with the home page as its root")
    # Wagtail's "Welcome to your new Wagtail site!" page has served its purpose.
    if (
        old_root is not None
        and old_root.pk != home.pk
        and old_root.depth == 2
        and old_root.is_leaf()
        and not isinstance(old_root.specific, HomePage)
    ):
        old_root.delete()
    return site


def _child(parent, model, slug, title, report, publish=False, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = parent.add_child(instance=model(title=title, slug=slug, live=False, **fields))
    revision = page.save_revision()
    if publish:
        revision.publish()
    state = "published" if publish else "draft"
    report.created.append(f"{model._meta.verbose_name} '{title}' ({state})")
    return page
