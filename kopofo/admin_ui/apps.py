from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdminUiConfig(AppConfig):
    """The office's side of Wagtail: branding, login form, dashboard and handbook."""

    name = "kopofo.admin_ui"
    label = "admin_ui"
    verbose_name = _("Verwaltung")
