"""Remove Wagtail's English starter groups and their "Moderators approval" workflow.

Wagtail's own migrations create "Moderators" and "Editors" with rights on the whole page tree,
and a workflow for them. The site has its own two groups and workflow (kopofo/pages/staff.py):
the starters would only offer the office a way to grant rights past the apps' declarations.
"""

from django.db import migrations

DEFAULT_GROUPS = ["Moderators", "Editors"]
DEFAULT_WORKFLOW = "Moderators approval"


def remove_default_groups(apps, schema_editor):
    db = schema_editor.connection.alias
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Group = apps.get_model("auth", "Group")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")

    workflows = Workflow.objects.using(db).filter(name=DEFAULT_WORKFLOW)
    tasks = GroupApprovalTask.objects.using(db).filter(name=DEFAULT_WORKFLOW)
    # A site that ever moderated through them keeps its history rather than losing it.
    if (
        WorkflowState.objects.using(db).filter(workflow__in=workflows).exists()
        or TaskState.objects.using(db).filter(task__in=tasks).exists()
    ):
        workflows.update(active=False)
        tasks.update(active=False)
    else:
        workflows.delete()
        tasks.delete()
    Group.objects.using(db).filter(name__in=DEFAULT_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_panel_settings"),
        # After every Wagtail migration that creates the groups or grants them permissions.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
