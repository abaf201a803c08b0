"""What the page cache must forget when it changes, besides the event pages themselves."""

from kopofo.seams import page_cache

from .models import CoOrganiser, EventCategory, EventSeries, EventSettings, ProgrammePdf

# Every list and event page names the category; the page names the co-organisers and the notes.
page_cache.register(EventCategory)
page_cache.register(CoOrganiser)
page_cache.register(EventSettings)
# Its name and description stand on its page and on each of its dates.
page_cache.register(EventSeries)
# A programme's page shows the size of its PDF, which the worker builds after the page changed.
page_cache.register(ProgrammePdf)
