"""Readers get pages from the cache; every change staff make is visible on the next request."""

import time
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from kopofo.caching import services
from kopofo.pages.models import ContactSettings, NewsPage
from tests.factories import (
    NewsPageFactory,
    StaffUserFactory,
    StandardPageFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    return StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")


@pytest.fixture
def news(news_index):
    return NewsPageFactory(parent=news_index, title="Haushalt 2027 beschlossen", slug="haushalt")


def cached(client, path, **headers):
    """Fetch `path` once to fill the cache; return the second answer, from the cache."""
    first = client.get(path, **headers)
    assert first.status_code == 200
    assert first["X-Cache"] == "miss"
    second = client.get(path, **headers)
    assert second["X-Cache"] == "hit"
    return second


def test_a_cached_page_is_served_without_a_database_query(client, about, django_assert_num_queries):
    client.get("/ueber-uns/")

    with django_assert_num_queries(0):
        response = client.get("/ueber-uns/")

    assert response.status_code == 200
    assert response["X-Cache"] == "hit"
    assert "Über uns" in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/aktuelles/", "/aktuelles/feed/", "/sitemap.xml"])
def test_pages_feeds_and_the_sitemap_come_from_the_cache(client, news, path):
    response = cached(client, path)

    assert response.status_code == 200


def test_a_hit_carries_the_same_security_headers_as_a_fresh_answer(client, about):
    fresh = client.get("/ueber-uns/")
    hit = client.get("/ueber-uns/")

    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Content-Type",
    ):
        assert hit[header] == fresh[header], header
    assert hit.content == fresh.content


def test_publishing_a_change_is_visible_on_the_next_request(client, about):
    cached(client, "/ueber-uns/")

    about.title = "Der Verein"
    about.save_revision().publish()

    response = client.get("/ueber-uns/")
    assert response["X-Cache"] == "miss"
    assert "Der Verein" in response.content.decode()


def test_a_bulk_change_held_together_makes_the_pages_stale_once_at_its_end(client, about):
    cached(client, "/ueber-uns/")
    before = services.current_generation()

    with services.invalidation_held("Stapel"):
        for title in ["Eins", "Zwei", "Drei"]:
            about.title = title
            about.save_revision().publish()
            with services.invalidation_held("innen"):
                about.save_revision().publish()
        assert services.current_generation() == before
        assert client.get("/ueber-uns/")["X-Cache"] == "hit"

    assert services.current_generation() > before
    response = client.get("/ueber-uns/")
    assert response["X-Cache"] == "miss"
    assert "Drei" in response.content.decode()


def test_a_held_bulk_change_that_changed_nothing_leaves_the_cache_as_it_is(client, about):
    cached(client, "/ueber-uns/")

    with services.invalidation_held("nichts"):
        pass

    assert client.get("/ueber-uns/")["X-Cache"] == "hit"


def test_a_draft_leaves_the_cached_page_as_it_is(client, about):
    cached(client, "/ueber-uns/")

    about.title = "Entwurf, noch nicht öffentlich"
    about.save_revision()

    response = client.get("/ueber-uns/")
    assert response["X-Cache"] == "hit"
    assert "Entwurf" not in response.content.decode()


def test_an_unpublished_page_is_gone_on_the_next_request(client, about):
    cached(client, "/ueber-uns/")

    about.unpublish()

    assert client.get("/ueber-uns/").status_code == 404


def test_a_deleted_page_leaves_the_menu_and_its_address_on_the_next_request(client, about):
    cached(client, "/")

    about.delete()

    assert client.get("/ueber-uns/").status_code == 404
    assert 'href="/ueber-uns/"' not in client.get("/").content.decode()


def test_a_moved_page_is_found_at_its_new_address_on_the_next_request(
    client, home, about, news_index
):
    child = StandardPageFactory(parent=about, title="Satzung", slug="satzung")
    cached(client, "/ueber-uns/satzung/")

    child.move(news_index, pos="last-child")

    # Wagtail leaves a redirect behind at the old address.
    old_address = client.get("/ueber-uns/satzung/")
    assert (old_address.status_code, old_address["Location"]) == (301, "/aktuelles/satzung/")
    assert client.get("/aktuelles/satzung/").status_code == 200


