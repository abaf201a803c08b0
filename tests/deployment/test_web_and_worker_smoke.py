"""The production processes, started the way compose starts them, against the test database.

The web process is `make serve-production` (gunicorn) and the workers are `make worker` and
`make mail-worker` (the database task workers), each with kopofo.settings.production and only the
environment production gets. They are separate processes, so everything they should see is
committed first.
"""

import email
import email.policy
import io
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kopofo.contact import services
from kopofo.contact.models import ContactPage
from kopofo.mail.models import OutgoingMail
from kopofo.pages.demo import WELCOME
from kopofo.pages.models import NewsPage
from kopofo.scheduling.tasks import publish_scheduled_pages
from tests.processes import (
    POLL_INTERVAL,
    Process,
    production_environment,
    start_process,
    wait_for,
)

# Transactional, so the processes see the demo content. Its flush afterwards would also take
# what Wagtail's migrations created (root page, default site); serialized_rollback restores it.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

START_TIMEOUT = 30  # seconds for gunicorn to answer /healthz/
MAIL_TIMEOUT = 30  # seconds for the worker to pick up the task and print the mail
STOP_TIMEOUT = 10  # seconds for a process group to end on SIGTERM before it is killed
# Django's console mail backend ends every message it prints with this line.
CONSOLE_MAIL_SEPARATOR = "-" * 79 + "\n"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class MakeProcess(Process):
    """A `make` target's process group: gunicorn and its workers, or a worker."""

    def printed_mails(self):
        """The mails the console backend wrote to stdout, one per separator line it ends with."""
        printed = self.stdout.read_text()
        return [
            email.message_from_string(text.lstrip(), policy=email.policy.default)
            for text in printed.split(CONSOLE_MAIL_SEPARATOR)[:-1]
        ]

    def stop(self):
        # `make` runs in a session of its own: the signal reaches gunicorn and all its workers too.
        try:
            os.killpg(self.popen.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + STOP_TIMEOUT
        while time.monotonic() < deadline:
            try:
                os.killpg(self.popen.pid, 0)
            except ProcessLookupError:
                break
            self.popen.poll()  # reap make, or the group never empties
            time.sleep(POLL_INTERVAL)
        else:
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=STOP_TIMEOUT)


@dataclass
class Deployment:
    url: str
    web: MakeProcess
    worker: MakeProcess
    mail_worker: MakeProcess

    def get(self, path):
        status, _headers, body = self.fetch(path)
        return status, body

    def fetch(self, path):
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode(errors="replace")

    def report(self):
        return "\n".join(process.report() for process in self.processes)

    @property
    def processes(self):
        return (self.web, self.worker, self.mail_worker)

    def assert_running(self):
        for process in self.processes:
            if process.popen.poll() is not None:
                pytest.fail(f"the {process.name} process ended early\n{self.report()}")


@pytest.fixture
def demo_site():
    call_command("load_demo_content", force=True, stdout=io.StringIO())


