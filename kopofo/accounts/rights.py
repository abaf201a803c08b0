"""Who may manage whom: staff management must never be a way up.

A member of staff who is not a superuser may create, edit, (de)activate, delete and set the
password of a user only if that user holds nothing the staff member does not hold themselves: no
superuser status, no group with a permission they lack (on a model, a page or a collection), no
permission of their own that they lack. They may grant only such groups and never superuser
status, and they may not manage groups at all (a group's permissions are what its members hold).
Superusers may do everything.
"""

from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail.permission_policies import ModelPermissionPolicy

INSTANCE_ACTIONS = {"change", "delete"}


def holds_group(actor, group):
    """Whether `actor` holds every permission that `group` gives, so may give it to others."""
    if actor.is_superuser:
        return True
    if not actor.is_active:
        return False
    if not _dotted(group.permissions.all()) <= actor.get_all_permissions():
        return False
    own_groups = actor.groups.all()
    # A page or collection permission is held if the actor has it there or on an ancestor.
    for model, node in ((GroupPagePermission, "page"), (GroupCollectionPermission, "collection")):
        held = [
            (permission_id, path)
            for permission_id, path in model.objects.filter(group__in=own_groups).values_list(
                "permission_id", f"{node}__path"
            )
        ]
        for permission_id, path in model.objects.filter(group=group).values_list(
            "permission_id", f"{node}__path"
        ):
            if not any(
                permission_id == own_id and path.startswith(own_path) for own_id, own_path in held
            ):
                return False
    return True


def grantable_groups(actor):
    """The groups `actor` may give to a user."""
    if actor.is_superuser:
        return Group.objects.all()
    return Group.objects.filter(
        pk__in=[group.pk for group in Group.objects.all() if holds_group(actor, group)]
    )


def can_manage_user(actor, target):
    """Whether `actor` may change `target` (including the password) or delete them."""
    if actor.is_superuser:
        return True
    if target.is_superuser or not actor.is_active:
        return False
    if target.pk == actor.pk:
        return True
    if not all(holds_group(actor, group) for group in target.groups.all()):
        return False
    return _dotted(target.user_permissions.all()) <= actor.get_all_permissions()


def _dotted(permissions):
    return {
        f"{app_label}.{codename}"
        for app_label, codename in permissions.values_list("content_type__app_label", "codename")
    }


class UserPermissionPolicy(ModelPermissionPolicy):
    """auth.change_user and auth.delete_user, limited to users `can_manage_user` allows."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return action not in INSTANCE_ACTIONS or can_manage_user(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        users = super().instances_user_has_any_permission_for(user, actions)
        if user.is_superuser:
            return users
        return users.filter(pk__in=[u.pk for u in users if can_manage_user(user, u)])


class GroupPermissionPolicy(ModelPermissionPolicy):
    """Only superusers manage groups, whatever permissions a group was given."""

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(actions).filter(is_superuser=True)
