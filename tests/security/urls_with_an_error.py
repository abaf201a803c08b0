"""The site's addresses plus one that always fails, to see the 500 page as a browser does."""

from django.urls import include, path


def broken(request):
    raise RuntimeError("a bug, on purpose")


urlpatterns = [path("kaputt/", broken), path("", include("kopofo.urls"))]