def test_a_new_news_item_appears_on_the_list_on_the_next_request(client, news, news_index):
    cached(client, "/aktuelles/")

    NewsPageFactory(parent=news_index, title="Kita-Plätze für alle", slug="kita")

    assert "Kita-Plätze für alle" in client.get("/aktuelles/").content.decode()


def test_a_scheduled_publish_by_the_worker_is_visible_on_the_next_request(
    client, news_index, run_worker
):
    from kopofo.scheduling.tasks import publish_scheduled_pages

    page = NewsPageFactory(parent=news_index, title="Noch geheim", slug="geheim", live=False)
    cached(client, "/aktuelles/")
    revision = page.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    assert revision.approved_go_live_at
    assert "Noch geheim" not in client.get("/aktuelles/").content.decode()

    publish_scheduled_pages.enqueue()
    [task] = run_worker()

    assert task.status == "SUCCESSFUL"
    assert NewsPage.objects.get(pk=page.pk).live
    assert "Noch geheim" in client.get("/aktuelles/").content.decode()


def test_editing_a_topic_snippet_is_visible_on_the_next_request(client, news):
    topic = TopicFactory(name="Wohnen", slug="wohnen")
    news.topics.add(topic)
    news.save_revision().publish()
    cached(client, "/aktuelles/haushalt/")

    topic.name = "Wohnen und Mieten"
    topic.save()

    assert "Wohnen und Mieten" in client.get("/aktuelles/haushalt/").content.decode()


def test_changing_the_contact_settings_is_visible_on_the_next_request(client, about):
    cached(client, "/ueber-uns/")

    settings = ContactSettings.objects.get()
    settings.phone = "0201 1234567"
    settings.save()

    assert "0201 1234567" in client.get("/ueber-uns/").content.decode()


def test_staff_are_never_served_from_the_cache_and_never_fill_it(client, about):
    reader_page = cached(client, "/ueber-uns/")
    staff = Client()
    staff.force_login(StaffUserFactory(is_superuser=True))

    staff_page = staff.get("/ueber-uns/")

    assert "X-Cache" not in staff_page
    assert "private" in staff_page["Cache-Control"]
    assert staff_page.content != reader_page.content  # the userbar, for one
    # ... and what staff saw never reaches a reader.
    assert client.get("/ueber-uns/").content == reader_page.content


def test_staff_who_saw_a_page_first_leave_no_trace_of_it_in_the_cache(about):
    staff = Client()
    staff.force_login(StaffUserFactory(is_superuser=True))
    staff.get("/ueber-uns/")

    reader = Client().get("/ueber-uns/")

    assert reader["X-Cache"] == "miss"
    assert "userbar" not in reader.content.decode()


def test_form_posts_are_never_cached_nor_answered_from_the_cache(client, home):
    from tests.factories import ContactPageFactory

    ContactPageFactory(parent=home, slug="kontakt")
    empty_form = cached(client, "/kontakt/")

    with_errors = client.post("/kontakt/", {}, headers={"Sec-Fetch-Site": "same-origin"})

    assert "X-Cache" not in with_errors
    assert with_errors.content != empty_form.content
    assert client.get("/kontakt/").content == empty_form.content


def test_readers_never_get_a_cookie_from_a_fresh_or_a_cached_page(client, about):
    for _ in range(2):
        response = client.get("/ueber-uns/")
        assert not response.cookies
        assert "Set-Cookie" not in response


