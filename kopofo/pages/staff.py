"""The two staff groups and the moderation workflow between them.

"Redaktion" writes and submits for review; "Geschäftsstelle" approves, publishes and runs the
site (settings, users, redirects, tasks). Run after every migrate, so each database has them.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
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
MODEL_PERMISSIONS = {
    EDITORS: ["wagtailadmin.access_admin", "topics.view_topic"],
    OFFICE: [
        "wagtailadmin.access_admin",
        "topics.add_topic",
        "topics.change_topic",
        "topics.delete_topic",
        "topics.view_topic",
        "pages.change_contactsettings",
        "accounts.change_twofactorsettings",
        "contact.view_contactsubmission",
        "contact.delete_contactsubmission",
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "auth.view_user",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
        "django_tasks_database.view_dbtaskresult",
    ],
}


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
            group.permissions.add(*_permissions(MODEL_PERMISSIONS[name]))

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
    for dotted_name in dotted_names:
        app_label, codename = dotted_name.split(".")
        yield Permission.objects.get(content_type__app_label=app_label, codename=codename)
