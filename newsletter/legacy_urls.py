from django.urls import re_path

from kopofo.legacy_urls import HTML, moved_to

# moved_to answers only once the target exists (the feature issue adds it); until then: 404.
urlpatterns = [
    # Each monthly issue had an address of its own: newsletter-<MMYYYY>-<slug>.
    re_path(
        r"^newsletter/newsletter-(?P<month>[0-9]{2})(?P<year>[0-9]{4})-[-\w]+" + HTML,
        moved_to("/newsletter/"),
    ),
]
