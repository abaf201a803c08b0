from django import template
from django.apps import apps
from wagtail.models import Page, Site

from kopofo.site_url import absolute as absolute_url

register = template.Library()


@register.filter
def absolute(url):
    """A path or address as the absolute address at the configured origin (SITE_URL)."""
    return absolute_url(url) if url else ""


# Slugs of the legal pages the footer links to, in the order shown.
FOOTER_PAGE_SLUGS = ["kontakt", "impressum", "datenschutz", "barrierefreiheit"]


def _site_root(context):
    site = Site.find_for_request(context["request"]) if "request" in context else None
    return site.root_page if site else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    root = _site_root(context)
    items = root.get_children().live().public().in_menu() if root else Page.objects.none()
    current = context.get("page")
    return {
        "request": context.get("request"),
        "items": items,
        "current_path": current.url_path if current else "",
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    # depth 1 is Wagtail's root, depth 2 the home page, which the trail starts with.
    ancestors = Page.objects.ancestor_of(page, inclusive=False).filter(depth__gte=2).live()
    return {"ancestors": ancestors, "page": page}


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    root = _site_root(context)
    pages = {}
    if root:
        for page in (
            Page.objects.descendant_of(root).live().public().filter(slug__in=FOOTER_PAGE_SLUGS)
        ):
            pages.setdefault(page.slug, page)
    return {"links": [pages[slug] for slug in FOOTER_PAGE_SLUGS if slug in pages]}


@register.simple_tag(takes_context=True)
def page_of_type(context, model_label):
    """The site's first live, public page of a type such as "pages.NewsIndexPage", or None.

    Links to such a page follow it when an editor renames or moves it, and a template leaves the
    link out when the page is missing or unpublished instead of showing one that 404s. The answer
    is kept on the request: base.html and the page itself may ask for the same type.
    """
    request = context.get("request")
    found = getattr(request, "_pages_of_type", {}) if request else {}
    if model_label not in found:
        try:
            model = apps.get_model(model_label)
        except LookupError:  # the app that defines it is not installed
            found[model_label] = None
        else:
            pages = model.objects.live().public()
            site = Site.find_for_request(request) if request else None
            found[model_label] = (pages.in_site(site) if site else pages).first()
        if request:
            request._pages_of_type = found
    return found[model_label]
