"""Where the feature apps plug into the site, without the kernel ever importing them.

Each seam is a registry that the apps fill from a module of their own, named after the seam
(`demo.py`, `search.py`, `topics.py`, `panels.py`, `news.py`, `sitemaps.py`, `legacy_urls.py`,
`permissions.py`, `personal_data.py`, `page_cache.py`). The first time anyone reads a registry,
it imports that module from every app of this project that has one, so adding an app touches no
shared list:
only `INSTALLED_APPS`, and one `include()` in `kopofo/urls.py` for the app's own addresses.
The README's architecture section states the rule of each seam.
"""

import importlib
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import module_has_submodule


def project_app_configs():
    """The installed apps that live in this repository (not Django's, Wagtail's or a package's)."""
    root = Path(settings.BASE_DIR).resolve()
    # The virtualenv may sit inside the repository (make's .venv): its packages are not ours.
    environment = Path(sys.prefix).resolve()
    for app_config in apps.get_app_configs():
        path = Path(app_config.path).resolve()
        if path.is_relative_to(root) and not path.is_relative_to(environment):
            yield app_config


@dataclass(order=True)
class _Entry:
    order: int
    position: int
    item: object = field(compare=False)


class Registry:
    """Entries that apps register from their `<module_name>.py`, read in `order`, then as found.

    Discovery happens on first read, not at start-up, so that a module may import models.
    """

    def __init__(self, module_name):
        self.module_name = module_name
        self._entries: list[_Entry] = []
        self._discovered = False
        self._lock = threading.RLock()

    def register(self, item=None, *, order=100):
        """Register `item`; also usable as a decorator, bare or with `order`."""

        def add(item):
            with self._lock:
                self._entries.append(_Entry(order, len(self._entries), item))
            return item

        return add if item is None else add(item)

    def unregister(self, item):
        with self._lock:
            self._entries = [entry for entry in self._entries if entry.item is not item]

    def discover(self):
        with self._lock:
            if self._discovered:
                return
            for app_config in project_app_configs():
                if module_has_submodule(app_config.module, self.module_name):
                    importlib.import_module(f"{app_config.name}.{self.module_name}")
            self._discovered = True

    def __iter__(self):
        self.discover()
        return iter([entry.item for entry in sorted(self._entries)])

    def __len__(self):
        self.discover()
        return len(self._entries)


# --- the seams -----------------------------------------------------------------------------------
# Each app registers into these from the module named here; the README says what each expects.

#: Steps of `manage.py load_demo_content`: functions taking a `kopofo.pages.demo.DemoSite`.
demo_content = Registry("demo")
#: `kopofo.pages.search.SearchProvider` subclasses: what `/suche/` asks for the words.
search_providers = Registry("search")
#: `kopofo.topics.sections.TopicSection` subclasses: what `/themen/<slug>/` shows per kind.
topic_sections = Registry("topics")
#: `kopofo.pages.panels.Panel` objects: boxes staff place on the home page, sidebar and footer.
panels = Registry("panels")
#: Callables `(request, limit) -> list` of an app's newest items for the home page's Aktuelles,
#: newest first, each with `url`, `title`, `date`, `source`, `teaser` and `image`; the home
#: page merges them with the site's own news by date (kopofo.pages.home).
home_news = Registry("news")
#: `(section name, Sitemap class)` pairs for `/sitemap.xml`.
sitemap_sections = Registry("sitemaps")
#: `kopofo.pages.staff.StaffPermissions`: what the Redaktion and the Geschäftsstelle may do.
staff_permissions = Registry("permissions")
#: `kopofo.personal_data.PersonalDataSource` objects: where a person's data is, by email.
personal_data = Registry("personal_data")
#: Models whose saves and deletions make cached pages stale (snippets, settings, anything a page
#: shows that is not itself a page); kopofo.caching starts a new generation for each.
page_cache = Registry("page_cache")


def legacy_url_modules():
    """Each app's `legacy_urls` module, whose `urlpatterns` answer its old TYPO3 addresses."""
    for app_config in project_app_configs():
        if module_has_submodule(app_config.module, "legacy_urls"):
            yield importlib.import_module(f"{app_config.name}.legacy_urls")
