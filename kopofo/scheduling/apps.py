from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchedulingConfig(AppConfig):
    name = "kopofo.scheduling"
    label = "scheduling"
    verbose_name = _("Zeitgesteuerte Aufgaben")

    def ready(self):
        from . import checks, retries  # noqa: F401 (registers the system check and the receiver)
        from .registry import discover_tasks

        # Every app's tasks module, so each process knows all retry policies and periodic jobs.
        discover_tasks()
