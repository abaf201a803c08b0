from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)

from . import views
from .rights import can_manage_user, grantable_groups


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path(
            "zwei-faktor/einrichten/",
            views.two_factor_setup,
            name="accounts_two_factor_setup",
        ),
        path("zwei-faktor/code/", views.two_factor_verify, name="accounts_two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("accounts_two_factor_setup"),
        "label": _("Zwei-Faktor-Anmeldung einrichten"),
        "help_text": _(
            "Eine Authenticator-App (neu) einrichten: Nach dem Passwort fragt der Admin dann "
            "jedes Mal nach einem Code aus der App."
        ),
    }


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
