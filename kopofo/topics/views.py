from django.shortcuts import get_object_or_404, render

from .models import Topic
from .sections import sections_on


def topic_index(request):
    return render(request, "topics/topic_index.html", {"topics": Topic.objects.in_use()})


def topic_detail(request, slug):
    # A topic nothing public is tagged with yet is not shown to visitors: it would be empty.
    topic = get_object_or_404(Topic.objects.in_use(), slug=slug)
    return render(
        request, "topics/topic_detail.html", {"topic": topic, "sections": sections_on(topic)}
    )
