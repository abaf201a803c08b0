"""What production needs before it starts, and how the site answers foreign and second hosts.

The settings module is chosen once per process, so the production settings are checked in a
`manage.py` subprocess with an environment that holds nothing but what each test gives it.
"""

import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
REQUIRED = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "kopofo-nrw.de,www.kopofo-nrw.de",
    "WAGTAILADMIN_BASE_URL": "https://kopofo-nrw.de",
}


def manage(*args, env, tmp_path):
    clean_env = {
        "DJANGO_SETTINGS_MODULE": "kopofo.settings.production",
        # Never the developer's database: the checks must not depend on, or touch, its state.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
        "PYTHONDONTWRITEBYTECODE": "1",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", list(REQUIRED))
def test_production_refuses_to_start_without_a_required_variable_and_names_it(missing, tmp_path):
    env = {name: value for name, value in REQUIRED.items() if name != missing}

    result = manage("check", env=env, tmp_path=tmp_path)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"The environment variable {missing} must be set" in result.stderr


# The checks never connect, so an unreachable PostgreSQL will do: the URL's scheme alone decides
# which models Wagtail's search defines, and on PostgreSQL they need django.contrib.postgres.
@pytest.mark.parametrize(
    "database_url", ["", "postgres://kopofo@127.0.0.1:9/unreachable"], ids=["sqlite", "postgresql"]
)
def test_production_passes_the_deployment_checks_with_only_the_required_variables(
    database_url, tmp_path
):
    env = {**REQUIRED, **({"DATABASE_URL": database_url} if database_url else {})}

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env, tmp_path=tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("canonical_host", ["", "kopofo-nrw.test"])
def test_request_for_a_host_not_in_allowed_hosts_gets_400_not_500(
    client, home, settings, canonical_host
):
    settings.CANONICAL_HOST = canonical_host

    response = client.get("/", HTTP_HOST="evil.example")

    assert response.status_code == 400


def test_second_host_name_redirects_permanently_to_the_canonical_host_keeping_path_and_query(
    client, settings
):
    settings.CANONICAL_HOST = "kopofo-nrw.test"

    response = client.get("/ueber-uns/satzung/?seite=2&q=Wohnen", HTTP_HOST="www.kopofo-nrw.test")

    assert response.status_code == 301
    assert response["Location"] == "http://kopofo-nrw.test/ueber-uns/satzung/?seite=2&q=Wohnen"


def test_canonical_host_itself_is_served_without_a_redirect(client, home, settings):
    settings.CANONICAL_HOST = "kopofo-nrw.test"

    response = client.get("/", HTTP_HOST="kopofo-nrw.test")

    assert response.status_code == 200


HSTS_OF_A_PAGE = """
from django.test import Client
response = Client().get("/robots.txt", HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="kopofo-nrw.de")
print(response.status_code, response["Strict-Transport-Security"])
"""


@pytest.mark.parametrize(
    ("preload", "expected"),
    [
        (None, "max-age=31536000; includeSubDomains"),
        ("true", "max-age=31536000; includeSubDomains; preload"),
    ],
    ids=["default", "opted-in"],
)
def test_hsts_asks_for_the_preload_list_only_when_the_operator_opts_in(preload, expected, tmp_path):
    env = {**REQUIRED, **({"SECURE_HSTS_PRELOAD": preload} if preload else {})}

    result = manage("shell", "--no-imports", "-c", HSTS_OF_A_PAGE, env=env, tmp_path=tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == f"200 {expected}"
