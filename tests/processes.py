"""Real processes of the site (workers, schedulers, gunicorn) against the test database.

Shared by the worker tests and the deployment smoke test.
"""

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

POLL_INTERVAL = 0.1
# Environment variables the processes may inherit; everything else they get is set by the test,
# so a developer's EMAIL_BACKEND or CANONICAL_HOST can't change what the test sees.
PASSED_THROUGH = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")


def database_url_of_the_test_database():
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = db["HOST"] or "127.0.0.1"
    port = db["PORT"] or "5432"
    return f"postgres://{credentials}@{host}:{port}/{quote(db['NAME'], safe='')}"


def production_environment(**extra):
    env = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="kopofo.settings.production",
        SECRET_KEY="process-test-secret-key-with-enough-length-and-entropy-0123456789",
        ALLOWED_HOSTS="127.0.0.1",
        WAGTAILADMIN_BASE_URL="http://127.0.0.1",
        DATABASE_URL=database_url_of_the_test_database(),
        # Said out loud rather than left to the default: tests read mails from the output.
        EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
        PYTHONUNBUFFERED="1",
        **shared_cache_environment(),
    )
    env.update(extra)
    return env


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    stdout: Path
    stderr: Path

    def report(self):
        tails = [
            f"--- {self.name} {log.name} ---\n"
            + "\n".join(log.read_text(errors="replace").splitlines()[-30:])
            for log in (self.stdout, self.stderr)
        ]
        return f"=== {self.name}, exit code {self.popen.poll()} ===\n" + "\n".join(tails)

    def kill(self):
        """SIGKILL: no clean-up, no goodbye, as when the kernel's OOM killer strikes."""
        self.popen.send_signal(signal.SIGKILL)
        self.popen.wait(timeout=10)

    def stop(self, timeout=10):
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()


def start_process(name, command, *, env, tmp_path, kind=Process):
    """Start `command` in the project in a session of its own, its output going to files.

    Files, not pipes: nobody has to keep reading them for the process to go on writing.
    """
    stdout, stderr = tmp_path / f"{name}.stdout", tmp_path / f"{name}.stderr"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        popen = subprocess.Popen(
            command,
            cwd=settings.BASE_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
    return kind(name, popen, stdout, stderr)


def start_manage(name, *arguments, env, tmp_path):
    return start_process(
        name, [sys.executable, "manage.py", *arguments], env=env, tmp_path=tmp_path
    )


def wait_for(condition, *, timeout, failure):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(POLL_INTERVAL)
    pytest.fail(failure())


def shared_cache_environment():
    """The environment that gives another process this test's cache (files or Redis).

    The page cache's generation lives there: a process with a cache of its own would keep
    serving pages this test has changed, or pages of an earlier run.
    """
    cache = settings.CACHES["default"]
    if cache["BACKEND"].endswith("RedisCache"):
        return {"REDIS_URL": cache["LOCATION"]}
    return {"CACHE_DIR": str(cache["LOCATION"])}
