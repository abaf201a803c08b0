"""The Datenbank's staff side: its records and the lists they draw on, under "Datenbank".

Every save and bulk action ends in `services`, which rewrites the search entries once the
change is committed: the admin never writes them itself, and a model's `save()` never does.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from kopofo.topics.models import Topic

from . import services
from .models import Body, Organization, Paper, ParliamentaryGroup

TRUNCATED_NOTICE = _(
    "Nur die ersten 200.000 Zeichen sind durchsuchbar: Text und Anhänge dieses Eintrags sind "
    "länger. Der ganze Text bleibt auf der Seite und in den Anhängen lesbar."
)


class PaperFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Art"), choices=Paper.Kind.choices, empty_label=_("Alle")
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Thema"), field_name="topics", queryset=Topic.objects.all()
    )
    body = django_filters.ModelChoiceFilter(
        label=_("Kommune oder Kreis"), queryset=Body.objects.all(), method="filter_body"
    )
    group = django_filters.ModelChoiceFilter(
        label=_("Fraktion oder Gruppe"),
        queryset=ParliamentaryGroup.objects.select_related("organization"),
    )
    year = django_filters.NumberFilter(label=_("Jahr"), field_name="date", lookup_expr="year")
    date = django_filters.DateFromToRangeFilter(label=_("Datum"), widget=DateRangePickerWidget)
    live = django_filters.BooleanFilter(label=_("Veröffentlicht"))
    outcome = django_filters.ChoiceFilter(
        label=_("Ergebnis"), choices=Paper.Outcome.choices, empty_label=_("Alle")
    )

    class Meta:
        model = Paper
        fields = []

    def filter_body(self, queryset, name, value):
        # A Kreis stands for its towns too: staff look for "everything from Kreis Wesel".
        return queryset.filter(Q(organization__body=value) | Q(organization__body__district=value))


class AttachmentsUploaded:
    """After a save: the new files' text is read in the background, the paper reindexed."""

    def save_instance(self):
        paper = super().save_instance()
        for form in self.form.formsets["attachments"].forms:
            if (
                form.instance.pk
                and "file" in form.changed_data
                and not form.cleaned_data.get("DELETE")
            ):
                services.attachment_uploaded(form.instance.pk)
        services.paper_changed(paper.pk)
        return paper


class PaperCreateView(AttachmentsUploaded, CreateView):
    pass


class PaperEditView(AttachmentsUploaded, EditView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["search_truncated_notice"] = (
            TRUNCATED_NOTICE if self.object.search_truncated else None
        )
        return context


class PaperViewSet(SnippetViewSet):
    model = Paper
    icon = "doc-full"
    menu_label = _("Datenbankeinträge")
    add_view_class = PaperCreateView
    edit_view_class = PaperEditView
    list_display = [
        "title",
        Column("kind", label=_("Art"), accessor="get_kind_display"),
        Column("source", label=_("Quelle")),
        # The date itself ("02.03.2026"), not Wagtail's "vor 9 Monaten": a record's date is a fact.
        Column(
            "date",
            label=_("Datum"),
            accessor=lambda paper: date_format(paper.date, "SHORT_DATE_FORMAT"),
            sort_key="date",
        ),
        BooleanColumn("live", label=_("Veröffentlicht")),
    ]
    filterset_class = PaperFilterSet
    search_fields = ["title", "reference"]
    list_per_page = 50
    ordering = ["-date", "-pk"]
    edit_template_name = "motions_db/admin/paper_edit.html"

    def get_queryset(self, request):
        return Paper.objects.select_related("group__organization")

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("reference")]),
                FieldPanel("slug"),
                FieldPanel("live"),
            ],
            heading=_("Eintrag"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organization"),
                FieldPanel("group"),
                FieldPanel("authors"),
                FieldPanel("outcome"),
                FieldPanel("source_url"),
            ],
            heading=_("Herkunft"),
        ),
        FieldPanel("teaser"),
        FieldPanel("text"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("image"),
        InlinePanel(
            "attachments",
            label=_("Anhänge"),
            panels=[FieldPanel("title"), FieldPanel("file")],
            help_text=_("Nur PDF-Dateien; ihr Text wird ausgelesen und ist dann durchsuchbar."),
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_("Für Importe und alte Links; beim Anlegen von Hand leer lassen.")
                ),
                FieldPanel("external_id"),
                FieldPanel("legacy_slug"),
            ],
            heading=_("Import"),
        ),
    ]


