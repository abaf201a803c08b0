from wagtail.contrib.sitemaps import Sitemap

from kopofo.seams import sitemap_sections

# Every live, public Wagtail page of the site, each feature's pages included.
sitemap_sections.register(("pages", Sitemap), order=10)
