"""The office's task list names tasks in German and leaves out the routine: periodic jobs that
ran as they should. What waits, runs or failed is always listed."""

import pytest
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kopofo.contact.tasks import purge_contact_submissions
from kopofo.pages.staff import OFFICE
from kopofo.scheduling.tasks import publish_scheduled_pages
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db

TASKS_URL = "/admin/hintergrundaufgaben/"


@pytest.fixture
def office_client(client):
    client.force_login(StaffUserFactory(username="otto", group=OFFICE))
    return client


@pytest.fixture
def routine_runs(run_worker):
    for _ in range(3):
        publish_scheduled_pages.enqueue()
    results = run_worker()
    assert {result.status for result in results} == {TaskResultStatus.SUCCESSFUL}
    return results


def listed(response):
    return [
        (result.task_path.rsplit(".", 1)[1], result.status)
        for result in response.context["object_list"]
    ]


def test_successful_runs_of_periodic_jobs_are_left_out(office_client, routine_runs):
    failed = DBTaskResult.objects.get(pk=publish_scheduled_pages.enqueue().id)
    DBTaskResult.objects.filter(pk=failed.pk).update(status=TaskResultStatus.FAILED)
    purge_contact_submissions.enqueue()

    response = office_client.get(TASKS_URL)

    assert listed(response) == [
        ("purge_contact_submissions", "READY"),
        ("publish_scheduled_pages", "FAILED"),
    ]
    assert "Alle außer erfolgreichen Routineläufen" in response.content.decode()


def test_the_status_filter_still_shows_every_successful_run(office_client, routine_runs):
    response = office_client.get(TASKS_URL, {"status": "SUCCESSFUL"})

    assert len(listed(response)) == 3


def test_tasks_are_named_in_german(office_client, routine_runs):
    waiting = purge_contact_submissions.enqueue()

    listing = office_client.get(TASKS_URL, {"status": "SUCCESSFUL"}).content.decode()
    inspect = office_client.get(f"{TASKS_URL}inspect/{waiting.id}/").content.decode()

    assert "Geplante Seiten veröffentlichen" in listing
    assert "publish_scheduled_pages" not in listing
    assert "Alte Kontaktanfragen löschen" in inspect
