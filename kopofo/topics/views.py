from django.shortcuts import get_object_or_404, render

from .models import Topic
from .sections import sections_on


def topic_index(request):
    return render(request, "topics/topic_index.html", {"topics": Topic.objects.all()})


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    return render(
        request, "topics/topic_detail.html", {"topic": topic, "sections": sections_on(topic)}
    )
