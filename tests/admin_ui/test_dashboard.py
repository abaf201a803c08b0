"""The Redaktion's dashboard: start a news item in one click, and find every draft of one's own."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from kopofo.pages.staff import EDITORS
from tests.factories import NewsPageFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return StaffUserFactory(username="rita", group=EDITORS)


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


def panel(html, panel_id):
    return BeautifulSoup(html, "html.parser").find(id=panel_id)


def draft_by(user, news_index, title):
    page = NewsPageFactory(parent=news_index, title=title, live=False, owner=user)
    page.save_revision(user=user)
    return page


def test_the_dashboard_offers_a_new_news_item(editor_client, news_index):
    html = editor_client.get("/admin/").content.decode()

    links = panel(html, "kopofo-schreiben-section").find_all("a")
    (link,) = [link for link in links if link.get_text(strip=True) == "Neue Nachricht"]
    assert link["href"] == f"/admin/pages/add/pages/newspage/{news_index.pk}/"


def test_the_dashboard_lists_ones_own_drafts_and_no_one_elses(
    editor, editor_client, news_index, django_assert_max_num_queries
):
    mine = [draft_by(editor, news_index, f"Entwurf {n}") for n in range(3)]
    colleague = StaffUserFactory(username="gerd", group=EDITORS)
    draft_by(colleague, news_index, "Gerds Entwurf")
    NewsPageFactory(parent=news_index, title="Längst veröffentlicht", owner=editor)

    with django_assert_max_num_queries(60):
        html = editor_client.get("/admin/").content.decode()

    drafts = panel(html, "kopofo-eigene-entwuerfe-section")
    titles = [link.get_text(strip=True) for link in drafts.select("td.title a")]
    assert titles == [page.title for page in reversed(mine)]
    assert drafts.select_one("td.title a")["href"] == f"/admin/pages/{mine[-1].pk}/edit/"


def test_without_drafts_the_dashboard_says_so(editor_client, news_index):
    html = editor_client.get("/admin/").content.decode()

    assert "Ihr habt gerade keine Entwürfe" in panel(html, "kopofo-eigene-entwuerfe-section").text
