"""Guessing passwords locks the account and the address; reset mails are few per hour."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.db.models import F

from kopofo.pages.staff import EDITORS, OFFICE
from tests.factories import STAFF_PASSWORD, StaffUserFactory

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"


@pytest.fixture
def editor():
    return StaffUserFactory(username="erika", group=EDITORS)


def log_in(client, username, password, address=ATTACKER):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def logged_in(client):
    return client.get("/admin/").status_code == 200


def test_four_wrong_passwords_and_then_the_right_one_log_in(client, editor):
    for attempt in range(4):
        log_in(client, "erika", f"falsch-{attempt}")

    response = log_in(client, "erika", STAFF_PASSWORD)

    assert response.status_code == 302
    assert logged_in(client)


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, editor):
    for attempt in range(5):
        log_in(client, "erika", f"falsch-{attempt}")

    response = log_in(client, "erika", STAFF_PASSWORD)

    assert response.status_code == 429
    html = response.content.decode()
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in html
    assert "30 Minuten" in html
    assert "wagtailadmin" in html  # in the admin's frame, with its styles
    assert not logged_in(client)


def test_the_locked_account_is_refused_from_any_address(client, editor):
    for attempt in range(5):
        log_in(client, "erika", f"falsch-{attempt}", address=f"198.51.100.{attempt}")

    assert log_in(client, "erika", STAFF_PASSWORD, address="192.0.2.1").status_code == 429


def test_a_locked_account_locks_no_one_else(client, editor):
    StaffUserFactory(username="otto", group=OFFICE)
    for attempt in range(5):
        log_in(client, "erika", f"falsch-{attempt}")

    assert log_in(client, "otto", STAFF_PASSWORD, address="192.0.2.1").status_code == 302


def test_after_half_an_hour_the_account_may_log_in_again(client, editor):
    for attempt in range(5):
        log_in(client, "erika", f"falsch-{attempt}")

    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=31))

    assert log_in(client, "erika", STAFF_PASSWORD).status_code == 302


def test_twenty_failures_from_one_address_lock_that_address_for_every_account(client, editor):
    StaffUserFactory(username="otto", group=OFFICE)
    for attempt in range(20):
        log_in(client, f"geraten{attempt}", "passwort123")

    from_there = log_in(client, "otto", STAFF_PASSWORD)
    from_elsewhere = log_in(client, "erika", STAFF_PASSWORD, address="192.0.2.1")

    assert from_there.status_code == 429
    assert from_elsewhere.status_code == 302


def test_an_ipv6_client_cannot_escape_the_lock_by_changing_addresses_in_its_64(client, editor):
    for attempt in range(20):
        log_in(client, f"geraten{attempt}", "passwort123", address=f"2001:db8:5:6::{attempt + 1}")

    assert log_in(client, "erika", STAFF_PASSWORD, address="2001:db8:5:6::ffff").status_code == 429


def request_reset(client, email, address=ATTACKER):
    return client.post(
        "/admin/password_reset/", {"email": email}, REMOTE_ADDR=address, follow=False
    )


@pytest.mark.usefixtures("mid_hour")
def test_reset_mails_for_one_account_are_at_most_three_an_hour(
    client, editor, django_capture_on_commit_callbacks, run_worker
):
    with django_capture_on_commit_callbacks(execute=True):
        responses = [
            request_reset(client, "erika@kopofo-nrw.de", address=f"198.51.100.{n}")
            for n in range(20)
        ]
    run_worker()

    assert {response.status_code for response in responses} == {302}
    assert len(mail.outbox) == 3
    assert all(message.to == ["erika@kopofo-nrw.de"] for message in mail.outbox)


@pytest.mark.usefixtures("mid_hour")
def test_reset_requests_from_one_address_send_at_most_ten_mails_an_hour(
    client, django_capture_on_commit_callbacks, run_worker
):
    for n in range(12):
        StaffUserFactory(username=f"person{n}", group=EDITORS)

    with django_capture_on_commit_callbacks(execute=True):
        for n in range(12):
            request_reset(client, f"person{n}@kopofo-nrw.de")
    run_worker()

    assert len(mail.outbox) == 10


@pytest.mark.usefixtures("mid_hour")
def test_the_answer_is_the_same_for_an_unknown_and_a_throttled_address(client, editor):
    for _ in range(3):
        request_reset(client, "erika@kopofo-nrw.de")

    throttled = request_reset(client, "erika@kopofo-nrw.de")
    unknown = request_reset(client, "niemand@kopofo-nrw.de")

    assert (throttled.status_code, throttled.url) == (unknown.status_code, unknown.url)
    assert throttled.url == "/admin/password_reset/done/"
