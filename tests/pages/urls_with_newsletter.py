"""The site's addresses plus a stand-in for the newsletter app's sign-up, for the link tests."""

from django.http import HttpResponse
from django.urls import include, path

newsletter_patterns = (
    [path("newsletter/anmelden/", lambda request: HttpResponse(), name="subscribe")],
    "newsletter",
)

urlpatterns = [path("", include(newsletter_patterns)), path("", include("kopofo.urls"))]
