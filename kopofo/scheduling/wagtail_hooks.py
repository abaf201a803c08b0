"""The office's window on the background queue: which tasks wait, and which failed and why.

Read-only on purpose: a task result is a record of what the worker did. Retrying or deleting one
is a decision for whoever runs the server, not a button in the admin. A task's arguments are ids
(kopofo.scheduling.background_task), so nothing here shows a mail's addresses or text.
"""

import django_filters
from django import forms
from django.contrib.auth import get_permission_codename
from django.tasks import TaskResultStatus
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

TITLE = _("Hintergrundaufgaben")

STATUS_LABELS = {
    TaskResultStatus.READY: _("Wartend"),
    TaskResultStatus.RUNNING: _("Läuft"),
    TaskResultStatus.FAILED: _("Fehlgeschlagen"),
    TaskResultStatus.SUCCESSFUL: _("Erfolgreich"),
}

# django-tasks-db names its fields in English, partly translated; staff read German.
FIELD_LABELS = {
    "task_name": _("Aufgabe"),
    "status": _("Status"),
    "enqueued_at": _("Eingereiht"),
    "started_at": _("Gestartet"),
    "finished_at": _("Beendet"),
    "run_after": _("Nicht vor"),
    "args_kwargs": _("Argumente"),
    "queue_name": _("Warteschlange"),
    "worker_ids": _("Worker"),
    "attempts": _("Versuche"),
    "return_value": _("Ergebnis"),
    "exception_class_path": _("Fehler"),
    "traceback": _("Fehlerverlauf"),
}
FAILURE_FIELDS = ["exception_class_path", "traceback"]

# What the office reads instead of a function's name; a task not named here shows that name.
TASK_LABELS = {
    "kopofo.scheduling.tasks.publish_scheduled_pages": _("Geplante Seiten veröffentlichen"),
    "kopofo.mail.tasks.deliver_mail": _("E-Mail versenden"),
    "kopofo.mail.tasks.purge_outgoing_mail": _("Alte Einträge des E-Mail-Ausgangs löschen"),
    "kopofo.contact.tasks.purge_contact_submissions": _("Alte Kontaktanfragen löschen"),
    "kopofo.accounts.tasks.purge_expired_login_failures": _(
        "Abgelaufene Fehlversuche beim Anmelden löschen"
    ),
    "kopofo.scheduling.tasks.requeue_tasks_of_dead_workers": _(
        "Aufgaben ausgefallener Worker neu einreihen"
    ),
    "kopofo.scheduling.tasks.purge_finished_task_results": _("Alte Aufgabenprotokolle löschen"),
}


def task_label(result):
    return TASK_LABELS.get(result.task_path, result.task_name)


def periodic_task_paths():
    # Bridge for the scheduling rework, which replaces jobs.JOBS by registry.periodic_jobs():
    # once both have met on main, keep only the registry.
    try:
        from .registry import periodic_jobs
    except ImportError:
        from .jobs import JOBS

        return [job.task.module_path for job in JOBS]
    return [job.task.module_path for job in periodic_jobs()]


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only "view" can ever be granted, so not even a superuser gets add, edit or delete."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a == "view"])


# Registered at import, before any view asks the registry and gets the fallback policy.
register_permission_policy(DBTaskResult, ViewOnlyPermissionPolicy(DBTaskResult))


class TaskResultFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=list(STATUS_LABELS.items()),
        empty_label=_("Alle außer erfolgreichen Routineläufen"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = DBTaskResult
        fields = ["status"]


class TaskResultIndexView(IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.request.GET.get("status"):
            return queryset
        # Scheduled publishing alone succeeds 1,440 times a day and would bury the one failure;
        # the status filter "Erfolgreich" still shows them.
        return queryset.exclude(
            status=TaskResultStatus.SUCCESSFUL, task_path__in=periodic_task_paths()
        )


class TaskResultInspectView(InspectView):
    def get_page_subtitle(self):
        return task_label(self.object)

    def get_task_name_display_value(self):
        return task_label(self.object)

    def get_fields_context(self):
        # Wagtail picks the fields before it loads the object, so they are dropped here. A task
        # waiting for its next attempt shows why the last one failed.
        if not self.object.traceback:
            self.fields = [name for name in self.fields if name not in FAILURE_FIELDS]
        return super().get_fields_context()

    def get_field_label(self, field_name, field):
        return FIELD_LABELS[field_name]

    def get_status_display_value(self):
        return STATUS_LABELS[self.object.status]

    def get_run_after_display_value(self):
        # The backend stores "as soon as possible" as the year 9999.
        if self.object.run_after == get_date_max():
            return _("sofort")
        return self.object.run_after

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if value is None or value == []:
            return "–"
        if isinstance(value, list):
            return ", ".join(map(str, value))
        return value

    def get_args_kwargs_display_value(self):
        args_kwargs = self.object.args_kwargs
        arguments = [repr(arg) for arg in args_kwargs["args"]] + [
            f"{name}={value!r}" for name, value in args_kwargs["kwargs"].items()
        ]
        return ", ".join(arguments) or "–"

    def get_attempts_display_value(self):
        return len(self.object.worker_ids)

    def get_traceback_display_value(self):
        return format_html("<pre>{}</pre>", self.object.traceback)


class TaskResultViewSet(ModelViewSet):
    model = DBTaskResult
    name = "hintergrundaufgaben"
    icon = "tasks"
    menu_label = TITLE
    add_to_settings_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = TaskResultInspectView
    index_view_class = TaskResultIndexView
    inspect_view_fields = [
        "task_name",
        "status",
        "enqueued_at",
        "run_after",
        "started_at",
        "finished_at",
        "args_kwargs",
        "queue_name",
        "worker_ids",
        "attempts",
        "return_value",
        *FAILURE_FIELDS,
    ]
    filterset_class = TaskResultFilterSet
    ordering = "-enqueued_at"
    list_per_page = 50

    @property
    def list_display(self):
        return [
            TitleColumn(
                "task_name",
                label=FIELD_LABELS["task_name"],
                accessor=task_label,
                url_name=self.get_url_name("inspect"),
                sort_key="task_path",
            ),
            StatusTagColumn(
                "status",
                label=FIELD_LABELS["status"],
                accessor=lambda result: STATUS_LABELS[result.status],
                primary=lambda result: result.status == TaskResultStatus.FAILED,
                sort_key="status",
            ),
            DateColumn("enqueued_at", label=FIELD_LABELS["enqueued_at"], sort_key="enqueued_at"),
            DateColumn("finished_at", label=FIELD_LABELS["finished_at"], sort_key="finished_at"),
        ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            page_title=TITLE,
            **kwargs,
        )

    def get_common_view_kwargs(self, **kwargs):
        # Only the listing and the inspect view exist; no view may link to the others.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<uuid:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_permissions_to_register(self):
        # The group editor should offer only what the policy can grant.
        return (
            super()
            .get_permissions_to_register()
            .filter(codename=get_permission_codename("view", self.model_opts))
        )


@hooks.register("register_admin_viewset")
def register_task_result_viewset():
    return TaskResultViewSet()
