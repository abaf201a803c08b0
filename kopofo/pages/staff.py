"""The two staff groups and the moderation workflow between them.

"Redaktion" writes and submits for review; "Geschäftsstelle" approves, publishes and runs the
site (settings, users, redirects, tasks). Run after every migrate, so each database has them.
The kernel grants the page tree and media here; every app declares the rest for its own models.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from kopofo.seams import staff_permissions

EDITORS = "Redaktion"
OFFICE = "Geschäftsstelle"
WORKFLOW_NAME = "Freigabe durch die Geschäftsstelle"

PAGE_PERMISSIONS = {
    EDITORS: ["add", "change"],
    OFFICE: ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
}
MEDIA_PERMISSIONS = {
    EDITORS: [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
    OFFICE: [
        "add_image",
        "change_image",
        "choose_image",
        "delete_image",
        "add_document",
        "change_document",
        "choose_document",
        "delete_document",
    ],
}


@dataclass(frozen=True)
class StaffPermissions:
    """What the two groups may do with one app's models, as "app_label.codename" names.

    Each app registers one in `kopofo.seams.staff_permissions` from its `permissions.py`; after
    every migrate the groups get exactly what all apps declare (plus the page and media
    permissions above), so a permission is granted or withdrawn in code, not in the admin.
    """

    editors: tuple[str, ...] = ()
    office: tuple[str, ...] = ()

    def for_group(self, name):
        return {EDITORS: self.editors, OFFICE: self.office}[name]


def ensure_staff_groups(sender=None, using="default", **kwargs):
    if (
        not global_apps.is_installed("wagtail")
        or not Page.objects.using(using).filter(depth=1).exists()
    ):
        return
    # post_migrate reaches apps in INSTALLED_APPS order; make sure every permission exists first.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)

    with transaction.atomic(using=using):
        root_page = Page.objects.using(using).get(depth=1)
        root_collection = Collection.get_first_root_node()
        groups = {}
        for name in (EDITORS, OFFICE):
            group, _ = Group.objects.using(using).get_or_create(name=name)
            groups[name] = group
            for permission_type in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.using(using).get_or_create(
                    group=group,
                    page=root_page,
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
                    ),
                )
            for codename in MEDIA_PERMISSIONS[name]:
                GroupCollectionPermission.objects.using(using).get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=Permission.objects.get(codename=codename),
                )
            group.permissions.set(
                _permissions(
                    {
                        dotted_name
                        for declaration in staff_permissions
                        for dotted_name in declaration.for_group(name)
                    }
                )
            )

        task, _ = GroupApprovalTask.objects.using(using).get_or_create(
            name=f"Freigabe {OFFICE}", defaults={"active": True}
        )
        task.groups.add(groups[OFFICE])
        workflow, _ = Workflow.objects.using(using).get_or_create(
            name=WORKFLOW_NAME, defaults={"active": True}
        )
        WorkflowTask.objects.using(using).get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": 0}
        )
        WorkflowPage.objects.using(using).update_or_create(
            page=root_page, defaults={"workflow": workflow}
        )


def _permissions(dotted_names):
    permissions = []
    for dotted_name in sorted(dotted_names):
        app_label, codename = dotted_name.split(".")
        try:
            permissions.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        except Permission.DoesNotExist:
            raise ImproperlyConfigured(
                f"A staff permission declares {dotted_name!r}, which does not exist."
            ) from None
    return permissions
