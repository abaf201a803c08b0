"""What the page cache must forget when the Datenbank changes: its pages are views, not pages.

The record page, the topic pages, the home page's Aktuelles and the sidebar show records with
their Gremium, Fraktion and Kommune; a Thema added or removed changes topic pages (the M2M).
"""

from kopofo.seams import page_cache

from .models import Attachment, Body, Organization, Paper, ParliamentaryGroup

page_cache.register(Paper)
page_cache.register(Attachment)
page_cache.register(Body)
page_cache.register(Organization)
page_cache.register(ParliamentaryGroup)
