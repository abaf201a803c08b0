"""The office sees in the admin which background tasks wait and which failed, and why."""

import socket

import pytest
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kopofo.contact.models import ContactSubmission
from kopofo.contact.services import office_mail
from kopofo.contact.tasks import purge_contact_submissions
from kopofo.mail.serialization import to_payload
from kopofo.mail.tasks import deliver_mail
from kopofo.pages.staff import EDITORS, OFFICE
from tests.factories import ContactPageFactory, StaffUserFactory

pytestmark = pytest.mark.django_db

TASKS_URL = "/admin/hintergrundaufgaben/"


@pytest.fixture(params=["superuser", OFFICE])
def office_user(request, django_user_model):
    if request.param == "superuser":
        return django_user_model.objects.create_superuser(username="admin", password="x")
    return StaffUserFactory(username="otto", group=OFFICE)


@pytest.fixture
def unreachable_mail_server(settings):
    with socket.socket() as probe:  # once the probe is closed, nobody listens on its port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.MAILERS = {
        **settings.MAILERS,
        "outbound": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        },
    }


@pytest.fixture
def failed_mail_and_waiting_purge(home, unreachable_mail_server, run_worker):
    """The worker could not hand a contact message to the mail server; the hourly purge waits."""
    page = ContactPageFactory(parent=home)
    submission = ContactSubmission.objects.create(page=page, form_data={"nachricht": "Hallo"})
    deliver_mail.enqueue(to_payload(office_mail(page, submission)))
    [failed] = run_worker()
    waiting = DBTaskResult.objects.get(pk=purge_contact_submissions.enqueue().id)
    assert failed.status == TaskResultStatus.FAILED
    assert waiting.status == TaskResultStatus.READY
    return failed, waiting


def inspected_fields(response):
    return {str(field["label"]): str(field["value"]) for field in response.context["fields"]}


def listed(response):
    return [(result.task_name, result.status) for result in response.context["object_list"]]


def test_office_sees_the_waiting_and_the_failed_task_newest_first(
    client, office_user, failed_mail_and_waiting_purge, django_assert_max_num_queries
):
    client.force_login(office_user)

    with django_assert_max_num_queries(12):
        response = client.get(TASKS_URL)

    assert response.status_code == 200
    assert listed(response) == [
        ("purge_contact_submissions", "READY"),
        ("deliver_mail", "FAILED"),
    ]
    assert [str(column.label) for column in response.context["table"].columns.values()] == [
        "Aufgabe",
        "Status",
        "Eingereiht",
        "Beendet",
    ]
    html = response.content.decode()
    assert "<title>Hintergrundaufgaben" in html
    assert "Wartend" in html
    assert "Fehlgeschlagen" in html
    assert "2 Hintergrundaufgaben" in html


def test_the_listing_needs_no_more_queries_for_many_tasks(
    client, office_user, failed_mail_and_waiting_purge, django_assert_max_num_queries
):
    for _ in range(40):
        purge_contact_submissions.enqueue()
    client.force_login(office_user)

    with django_assert_max_num_queries(12):
        response = client.get(TASKS_URL)

    assert len(listed(response)) == 42


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("FAILED", [("deliver_mail", "FAILED")]),
        ("READY", [("purge_contact_submissions", "READY")]),
        ("SUCCESSFUL", []),
    ],
)
def test_office_filters_the_tasks_by_status(
    client, office_user, failed_mail_and_waiting_purge, status, expected
):
    client.force_login(office_user)

    response = client.get(TASKS_URL, {"status": status})

    assert listed(response) == expected


def test_the_status_filter_names_the_four_states_in_german(
    client, office_user, failed_mail_and_waiting_purge
):
    client.force_login(office_user)

    response = client.get(TASKS_URL)

    status_filter = response.context["filters"].form["status"]
    assert [(choice.data["value"], choice.choice_label) for choice in status_filter] == [
        ("", "Alle"),
        ("READY", "Wartend"),
        ("RUNNING", "Läuft"),
        ("FAILED", "Fehlgeschlagen"),
        ("SUCCESSFUL", "Erfolgreich"),
    ]


def test_office_reads_why_a_task_failed(
    client, office_user, failed_mail_and_waiting_purge, django_assert_max_num_queries
):
    failed, _ = failed_mail_and_waiting_purge
    client.force_login(office_user)

    with django_assert_max_num_queries(12):
        response = client.get(f"{TASKS_URL}inspect/{failed.pk}/")

    assert response.status_code == 200
    fields = inspected_fields(response)
    assert fields["Aufgabe"] == "deliver_mail"
    assert fields["Status"] == "Fehlgeschlagen"
    assert fields["Fehler"] == "builtins.ConnectionRefusedError"
    assert fields["Fehlerverlauf"].startswith("<pre>Traceback (most recent call last):")
    assert "kopofo/mail/tasks.py" in fields["Fehlerverlauf"]
    assert "<pre>Traceback" in response.content.decode()


def test_a_waiting_task_shows_no_error(client, office_user, failed_mail_and_waiting_purge):
    _, waiting = failed_mail_and_waiting_purge
    client.force_login(office_user)

    response = client.get(f"{TASKS_URL}inspect/{waiting.pk}/")

    assert response.status_code == 200
    fields = inspected_fields(response)
    assert fields["Status"] == "Wartend"
    assert fields["Nicht vor"] == "sofort"
    assert fields["Beendet"] == "–"
    assert "Fehlerverlauf" not in fields


def test_nobody_can_add_change_or_delete_a_task_result_not_even_a_superuser(
    client, django_user_model, failed_mail_and_waiting_purge
):
    failed, _ = failed_mail_and_waiting_purge
    client.force_login(django_user_model.objects.create_superuser(username="admin", password="x"))

    response = client.get(TASKS_URL)

    assert response.context["can_add"] is False
    assert f"{TASKS_URL}new/" not in response.content.decode()
    for address in ["new/", f"edit/{failed.pk}/", f"delete/{failed.pk}/", f"copy/{failed.pk}/"]:
        assert client.get(f"{TASKS_URL}{address}").status_code == 404
        assert client.post(f"{TASKS_URL}{address}").status_code == 404
    assert DBTaskResult.objects.filter(pk=failed.pk).exists()


def test_an_editor_neither_sees_nor_opens_the_background_tasks(
    client, django_user_model, failed_mail_and_waiting_purge
):
    failed, _ = failed_mail_and_waiting_purge
    client.force_login(StaffUserFactory(username="erika", group=EDITORS))

    dashboard = client.get("/admin/")
    listing = client.get(TASKS_URL, follow=True)
    inspect = client.get(f"{TASKS_URL}inspect/{failed.pk}/")

    assert dashboard.status_code == 200
    assert "Hintergrundaufgaben" not in dashboard.content.decode()
    assert listing.redirect_chain == [("/admin/", 302)]
    assert "Sie haben leider keinen Zugang zu diesem Bereich." in listing.content.decode()
    assert (inspect.status_code, inspect.url) == (302, "/admin/")


def test_the_admin_speaks_german_and_offers_the_office_its_tasks_in_the_settings(
    client, django_user_model
):
    client.force_login(StaffUserFactory(username="otto", group=OFFICE))

    html = client.get("/admin/").content.decode()

    assert '<html lang="de"' in html
    for label in ["Seiten", "Bilder", "Einstellungen", "Hintergrundaufgaben"]:
        assert f'"label": "{label}"' in html
