"""A deployer turns an empty, migrated database into a site ready for content with one command,
which is allowed in production and may run again after every deployment."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site, WorkflowPage

from kopofo.pages.models import HomePage, NewsIndexPage, StandardPage
from kopofo.pages.staff import WORKFLOW_NAME

pytestmark = pytest.mark.django_db

LEGAL = ["impressum", "datenschutz", "barrierefreiheit"]


def setup_site(settings, **kwargs):
    settings.DEBUG = False
    call_command("setup_site", stdout=io.StringIO(), **kwargs)


def tree():
    return sorted(Page.objects.values_list("url_path", "live"))


def test_an_empty_database_becomes_a_site_at_the_configured_origin(settings, client):
    settings.SITE_URL = "https://kopofo-nrw.de"
    settings.ALLOWED_HOSTS = ["kopofo-nrw.de"]

    setup_site(settings)

    site = Site.objects.get()
    home = HomePage.objects.get()
    assert (site.hostname, site.port, site.root_page_id) == ("kopofo-nrw.de", 443, home.pk)
    # Wagtail's welcome page is gone; the home page and Aktuelles answer.
    assert not Page.objects.filter(title__startswith="Welcome").exists()
    assert client.get("/", headers={"host": "kopofo-nrw.de"}, secure=True).status_code == 200
    assert NewsIndexPage.objects.get().live


def test_the_legal_pages_are_drafts_to_fill_in(settings):
    setup_site(settings)

    legal = StandardPage.objects.filter(slug__in=LEGAL)
    assert sorted(legal.values_list("slug", flat=True)) == sorted(LEGAL)
    assert not legal.filter(live=True).exists()
    impressum = legal.get(slug="impressum").get_latest_revision_as_object()
    assert "§ 5 DDG" in str(impressum.body)


def test_the_staff_groups_and_their_workflow_guard_the_new_tree(settings):
    setup_site(settings)

    root = Page.get_first_root_node()
    assert WorkflowPage.objects.get(page=root).workflow.name == WORKFLOW_NAME
    assert HomePage.objects.get().get_workflow().name == WORKFLOW_NAME


def test_running_again_changes_nothing_the_office_has_written(settings):
    setup_site(settings, origin="https://kopofo-nrw.de")
    impressum = StandardPage.objects.get(slug="impressum")
    impressum.title = "Impressum des Vereins"
    impressum.save_revision().publish()
    before = tree()

    setup_site(settings, origin="https://kopofo-nrw.de")

    assert tree() == before
    assert StandardPage.objects.get(slug="impressum").title == "Impressum des Vereins"
    assert Site.objects.count() == 1
