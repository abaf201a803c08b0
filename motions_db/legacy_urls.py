from django.urls import re_path

from kopofo.legacy_urls import moved_to

# moved_to answers only once the target exists (the feature issue adds it); until then: 404.
urlpatterns = [
    re_path(r"^kommunalpolitische-datenbank(?:/.*)?$", moved_to("/datenbank/")),
]
