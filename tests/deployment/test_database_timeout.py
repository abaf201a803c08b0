"""A database that accepts the connection and never answers gives the German error page quickly.

The production settings are loaded in a `manage.py shell` subprocess (the settings module is
chosen once per process) whose DATABASE_URL names a socket of this test: it listens, so the
kernel accepts the connection, and never says a word.
"""

import json
import secrets
import socket
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CONNECT_TIMEOUT = 2  # seconds; psycopg's smallest
# Starting Django takes a few seconds of its own; gunicorn would kill the request after 30.
MARGIN = 3

REQUEST_THE_SITE = """
import json, time
from django.test import Client
browser = Client(raise_request_exception=False)
answers = {}
for path in ["/", "/healthz/"]:
    started = time.monotonic()
    response = browser.get(path)
    answers[path] = [response.status_code, time.monotonic() - started, response.content.decode()]
print(json.dumps(answers))
"""


@pytest.fixture
def silent_database():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        # Never accepted: the kernel completes the handshake for the backlog, nothing answers.
        listener.listen(8)
        yield f"postgres://kopofo@127.0.0.1:{listener.getsockname()[1]}/kopofo"


def test_a_silent_database_gives_the_german_error_page_within_the_connect_timeout(
    silent_database, tmp_path
):
    env = {
        "DJANGO_SETTINGS_MODULE": "kopofo.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "testserver",
        "WAGTAILADMIN_BASE_URL": "https://kopofo-nrw.de",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": silent_database,
        "DATABASE_CONNECT_TIMEOUT": str(CONNECT_TIMEOUT),
        "PYTHONDONTWRITEBYTECODE": "1",
        "LOG_LEVEL": "CRITICAL",
    }

    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", REQUEST_THE_SITE],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    for path, (status, seconds, html) in answers.items():
        assert status == 500, path
        assert "Da ist etwas schiefgegangen" in html, path
        assert CONNECT_TIMEOUT - 0.5 < seconds < CONNECT_TIMEOUT + MARGIN, (path, seconds)
