from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "kopofo.caching"
    label = "caching"
    verbose_name = "Seitencache"

    def ready(self):
        from . import signals

        signals.connect(self)
