from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kopofo.caching.services import per_generation
from kopofo.pages.panels import Panel
from kopofo.seams import panels

from .models import Paper

NEWEST_PAPERS = 3


def newest_papers(request):
    # The same three on every page until the next change of a record (page_cache.py).
    papers = per_generation(
        request,
        ("motions_db.newest_papers",),
        lambda: list(
            Paper.objects.published()
            .newest_first()
            .select_related("group__organization")[:NEWEST_PAPERS]
        ),
    )
    if not papers:
        return None
    return {"newest_papers": papers, "datenbank_url": reverse("motions_db:search")}


# Offered, not placed: staff add it to the home page or sidebar under Einstellungen → Kästen.
panels.register(
    Panel(
        key="datenbank",
        label=_("Neu in der Datenbank (die drei neuesten Einträge)"),
        template="panels/newest_papers.html",
        get_context=newest_papers,
    ),
    order=40,
)
