from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def facet_values(links):
    """A facet's values: links that narrow the search, the chosen one in bold.

    A tag, not an include, and plain string joins, not format_html: a search shows up to a few
    hundred of these links, and the template loop over them took a quarter of the page's time
    (bench/datenbank_search.py). Every value is escaped here, with the standard library's
    `html.escape` (the same five characters as Django's `escape`, without its check for lazy
    strings, which cost a millisecond at seven hundred values).
    """
    items = []
    for link in links:
        count = f'<span class="db-facet__count">({escape(link.count_label)})</span>'
        if link.selected:
            items.append(
                f'<li><strong class="db-facet__selected">{escape(link.label)} {count}</strong></li>'
            )
        else:
            items.append(f'<li><a href="{escape(link.url)}">{escape(link.label)} {count}</a></li>')
    return mark_safe(f'<ul class="db-facet__values">{"".join(items)}</ul>')
