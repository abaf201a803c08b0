"""What the dashboard shows every member of staff before anything else: where to start writing,
and their own drafts, so an item put aside (or left behind by autosave) is found again."""

from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from kopofo.pages.models import NewsIndexPage, NewsPage

DRAFTS_SHOWN = 10


def own_drafts(user):
    """Pages the user started or last changed whose latest changes are not published yet."""
    return (
        Page.objects.filter(has_unpublished_changes=True)
        .filter(Q(owner=user) | Q(latest_revision__user=user))
        .specific()
        .prefetch_workflow_states()
        .annotate_approved_schedule()
        .order_by("-latest_revision_created_at")
    )


class WriteNewsPanel(Component):
    name = "kopofo_write"
    template_name = "admin_ui/write_panel.html"
    order = 10

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        news_index = NewsIndexPage.objects.first()
        can_add = news_index is not None and news_index.permissions_for_user(user).can_add_subpage()
        return {
            "add_news_url": reverse(
                "wagtailadmin_pages:add",
                args=(NewsPage._meta.app_label, NewsPage._meta.model_name, news_index.pk),
            )
            if can_add
            else None,
            "news_index": news_index,
        }

    def render_html(self, parent_context=None):
        # No news list yet, or no right to add to it: no panel rather than a dead button.
        context = self.get_context_data(parent_context)
        if not context["add_news_url"]:
            return ""
        return render_to_string(self.template_name, context)


class OwnDraftsPanel(Component):
    name = "kopofo_own_drafts"
    template_name = "admin_ui/own_drafts_panel.html"
    order = 20

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {"drafts": list(own_drafts(request.user)[:DRAFTS_SHOWN]), "request": request}
