import pytest
from django.conf import settings
from django.core.cache import caches
from wagtail.models import Site

from kopofo.pages.demo import CONTACT_DETAILS
from kopofo.pages.models import ContactSettings, PanelSettings
from kopofo.settings.test import MAILERS as TEST_MAILERS

from .factories import HomePageFactory, NewsIndexPageFactory


def on_postgres_database():
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def pytest_report_header(config):
    # Printed by the controlling process, also under pytest-xdist.
    if on_postgres_database():
        return "database: PostgreSQL (all tests)"
    return (
        "NOTICE: database is SQLite; tests marked 'postgres' are deselected here "
        "(CI runs them with DATABASE_URL=postgres://...)."
    )


def pytest_collection_modifyitems(config, items):
    """On SQLite, deselect what needs PostgreSQL, and say so: CI runs those on PostgreSQL."""
    if on_postgres_database():
        return
    needs_postgres = [item for item in items if item.get_closest_marker("postgres")]
    if not needs_postgres:
        return
    items[:] = [item for item in items if not item.get_closest_marker("postgres")]
    config.hook.pytest_deselected(items=needs_postgres)
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter:
        reporter.write_line(
            f"NOTICE: {len(needs_postgres)} tests need PostgreSQL and were deselected "
            "(set DATABASE_URL=postgres://... to run them).",
            yellow=True,
        )


@pytest.fixture(autouse=True)
def _test_environment(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Wagtail caches renditions by image id, and SQLite hands out an id again once an earlier
    # test's rows are rolled back or flushed: a rendition that test cached names a file in its
    # own MEDIA_ROOT, and the browser gets a 404 (the browser journey's flake in issue 6).
    caches["default"].clear()
    # Django's test setup replaced our mailers with locmem: queue again, deliver to anymail's
    # test backend (mail.outbox) when the worker runs.
    settings.MAILERS = TEST_MAILERS
    yield
    # Wagtail caches renditions by image id: a later test's image with the same id would get a
    # file of this test's MEDIA_ROOT, gone by then (a 404 in the browser).
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def home(db):
    """A home page as the root of the default site, with the office's contact data."""
    home = HomePageFactory()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.hostname = "testserver"
    site.port = 80
    site.save()
    ContactSettings.objects.update_or_create(site=site, defaults=CONTACT_DETAILS)
    # Made with its defaults on the first page view otherwise, which (as any saved setting)
    # makes the page cache stale: tests of the cache would see their first hit one view late.
    PanelSettings.for_site(site)
    return home


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def run_worker(django_capture_on_commit_callbacks):
    """Work off the background queue the way `manage.py db_worker` does, inside the test.

    What a task enqueues on commit (a mail, say) is queued at once and run in the same call.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    def run():
        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name=settings.BACKGROUND_TASKS,
            startup_delay=False,
            max_tasks=None,
            worker_id="pytest",
            excluded_queue_names=[],
        )
        ran = []
        while task := DBTaskResult.objects.ready().filter(backend_name=worker.backend_name).first():
            task.claim(worker.worker_id)
            with django_capture_on_commit_callbacks(execute=True):
                worker.run_task(task)
            task.refresh_from_db()
            ran.append(task)
        return ran

    return run


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put back what migrations created (root page, locale, groups) after a transactional test.

    Such a test ends with a flush, and Django restores the serialized data only when the next
    transactional test starts. Under xdist a plain test may come next in the same worker and
    would find no root page: the order of files must never decide whether the suite passes.
    """
    yield
    marker = item.get_closest_marker("django_db")
    # After the last test the session's teardown has already dropped the test database.
    if nextitem is None or marker is None or not marker.kwargs.get("transaction"):
        return
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        for connection in connections.all(initialized_only=True):
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)
