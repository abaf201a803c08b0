from dataclasses import dataclass

from django import template
from django.apps import apps
from django.urls import reverse
from wagtail.models import Page, Site

from kopofo.caching.services import per_generation
from kopofo.pages.models import NewsIndexPage, first_page_of_type, site_pages
from kopofo.site_url import absolute as absolute_url
from kopofo.topics.models import Topic

register = template.Library()


@register.filter
def absolute(url):
    """A path or address as the absolute address at the configured origin (SITE_URL)."""
    return absolute_url(url) if url else ""


# Slugs of the legal pages the footer links to, in the order shown (Kontakt is a panel of its own).
FOOTER_PAGE_SLUGS = ["impressum", "datenschutz", "barrierefreiheit"]


def _site_root(context):
    site = Site.find_for_request(context["request"]) if "request" in context else None
    return site.root_page if site else None


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    #: aria-current: "page" for the page itself, "true" for a section the page lies in.
    current: str = ""


def _current(is_page, is_inside):
    return "page" if is_page else "true" if is_inside else ""


def _menu_pages(root):
    """The home page's children shown in menus, and whether the Themen have a place yet."""
    pages = list(site_pages().child_of(root).live().public().in_menu())
    return pages, Topic.objects.in_use().exists()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children that are shown in menus, and the Themen after Aktuelles."""
    request = context.get("request")
    root = _site_root(context)
    if root is None:
        return {"entries": []}
    pages, with_topics = per_generation(request, ("main_menu", root.pk), lambda: _menu_pages(root))
    page = context.get("page")
    here = page.url_path if page else ""
    entries = [
        Link(
            item.title,
            item.get_url(request),
            _current(item.url_path == here, bool(here) and here.startswith(item.url_path)),
        )
        for item in pages
    ]
    # The Themen are a view, not a page; they get their place once one has something to show.
    if with_topics:
        topics_url = reverse("topic_index")
        path = request.path if request else ""
        themen = Link(
            "Themen", topics_url, _current(path == topics_url, path.startswith(topics_url))
        )
        after = next(
            (n for n, item in enumerate(pages) if issubclass(item.specific_class, NewsIndexPage)),
            None,
        )
        entries.insert(len(entries) if after is None else after + 1, themen)
    return {"entries": entries}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, current=None, parent_title=None, parent_url=None):
    """The trail from the home page: a page's ancestors, or for a view (search, Themen) its
    `current` title below an optional parent."""
    request = context.get("request")
    page = context.get("page")
    if current is None:
        if page is None or page.depth <= 2:
            return {"crumbs": []}
        # depth 1 is Wagtail's root, depth 2 the home page, which the trail starts with.
        ancestors = Page.objects.ancestor_of(page, inclusive=False).filter(depth__gte=2).live()
        crumbs = [
            Link("Startseite" if ancestor.depth == 2 else ancestor.title, ancestor.get_url(request))
            for ancestor in ancestors
        ]
        return {"crumbs": crumbs, "current": page.title}
    root = _site_root(context)
    if root is None:
        return {"crumbs": []}
    crumbs = [Link("Startseite", root.get_url(request))]
    if parent_title:
        crumbs.append(Link(parent_title, parent_url))
    return {"crumbs": crumbs, "current": current}


def _footer_pages(root):
    pages = {}
    for page in site_pages().descendant_of(root).live().public().filter(slug__in=FOOTER_PAGE_SLUGS):
        pages.setdefault(page.slug, page)
    return [pages[slug] for slug in FOOTER_PAGE_SLUGS if slug in pages]


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    root = _site_root(context)
    if root is None:
        return {"links": []}
    request = context.get("request")
    links = per_generation(request, ("footer_links", root.pk), lambda: _footer_pages(root))
    return {"links": links}


@register.simple_tag(takes_context=True)
def page_of_type(context, model_label):
    """The site's first live, public page of a type such as "pages.NewsIndexPage", or None.

    Links to such a page follow it when an editor renames or moves it, and a template leaves the
    link out when the page is missing or unpublished instead of showing one that 404s.
    """
    try:
        model = apps.get_model(model_label)
    except LookupError:  # the app that defines it is not installed
        return None
    return first_page_of_type(context.get("request"), model)


@register.simple_tag(takes_context=True)
def first_on_page(context, name):
    """True the first time a template asks for `name` while rendering this request's page.

    The postal address may sit in a home-page box, beside the contact form and in the footer;
    the page says it once, where it comes first, and the later places link to it instead.
    """
    request = context.get("request")
    if request is None:
        return True
    shown = request.__dict__.setdefault("_shown_on_page", set())
    if name in shown:
        return False
    shown.add(name)
    return True
