from django.shortcuts import get_object_or_404, redirect, render

from .models import Paper

#: The kinds with their own address under /datenbank/ (the others are a facet away).
KIND_SEGMENTS = {
    Paper.Kind.INQUIRY: "anfragen",
    Paper.Kind.MOTION: "antraege",
    Paper.Kind.PRESS_RELEASE: "pressemitteilungen",
}


def search(request, kind=None):
    """/datenbank/: the Datenbank's own search (built in motions_db.finder)."""
    return render(request, "motions_db/search.html", {"kind": kind})


def paper(request, pk, slug=None):
    """A record's page; its address without or with an outdated slug redirects to the current."""
    paper = get_object_or_404(Paper.objects.published().with_source(), pk=pk)
    if slug != paper.slug:
        return redirect(paper, permanent=True)
    return render(request, "motions_db/paper.html", {"paper": paper})
