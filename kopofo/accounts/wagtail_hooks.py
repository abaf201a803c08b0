from wagtail import hooks
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)

from .rights import can_manage_user, grantable_groups


class ManagedUsersOnlyMixin:
    def check_perm(self, obj):
        return super().check_perm(obj) and can_manage_user(self.request.user, obj)


# Registered after Wagtail's own (order=1), so these replace the bulk actions of the same type.
@hooks.register("register_bulk_action", order=1)
class AssignOwnGroupBulkAction(ManagedUsersOnlyMixin, AssignRoleBulkAction):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["role"].queryset = grantable_groups(self.request.user)
        return form


@hooks.register("register_bulk_action", order=1)
class DeleteManagedUsersBulkAction(ManagedUsersOnlyMixin, DeleteBulkAction):
    pass


@hooks.register("register_bulk_action", order=1)
class SetActiveStateOfManagedUsersBulkAction(ManagedUsersOnlyMixin, SetActiveStateBulkAction):
    pass
