from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from kopofo.pages.models import NewsPage

from .models import Topic


def topic_index(request):
    return render(request, "topics/topic_index.html", {"topics": Topic.objects.all()})


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    # News for now; events, Datenbank entries and publications join this list with their apps.
    items = NewsPage.objects.live().public().on_topic(topic).newest_first().for_teasers()
    page = Paginator(items, 20).get_page(request.GET.get("seite"))
    return render(request, "topics/topic_detail.html", {"topic": topic, "items": page})
