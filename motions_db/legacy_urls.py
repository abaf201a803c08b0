from django.urls import re_path

from kopofo.legacy_urls import moved_to

urlpatterns = [
    re_path(r"^kommunalpolitische-datenbank(?:/.*)?$", moved_to("/datenbank/")),
]
