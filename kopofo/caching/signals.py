"""What starts a new page cache generation: Wagtail's page events and the apps' listed models."""

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from kopofo import seams

from .services import invalidate

#: Page fields Wagtail saves while an editor works on a draft (saving a revision, autosave,
#: locking, comments): nothing a reader sees changes until the draft is published.
DRAFT_BOOKKEEPING_FIELDS = frozenset(
    {
        "comments",
        "wagtail_admin_comments",
        "draft_title",
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)

DISPATCH_UID = "kopofo.caching"


def page_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= DRAFT_BOOKKEEPING_FIELDS:
        return
    invalidate(f"page {instance.pk} saved")


def page_event(sender, instance, **kwargs):
    invalidate(f"page {instance.pk}: {sender}")


def model_changed(sender, instance, **kwargs):
    invalidate(f"{sender._meta.label} {instance.pk} changed")


def relation_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        invalidate(f"{sender._meta.label} changed")


def page_model_changed(sender, instance, **kwargs):
    # Page subclasses send save signals under their own class.
    if isinstance(instance, Page):
        page_saved(sender, instance, **kwargs)


def page_model_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate(f"page {instance.pk} deleted")


def deployed(sender, **kwargs):
    invalidate("migrate ran")


def connect(app_config):
    """Connect the receivers; runs in every process (web, workers, scheduler, shell)."""
    # Every deployment runs `migrate`: pages cached by the old code's templates go with it.
    # (Sent once per app; once is enough.)
    post_migrate.connect(deployed, sender=app_config, dispatch_uid=f"{DISPATCH_UID}.migrated")
    post_save.connect(page_model_changed, dispatch_uid=f"{DISPATCH_UID}.page_saved")
    post_delete.connect(page_model_deleted, dispatch_uid=f"{DISPATCH_UID}.page_deleted")
    # Publishing saves the page too; the signals also cover a publish that changes nothing
    # in the page row (an unchanged revision published again).
    page_published.connect(page_event, dispatch_uid=f"{DISPATCH_UID}.published")
    page_unpublished.connect(page_event, dispatch_uid=f"{DISPATCH_UID}.unpublished")
    # Treebeard moves pages with UPDATE statements: no save signal for the subtree.
    post_page_move.connect(page_event, dispatch_uid=f"{DISPATCH_UID}.moved")

    for model in seams.page_cache:
        uid = f"{DISPATCH_UID}.{model._meta.label_lower}"
        post_save.connect(model_changed, sender=model, dispatch_uid=f"{uid}.saved")
        post_delete.connect(model_changed, sender=model, dispatch_uid=f"{uid}.deleted")
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                relation_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"{uid}.{field.name}",
            )
