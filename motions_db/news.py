"""The Datenbank's newest Pressemitteilungen in the home page's Aktuelles (kopofo.seams.home_news),
as the association's site has always shown the Fraktionen's press releases there."""

from kopofo.caching.services import per_generation
from kopofo.seams import home_news

from .models import Paper


@home_news.register
def newest_press_releases(request, limit):
    # Every change of a record starts a new generation (page_cache.py): the list is worked out
    # once per change, not per home page render.
    return per_generation(
        request,
        ("motions_db.newest_press_releases", limit),
        lambda: list(
            Paper.objects.published()
            .of_kind(Paper.Kind.PRESS_RELEASE)
            .newest_first()
            .for_teasers()[:limit]
        ),
    )
