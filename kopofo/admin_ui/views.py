"""The office's handbook (docs/handbuch.md) as a page of the admin, one click from every screen."""

from django.conf import settings
from django.utils.safestring import mark_safe
from django.views.generic import TemplateView
from markdown_it import MarkdownIt
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

HANDBOOK = settings.BASE_DIR / "docs" / "handbuch.md"


def render_handbook(text):
    """The handbook's title and its body as HTML.

    CommonMark with tables, and without raw HTML: markdown-it escapes any tag in the file and
    refuses `javascript:` links, so what a contributor writes there can never run in the admin.
    """
    markdown = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = markdown.parse(text)
    title = ""
    # The file's "# Handbuch ..." becomes the admin page's own heading, not a second h1.
    if len(tokens) >= 3 and tokens[0].type == "heading_open" and tokens[0].tag == "h1":
        title, tokens = tokens[1].content, tokens[3:]
    body = markdown.renderer.render(tokens, markdown.options, {})
    return title, mark_safe(body)


class HandbookView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "admin_ui/handbook.html"
    header_icon = "help"

    def get(self, request, *args, **kwargs):
        # Read on every request: a corrected handbook shows without a restart.
        self.title, self.body = render_handbook(HANDBOOK.read_text(encoding="utf-8"))
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return self.title or "Handbuch"

    def get_breadcrumbs_items(self):
        # None: Wagtail's full header then shows the title as the page's visible h1.
        return []

    def get_context_data(self, **kwargs):
        return super().get_context_data(body=self.body, **kwargs)
