from django.urls import re_path

from kopofo.legacy_urls import moved_to

urlpatterns = [
    re_path(r"^veranstaltungen/veranstaltungsprogramm(?:/.*)?$", moved_to("/veranstaltungen/")),
]
