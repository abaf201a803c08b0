"""The site's addresses plus two that fail, for the tests of the operators' error mail."""

from django.urls import path

from kopofo.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("kaputt")


def broken_elsewhere(request):
    raise LookupError("anders kaputt")


urlpatterns = [
    path("kaputt/", broken),
    path("anders-kaputt/", broken_elsewhere),
    *site_urlpatterns,
]
