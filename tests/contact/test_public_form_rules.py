"""The contact form follows the public-form rule every later form follows (kopofo.public_forms)."""

import threading

import pytest
from django.db import connection
from django.test import Client

from kopofo.contact.models import ContactSubmission
from tests.contact.test_contact_form import VALID, post
from tests.factories import ContactPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_page(home):
    return ContactPageFactory(parent=home)


@pytest.mark.parametrize(
    "headers",
    [
        {},  # a script, or a browser too old to say where the form came from
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},  # a sibling subdomain is not this site
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
    ],
)
def test_a_post_that_does_not_come_from_this_site_is_refused_in_german(
    client, contact_page, headers
):
    response = client.post(contact_page.url, VALID, REMOTE_ADDR="203.0.113.7", **headers)

    assert response.status_code == 403
    assert ContactSubmission.objects.count() == 0
    assert "CSRF verification failed" not in response.content.decode()
    assert '<html lang="de">' in response.content.decode()


def test_a_post_from_this_sites_own_origin_is_accepted_without_any_cookie(client, contact_page):
    page = client.get(contact_page.url)
    response = client.post(
        contact_page.url, VALID, REMOTE_ADDR="203.0.113.7", HTTP_ORIGIN="http://testserver"
    )

    assert response.status_code == 302
    assert ContactSubmission.objects.count() == 1
    for answer in (page, response, client.get(response["Location"])):
        assert "Set-Cookie" not in answer.headers
    assert 'name="csrfmiddlewaretoken"' not in page.content.decode()


def test_an_overlong_message_gets_a_german_limit_and_keeps_what_was_typed(client, contact_page):
    response = post(client, contact_page, {**VALID, "nachricht": "Haushalt " * 700})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte kürzt das auf höchstens 5000 Zeichen (jetzt 6299)." in html
    assert 'value="Erika Muster"' in html and 'maxlength="5000"' in html
    assert ContactSubmission.objects.count() == 0


def test_a_megabyte_of_form_data_is_refused_before_it_is_read(client, contact_page):
    response = post(client, contact_page, {**VALID, "nachricht": "x" * 1_000_000})

    assert response.status_code == 413
    assert "Das war zu viel auf einmal" in response.content.decode()
    assert ContactSubmission.objects.count() == 0


def test_addresses_of_one_ipv6_subscriber_share_one_limit(client, contact_page, settings):
    settings.CONTACT_RATE_LIMIT = (2, 3600)
    statuses = [
        post(client, contact_page, VALID, ip=f"2001:db8:4711:1::{host}").status_code
        for host in ("1", "2", "ffff")
    ]
    other_subscriber = post(client, contact_page, VALID, ip="2001:db8:4711:2::1")

    assert statuses == [302, 302, 429]
    assert other_subscriber.status_code == 302


def test_the_admin_keeps_djangos_csrf_token(home):
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        "/admin/login/",
        {"username": "otto", "password": "falsch"},
        HTTP_SEC_FETCH_SITE="same-origin",
    )

    assert response.status_code == 403


@pytest.mark.postgres
# serialized_rollback: the flush after a transactional test would take the data migrations
# made (locale, root page, groups) from every later test in this process.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_posts_cannot_overshoot_the_rate_limit(home, settings):
    settings.CONTACT_RATE_LIMIT = (3, 3600)
    page = ContactPageFactory(parent=home)
    start = threading.Barrier(8)
    statuses = []

    def send():
        try:
            start.wait()
            statuses.append(post(Client(), page, VALID).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [302] * 3 + [429] * 5
    assert ContactSubmission.objects.count() == 3
