"""The old Datenbank's addresses lead to the record or the search here, never to a 404."""

import pytest

from motions_db.models import Paper
from tests.factories import PaperFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/kommunalpolitische-datenbank/", "/datenbank/"),
        ("/kommunalpolitische-datenbank.html", "/datenbank/"),
        ("/nc/kommunalpolitische-datenbank/", "/datenbank/"),
        ("/nc/kommunalpolitische-datenbank/seite/7/", "/datenbank/"),
        ("/kommunalpolitische-datenbank/anfragen/", "/datenbank/anfragen/"),
        ("/kommunalpolitische-datenbank/antraege/", "/datenbank/antraege/"),
        ("/kommunalpolitische-datenbank/pressemitteilungen/", "/datenbank/pressemitteilungen/"),
        ("/nc/kommunalpolitische-datenbank/antraege/", "/datenbank/antraege/"),
        ("/nc/kommunalpolitische-datenbank/antraege/seite/3/", "/datenbank/antraege/"),
        ("/kommunalpolitische-datenbank/anfragen/seite/12.html", "/datenbank/anfragen/"),
        ("/kommunalpolitische-datenbank/irgendwas/anderes/", "/datenbank/"),
    ],
)
def test_the_lists_lead_to_the_search_of_their_kind(client, home, old, new):
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, new)


@pytest.mark.parametrize(
    "old",
    [
        "/kommunalpolitische-datenbank/anfragen/detail-anfragen/news/{slug}/",
        "/kommunalpolitische-datenbank/pressemitteilungen/detail-pressemitteilungen/news/{slug}/",
        "/kommunalpolitische-datenbank/antraege/detail-antraege/news/{slug}/",
        "/kommunalpolitische-datenbank/detail-kommunalpolitische-datenbank/news/{slug}/",
        "/kommunalpolitische-datenbank/detail-kommunalpolitische-datenbank/news/{slug}.html",
        "/nc/kommunalpolitische-datenbank/antraege/detail-antraege/news/{slug}/",
    ],
)
def test_a_detail_page_leads_to_the_record_with_its_old_slug(client, home, old):
    paper = PaperFactory(legacy_slug="sozialticket-jetzt-2019", title="Sozialticket jetzt")
    # Another record whose new slug happens to be the old one does not catch it.
    PaperFactory(title="sozialticket-jetzt-2019")
    response = client.get(old.format(slug="sozialticket-jetzt-2019"))
    assert (response.status_code, response["Location"]) == (301, paper.url)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "/kommunalpolitische-datenbank/anfragen/detail-anfragen/news/{slug}/",
            "/datenbank/anfragen/",
        ),
        (
            "/kommunalpolitische-datenbank/pressemitteilungen/detail-pressemitteilungen/news/{slug}/",
            "/datenbank/pressemitteilungen/",
        ),
        (
            "/kommunalpolitische-datenbank/antraege/detail-antraege/news/{slug}/",
            "/datenbank/antraege/",
        ),
        (
            "/kommunalpolitische-datenbank/detail-kommunalpolitische-datenbank/news/{slug}/",
            "/datenbank/",
        ),
    ],
)
def test_an_unknown_or_unpublished_record_leads_to_the_search_of_its_kind(client, home, old, new):
    PaperFactory(legacy_slug="zurueckgezogen", live=False, kind=Paper.Kind.INQUIRY)
    for slug in ["gibt-es-nicht", "zurueckgezogen", "mit%20leerzeichen"]:
        response = client.get(old.format(slug=slug))
        assert (response.status_code, response["Location"]) == (301, new)
