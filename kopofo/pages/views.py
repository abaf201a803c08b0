from datetime import date
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from wagtail.images import get_image_model

from kopofo.public_forms import PublicFormMixin
from kopofo.seams import search_providers
from kopofo.topics.models import Topic

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


class StyleguideForm(PublicFormMixin, forms.Form):
    """The fields every public form is made of, to show them with and without errors."""

    name = forms.CharField(
        label="Name", max_length=200, widget=forms.TextInput({"autocomplete": "name"})
    )
    email = forms.EmailField(
        label="E-Mail",
        help_text="Wir antworten an diese Adresse.",
        widget=forms.EmailInput({"autocomplete": "email"}),
    )
    message = forms.CharField(label="Nachricht", widget=forms.Textarea)
    consent = forms.BooleanField(label="Ich bin mit der Speicherung meiner Angaben einverstanden.")


def styleguide(request):
    """The pattern page: every shared component, rendered, with the include that renders it.

    Not linked and not indexed (noindex here, Disallow in robots.txt): it is for staff and
    developers, and shows sample content only.
    """
    sample_date = date(2026, 11, 20)
    topics = list(Topic.objects.all()[:3]) or [
        {"name": "Integration", "get_absolute_url": reverse("topic_index")},
        {"name": "Haushalt und Finanzen", "get_absolute_url": reverse("topic_index")},
    ]
    context = {
        "sample_date": sample_date,
        "sample_image": get_image_model().objects.order_by("pk").first(),
        "sample_topics": topics,
        "invalid_form": StyleguideForm({"fehler-email": "keine-adresse"}, prefix="fehler"),
        "empty_form": StyleguideForm(prefix="leer"),
        "sample_page": Paginator(range(40), 10).get_page(2),
    }
    context["invalid_form"].is_valid()
    response = render(request, "styleguide.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
