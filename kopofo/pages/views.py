from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import cache_control

from kopofo.seams import search_providers

from .search import clean_query

RESULTS_PER_PAGE = 10
RESULTS_PER_GROUP = 5


class SearchGroup:
    """One kind's results for the overview: how many, the best few, and where to see all."""

    def __init__(self, provider, query, request):
        # The paginator counts a QuerySet, Wagtail's search results and a plain list alike.
        best = Paginator(provider.search(query), RESULTS_PER_GROUP).get_page(1)
        self.provider = provider
        self.count = best.paginator.count
        self.hits = [provider.hit(result, request) for result in best]
        self.results_url = provider.results_url(query)


def search(request):
    """Ask every app's search provider; show a group per kind, or one kind's full list."""
    query = clean_query(request.GET.get("q", ""))
    providers = {provider.key: provider for provider in (cls() for cls in search_providers)}
    scope = providers.get(request.GET.get("bereich", ""))
    context = {"query": query, "scope": scope, "groups": None, "results": None}
    if query and scope:
        results = Paginator(scope.search(query), RESULTS_PER_PAGE).get_page(
            request.GET.get("seite")
        )
        context["results"] = results
        context["hits"] = [scope.hit(result, request) for result in results]
        context["extra_query"] = "&" + urlencode({"q": query, "bereich": scope.key})
    elif query:
        groups = [SearchGroup(provider, query, request) for provider in providers.values()]
        context["groups"] = [group for group in groups if group.count]
        context["total"] = sum(group.count for group in groups)
    return render(request, "pages/search.html", context)


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
