from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True  # this module also holds UsersAppConfig, which replaces "wagtail.users"
    name = "kopofo.accounts"
    label = "accounts"
    verbose_name = _("Zugänge")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .middleware import remember_login

        user_logged_in.connect(remember_login, dispatch_uid="kopofo_accounts_remember_login")


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user and group admin, with the rule that managing users is no way up.

    Listed in INSTALLED_APPS instead of "wagtail.users" (Wagtail's documented way to swap its
    user and group viewsets); see kopofo/accounts/rights.py for the rule itself.
    """

    user_viewset = "kopofo.accounts.viewsets.UserViewSet"
    group_viewset = "kopofo.accounts.viewsets.GroupViewSet"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from wagtail.permissions import register_permission_policy

        from .rights import GroupPermissionPolicy, UserPermissionPolicy

        User = get_user_model()
        register_permission_policy(User, UserPermissionPolicy(User))
        register_permission_policy(Group, GroupPermissionPolicy(Group))
