from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
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
        path(
            "zwei-faktor/zuruecksetzen/<int:user_id>/",
            views.TwoFactorResetView.as_view(),
            name="accounts_two_factor_reset",
        ),
    ]


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    # Cheap on purpose (it runs for every row); the view checks who may manage whom.
    if request_user.has_perm("auth.change_user") and (
        request_user.is_superuser or not user.is_superuser
    ):
        yield MenuItem(
            _("Zwei-Faktor-Anmeldung zurücksetzen"),
            reverse("accounts_two_factor_reset", args=[user.pk]),
            icon_name="key",
            priority=50,
        )


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
