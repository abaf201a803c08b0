import datetime

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kopofo.pages.models import StandardPage
from kopofo.scheduling.registry import PeriodicJob, periodic_jobs
from kopofo.scheduling.scheduler import Scheduler
from kopofo.scheduling.tasks import publish_scheduled_pages, purge_finished_task_results
from tests.factories import StandardPageFactory

from .example_tasks import every_hour, every_minute

MINUTE = datetime.timedelta(minutes=1)
HOUR = datetime.timedelta(hours=1)
JOBS = [PeriodicJob(every_minute, every=MINUTE), PeriodicJob(every_hour, every=HOUR)]


def short(names):
    return [name.rsplit(".", 1)[-1] for name in names]


def test_scheduled_job_publishes_a_page_whose_go_live_time_passed_a_minute_ago(home, run_worker):
    page = StandardPageFactory(parent=home, title="Einladung zur Mitgliederversammlung", live=False)
    # Approved for publication at a time that passed a minute ago; only the scheduler publishes it.
    page.go_live_at = timezone.now() - MINUTE
    page.save_revision(approved_go_live_at=page.go_live_at)
    assert not StandardPage.objects.get(pk=page.pk).live

    enqueued = Scheduler([PeriodicJob(publish_scheduled_pages, every=MINUTE)]).tick()
    tasks = run_worker()

    assert short(enqueued) == ["publish_scheduled_pages"]
    assert [task.status for task in tasks] == ["SUCCESSFUL"]
    assert StandardPage.objects.get(pk=page.pk).live


def test_scheduler_enqueues_each_job_only_when_it_is_due(db):
    scheduler = Scheduler(JOBS)
    start = timezone.now()

    first = scheduler.tick(start)
    after_half_a_minute = scheduler.tick(start + MINUTE / 2)
    after_a_minute = scheduler.tick(start + MINUTE)
    after_an_hour = scheduler.tick(start + HOUR)

    assert short(first) == ["every_minute", "every_hour"]
    assert after_half_a_minute == []
    assert short(after_a_minute) == ["every_minute"]
    assert short(after_an_hour) == ["every_minute", "every_hour"]
    assert DBTaskResult.objects.count() == 5


def test_a_restarted_scheduler_remembers_when_each_job_last_ran(db):
    start = timezone.now()
    Scheduler(JOBS).tick(start)

    restarted = Scheduler(JOBS)

    assert restarted.tick(start + MINUTE / 2) == []
    assert short(restarted.tick(start + MINUTE)) == ["every_minute"]


def test_two_schedulers_side_by_side_enqueue_each_due_job_once(db):
    old, new = Scheduler(JOBS), Scheduler(JOBS)
    start = timezone.now()

    enqueued = [
        *old.tick(start),
        *new.tick(start),
        *new.tick(start + MINUTE),
        *old.tick(start + MINUTE),
    ]

    assert short(enqueued) == ["every_minute", "every_hour", "every_minute"]
    assert DBTaskResult.objects.count() == 3


def test_the_apps_declare_their_periodic_jobs_beside_their_tasks():
    declared = {job.name: job.every for job in periodic_jobs()}

    # Known jobs, not the whole list: a new app adds its own without touching this test.
    assert declared["kopofo.scheduling.tasks.publish_scheduled_pages"] == MINUTE
    assert declared["kopofo.scheduling.tasks.requeue_tasks_of_dead_workers"] == MINUTE
    assert declared["kopofo.scheduling.tasks.purge_finished_task_results"] == HOUR
    assert declared["kopofo.contact.tasks.purge_contact_submissions"] == HOUR
    assert declared["kopofo.mail.tasks.purge_outgoing_mail"] == HOUR
    assert declared["kopofo.accounts.tasks.purge_expired_login_failures"] == HOUR


def test_finished_task_results_are_deleted_after_their_retention(db, settings, run_worker):
    settings.TASK_RESULT_RETENTION_DAYS = 7
    old, recent = every_minute.enqueue().id, every_hour.enqueue().id
    waiting = every_minute.enqueue().id
    run_worker()
    DBTaskResult.objects.filter(pk=waiting).update(status="READY", finished_at=None)
    DBTaskResult.objects.filter(pk=old).update(
        finished_at=timezone.now() - datetime.timedelta(days=8)
    )
    DBTaskResult.objects.filter(pk=recent).update(
        finished_at=timezone.now() - datetime.timedelta(days=6)
    )

    assert purge_finished_task_results.call() == 1

    assert sorted(map(str, DBTaskResult.objects.values_list("pk", flat=True))) == sorted(
        [recent, waiting]
    )
