import datetime

import pytest
from django.utils import timezone

from kopofo.pages.models import StandardPage
from kopofo.scheduling.scheduler import Scheduler
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_scheduled_job_publishes_a_page_whose_go_live_time_passed_a_minute_ago(home, run_worker):
    page = StandardPageFactory(parent=home, title="Einladung zur Mitgliederversammlung", live=False)
    # Approved for publication at a time that passed a minute ago; only the scheduler publishes it.
    page.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    page.save_revision(approved_go_live_at=page.go_live_at)
    assert not StandardPage.objects.get(pk=page.pk).live

    enqueued = Scheduler().tick()
    tasks = run_worker()

    assert "publish_scheduled_pages" in " ".join(enqueued)
    assert [task.status for task in tasks] == ["SUCCESSFUL", "SUCCESSFUL"]
    assert StandardPage.objects.get(pk=page.pk).live


def test_scheduler_enqueues_each_job_only_when_it_is_due(db):
    scheduler = Scheduler()
    start = timezone.now()

    first = scheduler.tick(start)
    after_a_minute = scheduler.tick(start + datetime.timedelta(minutes=1))
    after_an_hour = scheduler.tick(start + datetime.timedelta(hours=1))

    assert len(first) == len(scheduler.jobs)
    assert [name.rsplit(".", 1)[-1] for name in after_a_minute] == ["publish_scheduled_pages"]
    assert len(after_an_hour) == len(scheduler.jobs)
