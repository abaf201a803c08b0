import io
import json
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.page_types import PAGE_TYPES

# Transactional with the migrated data restored: it needs the page tree's root and the locale,
# which a transactional test run before it in the same process may have flushed away.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# npm's vnu-jar, pinned in package-lock.json and installed by `make test`.
VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_html_checker_errors(files):
    """The checker's errors, by file name; one Java start for all files."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    errors = {}
    for message in json.loads(result.stderr or "{}")["messages"]:
        name = Path(message.get("url", "")).stem
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine')}: {message['message']} "
            f"({message.get('extract', '').strip()[:100]})"
        )
    return errors


def test_every_page_type_passes_the_nu_html_checker(client, tmp_path):
    call_command("load_demo_content", force=True, stdout=io.StringIO())
    files = []
    for number, (name, (method, path)) in enumerate(PAGE_TYPES.items()):
        if method == "POST":
            response = client.post(path, {}, HTTP_SEC_FETCH_SITE="same-origin")
        else:
            response = client.get(path, follow=True)
        assert response.status_code in (200, 404), name
        file = tmp_path / f"{number:02}-{name.replace(' ', '_').replace(',', '')}.html"
        file.write_bytes(response.content)
        files.append(file)

    errors = nu_html_checker_errors(files)
    assert errors == {}, json.dumps(errors, indent=1, ensure_ascii=False)
