from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MotionsDbConfig(AppConfig):
    name = "motions_db"
    verbose_name = _("Kommunalpolitische Datenbank")