class BodyViewSet(SnippetViewSet):
    model = Body
    icon = "site"
    menu_label = _("Kommunen und Kreise")
    list_display = [
        "name",
        Column("kind", label=_("Art"), accessor="get_kind_display"),
        Column("district", label=_("Kreis")),
        Column(
            "administrative_region",
            label=_("Regierungsbezirk"),
            accessor="get_administrative_region_display",
        ),
        BooleanColumn("ruhr_area", label=_("Ruhrgebiet")),
    ]
    list_filter = ["kind", "administrative_region", "ruhr_area", "district"]
    search_fields = ["name"]
    list_per_page = 50

    def get_queryset(self, request):
        return Body.objects.select_related("district")


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    menu_label = _("Gremien")
    list_display = [
        "name",
        Column("kind", label=_("Art"), accessor="get_kind_display"),
        Column("body", label=_("Kommune oder Kreis")),
    ]
    list_filter = ["kind", "body"]
    search_fields = ["name", "body__name"]
    list_per_page = 50

    def get_queryset(self, request):
        return Organization.objects.select_related("body")


class ParliamentaryGroupViewSet(SnippetViewSet):
    model = ParliamentaryGroup
    icon = "user"
    menu_label = _("Fraktionen und Gruppen")
    list_display = [
        Column("source_line", label=_("Fraktion oder Gruppe")),
        Column("organization", label=_("Gremium")),
    ]
    list_filter = ["kind", "organization__body"]
    search_fields = ["name", "organization__name"]
    list_per_page = 50

    def get_queryset(self, request):
        return ParliamentaryGroup.objects.select_related("organization")


class DatabaseViewSets(SnippetViewSetGroup):
    items = (PaperViewSet, BodyViewSet, OrganizationViewSet, ParliamentaryGroupViewSet)
    menu_icon = "table"
    menu_label = _("Datenbank")
    menu_name = "datenbank"
    menu_order = 320


register_snippet(DatabaseViewSets)


class PublishingBulkAction(SnippetBulkAction):
    """Publish or unpublish the chosen records; their search entries follow on commit."""

    models = [Paper]
    template_name = "motions_db/admin/confirm_bulk_publishing.html"
    publish: bool
    #: "%(count)d Eintrag …" and "%(count)d Einträge …", as ngettext takes them.
    done_messages: tuple[str, str]

    def check_perm(self, paper):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", paper
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "publish": self.publish}

    @classmethod
    def execute_action(cls, objects, **kwargs):
        changed = services.set_published([paper.pk for paper in objects], cls.publish)
        return changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        singular, plural = self.done_messages
        return ngettext(singular, plural, num_parent_objects) % {"count": num_parent_objects}


@hooks.register("register_bulk_action")
class PublishBulkAction(PublishingBulkAction):
    display_name = _("Veröffentlichen")
    action_type = "publish"
    aria_label = _("Ausgewählte Einträge veröffentlichen")
    action_priority = 10
    publish = True
    done_messages = ("%(count)d Eintrag veröffentlicht.", "%(count)d Einträge veröffentlicht.")


@hooks.register("register_bulk_action")
class UnpublishBulkAction(PublishingBulkAction):
    display_name = _("Nicht mehr veröffentlichen")
    action_type = "unpublish"
    aria_label = _("Ausgewählte Einträge nicht mehr veröffentlichen")
    action_priority = 20
    publish = False
    done_messages = (
        "%(count)d Eintrag nicht mehr veröffentlicht.",
        "%(count)d Einträge nicht mehr veröffentlicht.",
    )
