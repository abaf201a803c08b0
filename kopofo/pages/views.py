from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from wagtail.models import Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Search every live, public page; each page type declares its own search fields."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        matches = Page.objects.live().public().specific().search(query)
        results = Paginator(matches, RESULTS_PER_PAGE).get_page(request.GET.get("seite"))
    return render(
        request,
        "pages/search.html",
        {"query": query, "results": results, "extra_query": "&" + urlencode({"q": query})},
    )


@cache_control(max_age=3600, public=True)
def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {"admin_path": settings.WAGTAILADMIN_PATH},
        content_type="text/plain; charset=utf-8",
    )


def favicon(request):
    return redirect(static("img/favicon.svg"), permanent=True)
