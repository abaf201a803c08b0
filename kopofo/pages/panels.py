"""Boxes that apps offer for the home page, the inner pages' sidebar and the footer.

An app registers a `Panel` in `kopofo.seams.panels` from its `panels.py`; staff choose which
panels each place shows, and in which order, under Einstellungen → Kästen (`PanelSettings`).
The kernel knows no panel by name: it renders whatever the settings list, with each panel's
template and context.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from kopofo.caching.services import per_generation
from kopofo.seams import panels

HOME = "home"
SIDEBAR = "sidebar"
FOOTER = "footer"
PLACES = {
    HOME: _("Startseite, rechte Spalte"),
    SIDEBAR: _("Seitenleiste der Unterseiten"),
    FOOTER: _("Fußzeile"),
}


@dataclass(frozen=True)
class Panel:
    #: Stored in the settings: never change it once staff may have chosen the panel.
    key: str
    #: What staff pick from, e.g. "Die nächsten Termine".
    label: str
    #: Renders the box; it gets the page's context plus `panel`, `place` and `heading_id`.
    template: str
    #: Extra context, computed per request: `get_context(request) -> dict`. An empty dict, or
    #: None, from a panel that has nothing to show (no newsletter page yet) hides it.
    get_context: Callable | None = None
    #: Where a new site shows the panel until staff choose, in the order of registration.
    default_places: tuple[str, ...] = field(default=())


def registered_panels():
    return {panel.key: panel for panel in panels}


def panel_choices():
    return [(panel.key, panel.label) for panel in panels]


def default_panels(place):
    return [("panel", panel.key) for panel in panels if place in panel.default_places]


# Module-level functions, so that migrations can name them as the fields' defaults.
def default_home_panels():
    return default_panels(HOME)


def default_sidebar_panels():
    return default_panels(SIDEBAR)


def default_footer_panels():
    return default_panels(FOOTER)


def latest_news(request):
    # Imported here: the models import this module for their fields' defaults.
    from .models import NewsPage

    # The same three on every page until the next change (kopofo.caching.services).
    news = per_generation(
        request,
        ("latest_news",),
        lambda: list(NewsPage.objects.live().public().newest_first()[:3]),
    )
    return {"latest_news": news} if news else None


panels.register(
    Panel(
        key="kontakt",
        label=_("Kontakt (Anschrift und Sprechzeiten)"),
        template="panels/contact.html",
        default_places=(HOME, FOOTER),
    ),
    order=50,
)
panels.register(
    Panel(
        key="aktuelles",
        label=_("Aktuelles (die drei neuesten Nachrichten)"),
        template="panels/latest_news.html",
        get_context=latest_news,
        default_places=(SIDEBAR,),
    ),
    order=60,
)
