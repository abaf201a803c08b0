from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CoOrganiser, EventCategory, EventSeries


class EventCategoryViewSet(SnippetViewSet):
    model = EventCategory
    icon = "folder-open-1"
    menu_label = "Veranstaltungsarten"
    list_display = ["name", "code", "slug"]
    search_fields = ["name"]


class CoOrganiserViewSet(SnippetViewSet):
    model = CoOrganiser
    icon = "group"
    menu_label = "Kooperationspartner*innen"
    list_display = ["name", "url"]
    search_fields = ["name"]


class EventSeriesViewSet(SnippetViewSet):
    model = EventSeries
    icon = "list-ul"
    menu_label = "Veranstaltungsreihen"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class EventSnippets(SnippetViewSetGroup):
    """The events' lists in one menu entry; the events themselves are pages."""

    items = (EventCategoryViewSet, EventSeriesViewSet, CoOrganiserViewSet)
    menu_icon = "date"
    menu_label = "Veranstaltungen"
    menu_name = "veranstaltungen"
    menu_order = 310


register_snippet(EventSnippets)
