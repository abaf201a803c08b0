"""The home page's "Aktuelles": the site's own news, merged with what apps offer there.

An app (the Datenbank's Pressemitteilungen) registers in `kopofo.seams.home_news`; the kernel
knows no app by name.
"""

from kopofo.seams import home_news

HOME_NEWS = 4


def merged_news(request, own_news, *, limit=HOME_NEWS):
    """The newest `limit` of the site's news and every app's items, by date.

    `sorted` is stable, so on the same day the site's own news come first, then the apps' in
    the seam's order.
    """
    items = list(own_news[:limit])
    for newest in home_news:
        items.extend(newest(request, limit))
    return sorted(items, key=lambda item: item.date, reverse=True)[:limit]
