from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from kopofo import legacy_urls, seams
from kopofo.images import views as image_views
from kopofo.pages import views as page_views
from kopofo.topics import views as topic_views


def site_sitemap(request, **kwargs):
    """The sitemap with every app's section (kopofo.seams.sitemap_sections)."""
    return sitemap(request, sitemaps=dict(seams.sitemap_sections), **kwargs)


urlpatterns = [
    path(settings.WAGTAILADMIN_PATH.strip("/") + "/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("suche/", page_views.search, name="search"),
    path("styleguide/", page_views.styleguide, name="styleguide"),
    path("themen/", topic_views.topic_index, name="topic_index"),
    path("themen/<slug:slug>/", topic_views.topic_detail, name="topic_detail"),
    path("sitemap.xml", site_sitemap, name="sitemap"),
    path("robots.txt", page_views.robots_txt, name="robots_txt"),
    path("favicon.ico", page_views.favicon),
    path("datenbank/", include("motions_db.urls")),
    # The feature apps' own addresses (one include each) go above this line.
    # Old TYPO3 addresses: each app's own (kopofo.seams.legacy_url_modules), then the kernel's,
    # whose catch-all for TYPO3's detail pages must not take an app's more precise ones.
    *[path("", include(module)) for module in seams.legacy_url_modules()],
    path("", include(legacy_urls)),
]

if settings.SERVE_MEDIA:
    # Image renditions are served by the app only where no web server in front does it (dev,
    # compose); documents and original images never are (see kopofo/images/views.py).
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", image_views.public_media, name="public_media"),
    ]

urlpatterns += [
    # Wagtail serves every other address from the page tree; keep it last.
    path("", include(wagtail_urls)),
]
