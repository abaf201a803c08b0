"""An event that ends leaves "Die nächsten Termine" though nobody changed anything."""

import datetime

import pytest
from django.utils import timezone

from events import services
from events.tasks import refresh_lists_when_events_end
from kopofo.caching import services as page_cache
from kopofo.scheduling.registry import periodic_jobs
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def generation():
    return page_cache.cache().get(page_cache.GENERATION_KEY)


def test_cached_lists_go_stale_once_an_event_has_ended_and_not_before(client, event_index):
    now = timezone.now()
    EventPageFactory(
        parent=event_index,
        title="Läuft gerade",
        start=now - datetime.timedelta(hours=2),
        end=now + datetime.timedelta(minutes=3),
    )
    services.refresh_lists_when_events_end(now=now)
    assert "Läuft gerade" in client.get("/veranstaltungen/").text
    before = generation()

    assert services.refresh_lists_when_events_end(now=now + datetime.timedelta(minutes=2)) is False
    assert generation() == before
    assert client.get("/veranstaltungen/")["X-Cache"] == "hit"

    assert services.refresh_lists_when_events_end(now=now + datetime.timedelta(minutes=5)) is True
    assert generation() != before
    # The list is rendered afresh, at the real time; the event has not ended yet in the test's
    # clock, so it is still there: what matters is that the entry was not served stale.
    assert client.get("/veranstaltungen/")["X-Cache"] == "miss"


def test_the_check_runs_as_a_periodic_job_every_few_minutes():
    jobs = {job.task.module_path: job for job in periodic_jobs()}
    job = jobs[refresh_lists_when_events_end.module_path]
    assert job.every <= datetime.timedelta(hours=1)
