"""A migrated database knows only the site's own staff groups and approval workflow."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Task, Workflow

from kopofo.pages.staff import EDITORS, OFFICE, WORKFLOW_NAME

pytestmark = pytest.mark.django_db


def test_only_the_redaktion_and_the_geschaeftsstelle_are_groups():
    assert set(Group.objects.values_list("name", flat=True)) == {EDITORS, OFFICE}


def test_the_moderators_approval_workflow_and_its_task_are_gone():
    assert list(Workflow.objects.values_list("name", flat=True)) == [WORKFLOW_NAME]
    assert not Task.objects.filter(name="Moderators approval").exists()
