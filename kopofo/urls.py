from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from kopofo import legacy_urls
from kopofo.pages import views as page_views
from kopofo.topics import views as topic_views
from kopofo.topics.sitemaps import TopicSitemap

urlpatterns = [
    path(settings.WAGTAILADMIN_PATH.strip("/") + "/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("suche/", page_views.search, name="search"),
    path("themen/", topic_views.topic_index, name="topic_index"),
    path("themen/<slug:slug>/", topic_views.topic_detail, name="topic_detail"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": WagtailSitemap, "topics": TopicSitemap}},
        name="sitemap",
    ),
    path("robots.txt", page_views.robots_txt, name="robots_txt"),
    path("favicon.ico", page_views.favicon),
    path("", include(legacy_urls)),
]

if settings.SERVE_MEDIA:
    # Uploads are served by the app only where no web server in front does it (dev, compose).
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [
    # Wagtail serves every other address from the page tree; keep it last.
    path("", include(wagtail_urls)),
]