@pytest.fixture
def deployment(demo_site, tmp_path):
    port = free_port()
    env = production_environment(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        # No TLS proxy in front here; in production it sets X-Forwarded-Proto.
        SECURE_SSL_REDIRECT="false",
        # The demo image's original was stored here by this test; renditions go next to it.
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        SERVE_MEDIA="true",
    )
    venv = sys.prefix
    # -o: never reinstall the project from inside a test, even when pyproject.toml is newer.
    make = ["make", "--no-print-directory", "-s", "-o", f"{venv}/.installed", f"VENV={venv}"]

    # The manifest storage refuses to render {% static %} for files collectstatic hasn't seen.
    collected = subprocess.run(
        [f"{venv}/bin/python", "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert collected.returncode == 0, collected.stderr

    def start(name, *target):
        return start_process(name, [*make, *target], env=env, tmp_path=tmp_path, kind=MakeProcess)

    processes = []
    try:
        processes.append(start("web", "serve-production", "HOST=127.0.0.1", f"PORT={port}"))
        processes.append(start("worker", "worker"))
        processes.append(start("mail-worker", "mail-worker"))
        deployment = Deployment(f"http://127.0.0.1:{port}", *processes)

        def web_is_healthy():
            deployment.assert_running()
            try:
                return deployment.get("/healthz/")[0] == 200
            except OSError:  # not listening yet
                return False

        # The same question compose's healthcheck asks.
        wait_for(
            web_is_healthy,
            timeout=START_TIMEOUT,
            failure=lambda: (
                f"gunicorn did not answer /healthz/ within {START_TIMEOUT}s\n" + deployment.report()
            ),
        )
        yield deployment
    finally:
        # Before the test's flush: it would wait for the worker's locks, and the test database
        # can't be dropped while these processes hold connections to it.
        for process in processes:
            process.stop()


def test_web_serves_the_site_and_the_worker_mails_a_contact_message_to_the_office(deployment):
    status, home = deployment.get("/")
    assert status == 200, deployment.report()
    assert f"<h1>{WELCOME}</h1>" in home
    # WhiteNoise serves the collected, hashed stylesheet the page names.
    stylesheet = re.search(r'<link rel="stylesheet" href="(/static/[^"]+)"', home)
    assert stylesheet, "the home page names no stylesheet under /static/"
    assert deployment.get(stylesheet[1])[0] == 200, deployment.report()
    status, news = deployment.get("/aktuelles/")
    assert status == 200, deployment.report()
    assert "Unsere neue Website" in news

    contact_page = ContactPage.objects.get()
    form = contact_page.get_form(
        {
            "name": "Erika Muster",
            "e_mail": "erika@example.org",
            "nachricht": "Bitte schickt mir das Programm der Herbstseminare.",
            "datenschutz_einwilligung": "on",
        },
        page=contact_page,
        user=AnonymousUser(),
    )
    assert form.is_valid(), form.errors
    submission = services.submit_message(contact_page, form, sender="203.0.113.7")

    task = DBTaskResult.objects.get(task_path="kopofo.mail.tasks.deliver_mail")
    # The task holds the outbox row's id; the addresses wait in the outbox until delivered.
    queued_mail = OutgoingMail.objects.get()
    assert task.args_kwargs["args"] == [queued_mail.pk]
    assert queued_mail.content["reply_to"] == ["erika@example.org"]
    assert submission.get_data()["e_mail"] == "erika@example.org"

    def task_finished():
        deployment.assert_running()
        task.refresh_from_db()
        return task.finished_at is not None

    wait_for(
        task_finished,
        timeout=MAIL_TIMEOUT,
        failure=lambda: (
            f"the worker did not finish the task within {MAIL_TIMEOUT}s\n" + deployment.report()
        ),
    )
    assert task.status == TaskResultStatus.SUCCESSFUL, f"{task.traceback}\n{deployment.report()}"
    [mail] = deployment.mail_worker.printed_mails()
    assert mail["Subject"] == "Nachricht über das Kontaktformular"
    assert mail["To"] == "buero@kopofo-nrw.de"
    assert mail["Reply-To"] == "erika@example.org"
    assert "Nachricht: Bitte schickt mir das Programm der Herbstseminare." in mail.get_content()
    assert deployment.worker.printed_mails() == []
    queued_mail.refresh_from_db()
    assert (queued_mail.status, queued_mail.content) == ("sent", None)


def test_the_web_process_shows_a_publish_by_another_process_on_the_next_request(deployment):
    """Staff publish in one process, the scheduler's job in the worker: gunicorn's cache follows."""
    news = NewsPage.objects.live().get(slug="neue-website-des-kopofo-nrw")
    path = news.url

    # The demo content queued work (the programmes' PDFs, whose builds start a new generation of
    # the page cache): once the worker is through with it, only this test changes content.
    def queue_worked_off():
        deployment.assert_running()
        running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
        return not DBTaskResult.objects.ready().exists() and not running.exists()

    wait_for(queue_worked_off, timeout=MAIL_TIMEOUT, failure=deployment.report)
    for expected in ("miss", "hit"):
        status, headers, _body = deployment.fetch(path)
        assert (status, headers["X-Cache"]) == (200, expected), deployment.report()

    # Published here, in the test's process, as an editor's request would.
    news.title = "Die neue Website ist online"
    news.save_revision().publish()

    status, headers, body = deployment.fetch(path)
    assert "Die neue Website ist online" in body, deployment.report()
    assert headers["X-Cache"] == "miss"

    # Scheduled, then published by the worker process running the scheduler's job.
    news.title = "Zur Rehabilitierung der Stadt"
    news.save_revision(approved_go_live_at=timezone.now() - timedelta(seconds=1))
    assert "Zur Rehabilitierung" not in deployment.get(path)[1]
    job = DBTaskResult.objects.get(pk=publish_scheduled_pages.enqueue().id)

    # Not the revision's go-live date: Wagtail clears it before it saves the page. The task is
    # finished once everything it did is committed (and the page cache told).
    def finished():
        deployment.assert_running()
        job.refresh_from_db()
        return job.finished_at is not None

    wait_for(finished, timeout=MAIL_TIMEOUT, failure=deployment.report)
    assert job.status == TaskResultStatus.SUCCESSFUL, f"{job.traceback}\n{deployment.report()}"
    assert NewsPage.objects.get(pk=news.pk).title == "Zur Rehabilitierung der Stadt"
    assert "Zur Rehabilitierung der Stadt" in deployment.get(path)[1], deployment.report()
