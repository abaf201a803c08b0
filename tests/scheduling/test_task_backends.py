"""No task of the project can quietly run on the immediate "default" backend."""

from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.tasks import Task

from kopofo.scheduling.checks import check_project_tasks_run_in_the_background, misdeclared_tasks
from kopofo.scheduling.registry import is_background_task

from . import example_tasks
from . import misdeclared_tasks as misdeclared_module


def tasks_of_the_project():
    """Every Task in the tasks module of every installed app of this repository."""
    found = []
    for app in apps.get_app_configs():
        path = Path(app.path).resolve()
        if not path.is_relative_to(settings.BASE_DIR) or "site-packages" in path.parts:
            continue
        try:
            module = import_module(f"{app.name}.tasks")
        except ModuleNotFoundError:
            continue
        found += [value for value in vars(module).values() if isinstance(value, Task)]
    return found


def test_every_task_of_the_project_runs_on_the_background_backend():
    tasks = tasks_of_the_project()

    assert "kopofo.contact.tasks.purge_contact_submissions" in [t.module_path for t in tasks]
    assert "kopofo.mail.tasks.deliver_mail" in [t.module_path for t in tasks]
    for declared in tasks:
        assert declared.backend == settings.BACKGROUND_TASKS, declared.module_path
        assert is_background_task(declared), f"{declared.module_path} has no retry policy"


def test_the_start_up_check_passes_the_project_and_names_a_task_declared_with_plain_task():
    assert check_project_tasks_run_in_the_background() == []
    assert misdeclared_tasks([example_tasks]) == []

    [error] = misdeclared_tasks([misdeclared_module])

    assert error.id == "scheduling.E001"
    assert error.obj == "tests.scheduling.misdeclared_tasks.send_reminders"
