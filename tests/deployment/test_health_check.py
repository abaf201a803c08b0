"""The compose health check, exactly as docker-compose.yml states it, against production gunicorn.

It asks for http://localhost:8000/healthz/ over plain HTTP, while production lists only the
public host names in ALLOWED_HOSTS, redirects HTTP to HTTPS and may send other hosts to the
canonical one: the container must still become healthy.
"""

import json
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
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30  # seconds for gunicorn to listen
# Seconds for its worker to load Django and answer: gunicorn listens before the worker has
# imported the project, which takes seconds on a busy CI machine. Compose first checks a
# started container after its interval (30 s), so the check below meets a worker that is up.
WORKER_READY_TIMEOUT = 90
POLL_INTERVAL = 0.1


def compose_health_check_command(service):
    """The `test:` of a service's healthcheck in docker-compose.yml (a JSON-style list there)."""
    compose = (PROJECT_ROOT / "docker-compose.yml").read_text()
    service_block = compose.split(f"\n  {service}:\n", 1)[1].split("\n\n", 1)[0]
    return json.loads(re.search(r"^\s+test: (\[.*\])$", service_block, re.MULTILINE).group(1))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def production_gunicorn(tmp_path):
    """`make serve-production` with production settings and public host names only."""
    port = free_port()
    env = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="kopofo.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="kopofo-nrw.de,www.kopofo-nrw.de",
        CANONICAL_HOST="kopofo-nrw.de",
        WAGTAILADMIN_BASE_URL="https://kopofo-nrw.de",
        # The health check needs a database that answers, not one with tables.
        DATABASE_URL=f"sqlite:///{tmp_path / 'health.sqlite3'}",
        PYTHONUNBUFFERED="1",
    )
    venv = sys.prefix
    make = ["make", "--no-print-directory", "-s", "-o", f"{venv}/.installed", f"VENV={venv}"]
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as output:
        popen = subprocess.Popen(
            [*make, "serve-production", "HOST=127.0.0.1", f"PORT={port}", "WEB_CONCURRENCY=1"],
            cwd=PROJECT_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            assert popen.poll() is None, log.read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not listen\n" + log.read_text()
                time.sleep(POLL_INTERVAL)
        wait_until_the_worker_answers(port, popen, log)
        yield port, log
    finally:
        os.killpg(popen.pid, signal.SIGTERM)
        popen.wait(timeout=20)


def wait_until_the_worker_answers(port, popen, log):
    """Any HTTP answer, even a refusal, means the worker has loaded the project."""
    deadline = time.monotonic() + WORKER_READY_TIMEOUT
    while True:
        assert popen.poll() is None, log.read_text()
        try:
            url = f"http://127.0.0.1:{port}/healthz/"
            urllib.request.urlopen(url, timeout=WORKER_READY_TIMEOUT)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            assert time.monotonic() < deadline, "no answer from gunicorn\n" + log.read_text()
            time.sleep(POLL_INTERVAL)


def test_the_compose_health_check_passes_against_the_production_settings(production_gunicorn):
    port, log = production_gunicorn
    kind, python, *arguments = compose_health_check_command("web")
    assert (kind, python) == ("CMD", "python")
    # The one change: the port gunicorn listens on here.
    arguments = [argument.replace("localhost:8000", f"localhost:{port}") for argument in arguments]

    check = subprocess.run([sys.executable, *arguments], capture_output=True, text=True, timeout=30)

    assert check.returncode == 0, check.stderr + log.read_text()
    assert "Control socket" not in log.read_text()


def test_a_foreign_host_still_gets_400_outside_the_health_check(production_gunicorn):
    port, _ = production_gunicorn
    request = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Host": "localhost"})

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)

    assert refused.value.code == 400
