"""Apps plug into the site through the registries in kopofo.seams, never through a shared list."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured

from kopofo import seams
from kopofo.pages.staff import EDITORS, OFFICE, StaffPermissions, ensure_staff_groups


def test_a_registry_finds_every_app_module_of_its_name_and_keeps_their_order():
    names = [step.__module__ + "." + step.__name__ for step in seams.demo_content]

    # Home first, Themen before the pages that use them, the staff users last.
    assert names[0] == "kopofo.pages.demo.home_page"
    assert names.index("kopofo.topics.demo.topics") < names.index("kopofo.pages.demo.news")
    assert names.index("kopofo.pages.demo.legal_pages") < names.index(
        "kopofo.contact.demo.contact_page"
    )
    assert "newsletter.demo.newsletter_page" in names
    assert names[-1] == "kopofo.pages.demo.staff_users"


def test_only_the_projects_own_apps_are_searched_for_seam_modules():
    labels = {app_config.label for app_config in seams.project_app_configs()}

    assert {"pages", "topics", "contact", "events", "newsletter"} <= labels
    assert not labels & {"wagtailcore", "wagtailsearch", "auth", "sitemaps"}


def test_kernel_and_features_register_their_own_sitemap_sections_and_old_addresses():
    assert [name for name, _sitemap in seams.sitemap_sections] == ["pages", "topics", "datenbank"]
    modules = {module.__name__ for module in seams.legacy_url_modules()}
    assert modules == {"events.legacy_urls", "motions_db.legacy_urls", "newsletter.legacy_urls"}


@pytest.mark.django_db
def test_staff_groups_get_exactly_what_the_apps_declare():
    declaration = StaffPermissions(editors=("wagtailredirects.add_redirect",))
    seams.staff_permissions.register(declaration)
    try:
        ensure_staff_groups()
        editors = set(
            Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True)
        )
        assert "add_redirect" in editors
    finally:
        seams.staff_permissions.unregister(declaration)

    ensure_staff_groups()

    editors = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    office = set(Group.objects.get(name=OFFICE).permissions.values_list("codename", flat=True))
    assert "add_redirect" not in editors
    assert {"access_admin", "view_topic"} <= editors
    assert {"change_contactsettings", "view_contactsubmission", "view_dbtaskresult"} <= office
    assert Permission.objects.filter(group__name=EDITORS, codename="add_topic").count() == 0


@pytest.mark.django_db
def test_a_declared_permission_that_does_not_exist_stops_the_migration_with_its_name():
    declaration = StaffPermissions(office=("events.teleport_event",))
    seams.staff_permissions.register(declaration)
    try:
        with pytest.raises(ImproperlyConfigured, match=r"events\.teleport_event"):
            ensure_staff_groups()
    finally:
        seams.staff_permissions.unregister(declaration)
