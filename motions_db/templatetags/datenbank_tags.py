from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

_CHOSEN = (
    '<li><strong class="db-facet__selected">{} <span class="db-facet__count">({})</span></strong>'
    "</li>"
)
_LINK = '<li><a href="{}">{} <span class="db-facet__count">({})</span></a></li>'


@register.simple_tag
def facet_values(links):
    """A facet's values: links that narrow the search, the chosen one in bold.

    A tag, not an include: a search shows up to a few hundred of these links, and the template
    loop over them took a quarter of the page's time (bench/datenbank_search.py).
    """
    items = format_html_join(
        "",
        "{}",
        (
            (
                format_html(_CHOSEN, link.label, link.count_label)
                if link.selected
                else format_html(_LINK, link.url, link.label, link.count_label),
            )
            for link in links
        ),
    )
    return format_html('<ul class="db-facet__values">{}</ul>', items)
