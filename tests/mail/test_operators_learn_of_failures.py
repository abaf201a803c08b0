"""A server error reaches ADMINS by mail through the worker, once an hour per kind; Sentry is
switched on by its DSN alone."""

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from django.utils import timezone

from kopofo.mail.models import OperatorAlert

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor(settings):
    settings.ADMINS = ["betrieb@kopofo-nrw.de"]
    settings.ROOT_URLCONF = "tests.mail.urls_with_errors"
    return Client(raise_request_exception=False)


def test_server_errors_reach_the_admins_through_the_worker_once_an_hour_per_kind(
    visitor, run_worker, django_capture_on_commit_callbacks
):
    def visit(path):
        with django_capture_on_commit_callbacks(execute=True):
            assert visitor.get(path).status_code == 500
        run_worker()
        return len(mail.outbox)

    assert visit("/kaputt/") == 1
    assert visit("/kaputt/?seite=2") == 1  # the same failure: no second mail within the hour
    assert visit("/anders-kaputt/") == 2  # another kind
    OperatorAlert.objects.filter(kind__contains="RuntimeError").update(
        last_sent_at=timezone.now() - timedelta(minutes=61)
    )
    assert visit("/kaputt/") == 3  # an hour later, it is news again

    first = mail.outbox[0]
    assert first.to == ["betrieb@kopofo-nrw.de"]
    assert "Internal Server Error: /kaputt/" in first.subject
    assert "RuntimeError" in first.body


def test_no_admins_no_error_mail(settings, run_worker, django_capture_on_commit_callbacks):
    settings.ADMINS = []
    settings.ROOT_URLCONF = "tests.mail.urls_with_errors"

    with django_capture_on_commit_callbacks(execute=True):
        Client(raise_request_exception=False).get("/kaputt/")

    assert run_worker() == []
    assert not OperatorAlert.objects.exists()


SENTRY_PROBE = """
import json, django
django.setup()
import sentry_sdk
client = sentry_sdk.get_client()
active = client.is_active()
pii = client.options["send_default_pii"] if active else None
print(json.dumps({"active": active, "send_default_pii": pii}))
"""


def sentry_in_a_fresh_process(**environment):
    env = {name: value for name, value in os.environ.items() if name != "SENTRY_DSN"}
    env.update(DJANGO_SETTINGS_MODULE="kopofo.settings.test", **environment)
    probe = subprocess.run(
        [sys.executable, "-c", SENTRY_PROBE],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert probe.returncode == 0, probe.stderr
    return json.loads(probe.stdout.splitlines()[-1])


def test_sentry_switches_on_with_its_dsn_and_sends_no_personal_data():
    # A DSN on the loopback: nothing leaves the machine, and nothing is sent at start-up anyway.
    assert sentry_in_a_fresh_process(SENTRY_DSN="http://public@127.0.0.1:9/1") == {
        "active": True,
        "send_default_pii": False,
    }
    assert sentry_in_a_fresh_process() == {"active": False, "send_default_pii": None}
