from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from .finder import RESULTS_PER_PAGE, Filters, Search, names, suggestion
from .forms import KIND_PLURALS, KIND_SEGMENTS, SearchForm
from .models import Attachment, Paper, choice_label
from .query import Query

#: How many related records the record page lists.
RELATED_PAPERS = 5

#: Facet values shown at once; the rest fold away behind "alle zeigen".
FACET_VALUES_SHOWN = 8


@dataclass
class FacetLink:
    label: str
    count: int
    url: str
    selected: bool

    @property
    def count_label(self):
        """ "1.234": German thousands, without a template filter per link."""
        return f"{self.count:,}".replace(",", ".")


@dataclass
class Facet:
    name: str
    heading: str
    links: list
    #: Where the facet's chosen value is taken off again (None when none is chosen).
    clear_url: str | None

    @property
    def shown(self):
        return self.links[:FACET_VALUES_SHOWN]

    @property
    def folded(self):
        return self.links[FACET_VALUES_SHOWN:]


def search(request, kind=None):
    """/datenbank/ and one address per main kind: search, facets, pages, all in the address."""
    facet_names = names(request)
    form = SearchForm(request.GET, kind=kind, names=facet_names)
    state = form.state()
    found = Search(state.query, state.filters, by_date=state.by_date, request=request)
    page = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("seite"))
    results = found.results
    context = {
        "form": form,
        "state": state,
        "page_of_hits": page,
        "hits": page.object_list,
        "total": results.total,
        "ranked_exactly": results.ranked_exactly,
        "facets": _facets(results, state, facet_names),
        "kind_page": kind,
        "kind_heading": KIND_PLURALS.get(kind),
        "kind_links": [
            (KIND_PLURALS[each], state.url(art=each), each == kind) for each in KIND_SEGMENTS
        ],
        "suggestion": None,
        "extra_query": state.page_query(),
    }
    if state.query and results.total == 0:
        better = suggestion(state.query)
        if better:
            context["suggestion"] = (str(better), state.url(q=str(better)))
    if results.total == 0:
        context["suggested_topics"] = _most_used_topics(request, facet_names)
    return render(request, "motions_db/search.html", context)


def _most_used_topics(request, facet_names, count=8):
    """The Themen with the most records: where to start when a search found nothing."""
    everything = Search(Query(), Filters(), request=request).results
    by_use = sorted(everything.facets.get("topic", {}).items(), key=lambda item: -item[1])
    return [
        (
            facet_names.topics[int(pk)][1],
            f"{reverse('motions_db:search')}?thema={facet_names.topics[int(pk)][0]}",
        )
        for pk, _count in by_use[:count]
        if int(pk) in facet_names.topics
    ]


def _facets(results, state, facet_names):
    chosen = state.applied

    def facet(name, heading, values):
        values = list(values)
        urls = state.urls_with(name, [value for value, _label, _count in values])
        links = [
            FacetLink(label, count, url, str(chosen.get(name)) == value)
            for (value, label, count), url in zip(values, urls, strict=True)
        ]
        clear = state.url(**{name: ""}) if chosen.get(name) else None
        return Facet(name, heading, links, clear)

    counts = results.facets

    def by_count(rows):
        return sorted(rows, key=lambda row: (-row[2], row[1]))

    def body_rows(facet_key, *, districts):
        for pk, count in counts.get(facet_key, {}).items():
            body = facet_names.bodies.get(int(pk))
            if body and (int(pk) in facet_names.districts) == districts:
                yield body[0], body[1], count

    return [
        facet(
            "art",
            "Art",
            by_count(
                (k, choice_label(Paper.Kind, k), n) for k, n in counts.get("kind", {}).items()
            ),
        ),
        facet(
            "thema",
            "Thema",
            by_count(
                (facet_names.topics[int(pk)][0], facet_names.topics[int(pk)][1], n)
                for pk, n in counts.get("topic", {}).items()
                if int(pk) in facet_names.topics
            ),
        ),
        facet(
            "kreis", "Kreis oder kreisfreie Stadt", by_count(body_rows("district", districts=True))
        ),
        # A Kreis and a kreisfreie Stadt stand above already; here the towns of a Kreis.
        facet(
            "kommune",
            "Stadt oder Gemeinde im Kreis",
            by_count(body_rows("body", districts=False)),
        ),
        facet(
            "fraktion",
            "Fraktion oder Gruppe",
            by_count((name, name, n) for name, n in counts.get("group", {}).items()),
        ),
        facet(
            "jahr",
            "Jahr",
            sorted(((y, y, n) for y, n in counts.get("year", {}).items()), reverse=True),
        ),
    ]


def paper(request, pk, slug=None):
    """A record's page; its address without or with an outdated slug redirects to the current."""
    paper = get_object_or_404(
        Paper.objects.published().with_source().prefetch_related("attachments"), pk=pk
    )
    if slug != paper.slug:
        return redirect(paper, permanent=True)
    topics = list(paper.topics.all())
    related = Paper.objects.related_to(paper, topic_ids=[topic.pk for topic in topics])
    return render(
        request,
        "motions_db/paper.html",
        {"paper": paper, "paper_topics": topics, "related": related[:RELATED_PAPERS]},
    )


def attachment(request, pk, attachment_pk):
    """An attachment's PDF, only while its paper is published.

    A streamed answer never enters the page cache (kopofo.caching), so a PDF neither fills it
    nor outlives its paper's unpublishing there.
    """
    attachment = get_object_or_404(
        Attachment.objects.filter(paper__live=True), pk=attachment_pk, paper_id=pk
    )
    try:
        file = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        file, as_attachment=True, filename=attachment.download_name, content_type="application/pdf"
    )
