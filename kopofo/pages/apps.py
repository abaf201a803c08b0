from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "kopofo.pages"
    label = "pages"
    verbose_name = _("Seiten")

    def ready(self):
        from .staff import ensure_staff_groups

        # Groups and their permissions must exist on every database, not only after the demo.
        # Once per migrate: the handler creates the permissions of all apps itself.
        post_migrate.connect(ensure_staff_groups, sender=self, dispatch_uid="kopofo.staff_groups")