def test_a_repeat_request_with_the_etag_gets_304_not_modified(client, about):
    first = client.get("/ueber-uns/")

    again = client.get("/ueber-uns/", headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def test_a_repeat_request_with_the_date_gets_304_until_the_page_changes(client, about):
    # The last change was a while ago (HTTP dates have whole seconds; see the next test).
    services.cache().set(services.GENERATION_KEY, time.time_ns() - 5 * 10**9, timeout=None)
    first = client.get("/ueber-uns/")
    since = {"If-Modified-Since": first["Last-Modified"]}

    assert client.get("/ueber-uns/", headers=since).status_code == 304

    about.title = "Der Verein"
    about.save_revision().publish()

    assert client.get("/ueber-uns/", headers=since).status_code == 200


def test_within_the_second_of_a_change_no_date_is_given_that_a_second_change_could_share(
    client, about
):
    # A generation whose second is not over when the page is answered. Set a minute ahead
    # rather than now, so that no slow render on a busy machine outlasts that second.
    services.cache().set(services.GENERATION_KEY, time.time_ns() + 60 * 10**9, timeout=None)

    response = client.get("/ueber-uns/")

    assert "Last-Modified" not in response
    assert response["ETag"]


@pytest.mark.parametrize("path", ["/aktuelles/feed/", "/sitemap.xml"])
def test_feeds_and_the_sitemap_answer_304_to_a_known_etag(client, news, path):
    etag = client.get(path)["ETag"]

    assert client.get(path, headers={"If-None-Match": etag}).status_code == 304


def test_readers_pages_let_a_proxy_keep_them_briefly_and_revalidate(client, about, settings):
    settings.PAGE_CACHE_PROXY_SECONDS = 60

    response = client.get("/ueber-uns/")

    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=0", "s-maxage=60"}
    assert "Cookie" in response["Vary"]


def test_a_page_behind_a_password_is_never_cached(client, about):
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )

    for _ in range(2):
        response = client.get("/ueber-uns/")
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]


def test_a_consent_like_cookie_gets_a_page_of_its_own(client, about, settings):
    """The consent layer will vary pages on its cookie: no visitor gets another's choice."""
    settings.PAGE_CACHE_VARY_ON_COOKIES = ["consent"]
    cached(client, "/ueber-uns/")

    chose = Client()
    chose.cookies["consent"] = "embeds"
    assert chose.get("/ueber-uns/")["X-Cache"] == "miss"
    assert chose.get("/ueber-uns/")["X-Cache"] == "hit"

    chose_otherwise = Client()
    chose_otherwise.cookies["consent"] = "essential"
    assert chose_otherwise.get("/ueber-uns/")["X-Cache"] == "miss"
    # The visitor without a choice still gets the page without one.
    assert client.get("/ueber-uns/")["X-Cache"] == "hit"


def test_a_head_request_is_answered_from_the_cache_too(client, about):
    client.get("/ueber-uns/")

    response = client.head("/ueber-uns/")

    assert response.status_code == 200
    assert response["X-Cache"] == "hit"


def test_not_found_pages_are_not_cached(client, home):
    assert "X-Cache" not in client.get("/gibt-es-nicht/")


def test_with_the_cache_switched_off_readers_still_get_etags_and_304s(client, about, settings):
    settings.PAGE_CACHE_ENABLED = False

    first = client.get("/ueber-uns/")

    assert "X-Cache" not in first
    assert client.get("/ueber-uns/", headers={"If-None-Match": first["ETag"]}).status_code == 304


def test_pages_outside_the_cache_share_the_layout_worked_out_once_per_change(
    client, about, settings, django_assert_max_num_queries
):
    """The menu, the footer's links and the pages the layout links are looked up once per change:
    a page that is not in the cache (a new search, say) pays only for itself."""
    settings.PAGE_CACHE_ENABLED = False
    with django_assert_max_num_queries(100) as first:
        client.get("/ueber-uns/")

    with django_assert_max_num_queries(100) as again:
        client.get("/ueber-uns/")

    assert len(again) < len(first)


def test_the_shared_layout_follows_every_change_on_the_next_request(client, home, about, settings):
    settings.PAGE_CACHE_ENABLED = False
    assert "Mitglied werden" not in client.get("/ueber-uns/").content.decode()

    StandardPageFactory(parent=home, title="Mitglied werden", slug="mitglied", show_in_menus=True)

    assert 'href="/mitglied/"' in client.get("/ueber-uns/").content.decode()
