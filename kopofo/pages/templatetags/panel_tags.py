from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from wagtail.models import Site

from kopofo.pages.models import PanelSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, place):
    """Render the boxes staff chose for `place` (home, sidebar, footer), in their order."""
    request = context.get("request")
    if request is None or Site.find_for_request(request) is None:
        return ""
    rendered = []
    # for_request keeps the settings on the request: one query for all three places.
    for panel in PanelSettings.for_request(request).panels_for(place):
        extra = panel.get_context(request) if panel.get_context else {}
        if extra is None:
            continue
        with context.push(panel=panel, place=place, heading_id=f"{place}-{panel.key}", **extra):
            rendered.append(get_template(panel.template).template.render(context))
    return mark_safe("".join(rendered))
