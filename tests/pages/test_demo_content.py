import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from kopofo.pages.models import ContactSettings, HomePage, NewsPage
from kopofo.topics.models import Topic

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("url_path", "title", "live")),
        "topics": sorted(Topic.objects.values_list("slug", flat=True)),
        "users": sorted(get_user_model().objects.values_list("username", flat=True)),
    }


def test_demo_command_builds_the_seed_site_and_running_it_twice_changes_nothing(client, settings):
    call_command("load_demo_content", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = snapshot()
    call_command("load_demo_content", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert snapshot() == first
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    contact = ContactSettings.for_site(site)
    assert (contact.street, contact.postal_code, contact.city) == (
        "Severinstraße 1",
        "45127",
        "Essen",
    )
    assert contact.phone == "0203 - 31 777 38-0"
    assert contact.office_hours == "Dienstag bis Donnerstag 10:00 bis 16:00 Uhr"
    assert list(NewsPage.objects.newest_first().values_list("source", flat=True)) == [
        "Fraktion DIE LINKE. im Rat der Stadt Wuppertal",
        "Fraktion DIE LINKE. im Rat der Stadt Bochum",
        "Fraktion DIE LINKE. im Kreistag des Rhein-Erft-Kreises",
        "Fraktion DIE LINKE. im Rat der Stadt Köln",
    ]
    assert {"admin", "redaktion", "geschaeftsstelle"} <= set(first["users"])
    pages = ["/", "/ueber-uns/", "/ueber-uns/satzung/", "/aktuelles/", "/kontakt/", "/impressum/"]
    for path in [*pages, "/datenschutz/", "/barrierefreiheit/"]:
        assert client.get(path).status_code == 200, path
    assert "Platzhalter aus den Demodaten" in client.get("/impressum/").content.decode()


def test_demo_command_refuses_to_run_on_a_production_site(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo_content")
