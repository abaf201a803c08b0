"""What the page cache must forget when it changes, besides pages (kopofo.seams.page_cache)."""

from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction, Site

from kopofo.seams import page_cache

from .models import ContactSettings, PanelSettings

# The contact box, footer and sidebar show these settings on every page.
page_cache.register(ContactSettings)
page_cache.register(PanelSettings)
# The site's host and root page decide every address; a restriction decides who may read.
page_cache.register(Site)
page_cache.register(PageViewRestriction)
# Document blocks show a document's title and address.
page_cache.register(get_document_model())
