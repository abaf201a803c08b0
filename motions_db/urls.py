from django.urls import path

from . import views
from .forms import KIND_SEGMENTS

app_name = "motions_db"

urlpatterns = [
    path("", views.search, name="search"),
    # Each main kind has its own address: the same search, narrowed to that kind.
    *[
        path(f"{segment}/", views.search, {"kind": kind}, name=f"search_{kind}")
        for kind, segment in KIND_SEGMENTS.items()
    ],
    path("<int:pk>/", views.paper, name="paper_short"),
    path("<int:pk>/<slug:slug>/", views.paper, name="paper"),
    path("<int:pk>/anhang/<int:attachment_pk>/", views.attachment, name="attachment"),
]
