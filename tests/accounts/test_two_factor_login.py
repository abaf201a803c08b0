"""Two-factor login: enrol an authenticator app, then every admin login needs its code."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kopofo.accounts.middleware import TWO_FACTOR_RECHECK, TWO_FACTOR_STEP
from kopofo.accounts.models import TwoFactorSettings
from kopofo.pages.staff import EDITORS, OFFICE
from tests.factories import STAFF_PASSWORD, StaffUserFactory

pytestmark = pytest.mark.django_db

SETUP = "/admin/zwei-faktor/einrichten/"
VERIFY = "/admin/zwei-faktor/code/"


@pytest.fixture
def editor():
    return StaffUserFactory(username="erika", group=EDITORS)


@pytest.fixture
def two_factor_required():
    settings = TwoFactorSettings.load()
    settings.required = True
    settings.save()


def log_in(client, username="erika"):
    response = client.post("/admin/login/", {"username": username, "password": STAFF_PASSWORD})
    assert response.status_code == 302
    return response


def current_code(device, steps_ahead=0):
    """What the app on the phone shows now (or `steps_ahead` periods of 30 s later)."""
    device.refresh_from_db()
    code = totp(
        device.bin_key,
        step=device.step,
        t0=device.t0,
        digits=device.digits,
        drift=device.drift + steps_ahead,
    )
    return f"{code:0{device.digits}d}"


def wrong_codes(device, count):
    """Codes that are surely wrong: none of those the device accepts around now."""
    accepted = {current_code(device, steps_ahead=steps) for steps in range(-2, 3)}
    return [code for code in (f"{n:06d}" for n in range(count + 5)) if code not in accepted][:count]


def enrol(client, user):
    page = client.get(SETUP)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(SETUP, {"code": current_code(device), "next": "/admin/"})
    return page, device, response


def test_without_the_obligation_staff_without_an_app_work_as_before(client, editor):
    log_in(client)

    assert client.get("/admin/").status_code == 200


def test_when_the_office_requires_it_staff_must_enrol_an_app_before_using_the_admin(
    client, editor, two_factor_required
):
    log_in(client)

    blocked = client.get("/admin/pages/")
    page, device, confirmed = enrol(client, editor)

    assert blocked.status_code == 302
    assert blocked.url == f"{SETUP}?next=%2Fadmin%2Fpages%2F"
    html = page.content.decode()
    assert "<svg" in html  # the QR code, drawn on the site itself
    assert "verpflichtend" in html
    assert '<form method="post" action="/admin/logout/">' in html  # Django logs out on POST only
    assert confirmed.status_code == 302
    assert confirmed.url == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/pages/").status_code == 200


def test_after_enrolment_the_next_login_asks_for_a_code_from_the_app(client, editor):
    log_in(client)
    _page, device, _response = enrol(client, editor)
    browser = Client()

    log_in(browser)
    without_code = browser.get("/admin/")
    [wrong_code] = wrong_codes(device, 1)
    wrong = browser.post(VERIFY, {"code": wrong_code, "next": "/admin/"})

    assert without_code.status_code == 302
    assert without_code.url == f"{VERIFY}?next=%2Fadmin%2F"
    assert wrong.status_code == 200
    assert "Der Code stimmt nicht" in wrong.content.decode()
    assert browser.get("/admin/").status_code == 302


def test_the_right_code_after_the_password_opens_the_admin(client, editor):
    log_in(client)
    _page, device, _response = enrol(client, editor)
    browser = Client()
    log_in(browser)

    # The enrolment used this period's code; a code is accepted once only, so take the next.
    response = browser.post(
        VERIFY, {"code": current_code(device, steps_ahead=1), "next": "/admin/"}
    )

    assert response.status_code == 302
    assert response.url == "/admin/"
    assert browser.get("/admin/").status_code == 200


def test_a_code_cannot_be_used_twice(client, editor):
    log_in(client)
    _page, device, _response = enrol(client, editor)
    code = current_code(device, steps_ahead=1)
    first, second = Client(), Client()
    log_in(first)
    log_in(second)

    assert first.post(VERIFY, {"code": code}).status_code == 302
    assert second.post(VERIFY, {"code": code}).status_code == 200
    assert second.get("/admin/").status_code == 302


def test_with_the_password_alone_no_one_can_enrol_a_new_app(client, editor):
    log_in(client)
    enrol(client, editor)
    intruder = Client()
    log_in(intruder)

    response = intruder.get(SETUP)

    assert response.status_code == 302
    assert response.url.startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=editor).count() == 1


@pytest.mark.usefixtures("mid_hour")
def test_after_ten_codes_in_half_an_hour_the_login_ends(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="Telefon", confirmed=True)
    log_in(client)

    responses = [client.post(VERIFY, {"code": code}) for code in wrong_codes(device, 11)]

    assert {response.status_code for response in responses[:10]} == {200}
    assert responses[10].status_code == 302
    assert responses[10].url == "/admin/login/"
    assert client.get("/admin/").url.startswith("/admin/login/")


def test_the_office_may_make_two_factors_mandatory(client):
    client.force_login(StaffUserFactory(username="otto", group=OFFICE))
    page = client.get(reverse("wagtailsettings:edit", args=["accounts", "twofactorsettings"]))
    page = client.get(page.url)
    response = client.post(page.request["PATH_INFO"], {"required": "on"})

    assert page.status_code == 200
    assert "Zwei-Faktor-Anmeldung verpflichtend" in page.content.decode()
    assert response.status_code == 302
    assert TwoFactorSettings.load().required


def test_editors_may_not_change_the_obligation(client, editor):
    settings = TwoFactorSettings.load()
    client.force_login(editor)

    response = client.post(
        reverse("wagtailsettings:edit", args=["accounts", "twofactorsettings", settings.pk]),
        {"required": "on"},
    )

    assert (response.status_code, response.url) == (302, "/admin/")  # Wagtail's "no access"
    assert not TwoFactorSettings.load().required


def test_an_obligation_switched_on_later_reaches_staff_already_logged_in(client, editor):
    log_in(client)
    assert client.get("/admin/").status_code == 200

    settings = TwoFactorSettings.load()
    settings.required = True
    settings.save()
    session = client.session
    step, checked = session[TWO_FACTOR_STEP]
    session[TWO_FACTOR_STEP] = [step, checked - TWO_FACTOR_RECHECK - 1]
    session.save()

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith(SETUP)


def test_the_office_resets_the_app_of_a_colleague_who_lost_their_phone(client, editor):
    TOTPDevice.objects.create(user=editor, name="Telefon", confirmed=True)
    client.force_login(StaffUserFactory(username="otto", group=OFFICE))
    url = reverse("accounts_two_factor_reset", args=[editor.pk])

    listing = client.get(reverse("wagtailusers_users:index"))
    page = client.get(url)
    response = client.post(url)

    assert url in listing.content.decode()
    assert page.status_code == 200
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_the_office_cannot_reset_the_app_of_a_superuser(client, django_user_model):
    boss = django_user_model.objects.create_superuser("chefin", "c@kopofo-nrw.de", STAFF_PASSWORD)
    TOTPDevice.objects.create(user=boss, name="Telefon", confirmed=True)
    client.force_login(StaffUserFactory(username="otto", group=OFFICE))

    response = client.post(reverse("accounts_two_factor_reset", args=[boss.pk]))

    assert response.status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=boss).exists()


def test_editors_cannot_reset_anyones_app(client, editor):
    other = StaffUserFactory(username="rita", group=EDITORS)
    TOTPDevice.objects.create(user=other, name="Telefon", confirmed=True)
    client.force_login(editor)

    client.post(reverse("accounts_two_factor_reset", args=[other.pk]))

    assert TOTPDevice.objects.filter(user=other).exists()
