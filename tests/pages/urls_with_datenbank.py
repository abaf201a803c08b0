"""The site's addresses plus a stand-in for the Datenbank's list, for the legacy-address tests."""

from django.http import HttpResponse
from django.urls import include, path

datenbank_patterns = (
    [path("datenbank/", lambda request: HttpResponse(), name="index")],
    "motions_db",
)

urlpatterns = [path("", include(datenbank_patterns)), path("", include("kopofo.urls"))]
