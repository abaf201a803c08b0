"""The site's addresses plus /bench/bare/, the framework's ceiling for bench/load.py."""

from django.http import HttpResponse
from django.urls import path

from bench import BARE_PATH
from kopofo.urls import urlpatterns as site_urlpatterns


def bare(request):
    """A constant answer through the site's whole middleware stack: what Django costs alone."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path(BARE_PATH.strip("/") + "/", bare), *site_urlpatterns]
