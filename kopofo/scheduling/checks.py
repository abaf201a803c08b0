"""At start-up: every task of the project's own apps runs on the background backend."""

import inspect
from importlib import import_module

from django.conf import settings
from django.core import checks
from django.tasks import Task
from django.utils.module_loading import module_has_submodule

from kopofo.seams import project_app_configs


def project_task_modules():
    """The `tasks` module of every installed app that lives in this repository."""
    for app in project_app_configs():
        if module_has_submodule(app.module, "tasks"):
            yield import_module(f"{app.name}.tasks")


def misdeclared_tasks(modules):
    """Errors for each task defined in `modules` without `background_task()`."""
    from .registry import is_background_task

    errors = []
    for module in modules:
        for _name, declared in inspect.getmembers(module, lambda value: isinstance(value, Task)):
            if declared.func.__module__ != module.__name__:
                continue  # imported from elsewhere, checked there
            if declared.backend == settings.BACKGROUND_TASKS and is_background_task(declared):
                continue
            errors.append(
                checks.Error(
                    f"{declared.module_path} is not declared with "
                    "kopofo.scheduling.background_task().",
                    hint="A task on the immediate 'default' backend runs inside the request "
                    "that enqueues it. Declare it with @background_task().",
                    obj=declared.module_path,
                    id="scheduling.E001",
                )
            )
    return errors


@checks.register()
def check_project_tasks_run_in_the_background(app_configs=None, **kwargs):
    return misdeclared_tasks(project_task_modules())
