"""A superuser's password-reset link reaches the superuser, and nobody reading the tasks."""

import json
import re

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from kopofo.mail.models import OutgoingMail

pytestmark = pytest.mark.django_db

TASKS_URL = "/admin/hintergrundaufgaben/"


def everything_stored_about_tasks():
    return json.dumps(list(DBTaskResult.objects.values()), default=str)


def test_a_password_reset_for_a_superuser_leaves_no_reset_link_in_any_task_row(
    client, django_user_model, run_worker, django_capture_on_commit_callbacks
):
    admin = django_user_model.objects.create_superuser(
        username="admin", email="admin@kopofo-nrw.de", password="ein-langes-passwort"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/password_reset/", {"email": "admin@kopofo-nrw.de"})
    assert response.status_code == 302
    queued = everything_stored_about_tasks()
    run_worker()

    [reset_mail] = mail.outbox
    assert reset_mail.to == ["admin@kopofo-nrw.de"]
    link = re.search(r"https?://\S+/password_reset/confirm/\S+", reset_mail.body)[0]
    token = link.rstrip("/").rsplit("/", 1)[-1]
    for stored in (queued, everything_stored_about_tasks()):
        assert token not in stored
        assert "admin@kopofo-nrw.de" not in stored
    # Delivered: the outbox keeps the Message-ID, not the mail.
    assert OutgoingMail.objects.get().content is None

    client.force_login(admin)
    listing = client.get(TASKS_URL).content.decode()
    [task] = DBTaskResult.objects.all()
    inspect = client.get(f"{TASKS_URL}inspect/{task.pk}/").content.decode()
    for page in (listing, inspect):
        assert token not in page
        assert "admin@kopofo-nrw.de" not in page
    assert "E-Mail versenden" in inspect
