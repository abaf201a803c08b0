"""The editors write and submit; the office approves, and only then does a page go live."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowState
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from kopofo.pages.models import StandardPage
from kopofo.pages.staff import EDITORS, OFFICE, WORKFLOW_NAME, ensure_staff_groups
from tests.factories import STAFF_PASSWORD, StaffUserFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return StaffUserFactory(username="erika", group=EDITORS)


@pytest.fixture
def office_member(django_user_model):
    return StaffUserFactory(username="otto", group=OFFICE)


@pytest.fixture
def draft(home):
    return StandardPageFactory(
        parent=home, title="Seminar Haushaltsrecht", slug="seminar-haushaltsrecht", live=False
    )


def page_permissions(group):
    return set(
        GroupPagePermission.objects.filter(group=group, page__depth=1).values_list(
            "permission__codename", flat=True
        )
    )


def model_permissions(group):
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def edit_form_data(client, page, **changes):
    """What the browser posts from the edit form: its fields, with the editor's changes."""
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    # The stream field is built by JavaScript in the browser; post what it would send.
    data.update(
        nested_form_data(
            {"body": streamfield([("paragraph", rich_text("<p>Anmeldung bis Freitag.</p>"))])}
        )
    )
    data.update(changes)
    return data


def submit_for_approval(client, page, title):
    return client.post(
        f"/admin/pages/{page.pk}/edit/",
        edit_form_data(client, page, title=title, **{"action-submit": "1"}),
    )


def approve(client, page):
    task_state = page.current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
    )


def test_after_migrate_the_editors_may_write_but_only_the_office_may_publish():
    editors = Group.objects.get(name=EDITORS)
    office = Group.objects.get(name=OFFICE)

    assert page_permissions(editors) == {"add_page", "change_page"}
    assert page_permissions(office) == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    }
    assert ("wagtailadmin", "access_admin") in model_permissions(editors)
    assert model_permissions(office) >= {
        ("wagtailadmin", "access_admin"),
        ("pages", "change_contactsettings"),
        ("auth", "change_user"),
        ("wagtailredirects", "add_redirect"),
        ("django_tasks_database", "view_dbtaskresult"),
    }
    assert model_permissions(editors).isdisjoint(
        {("auth", "change_user"), ("django_tasks_database", "view_dbtaskresult")}
    )


def test_after_migrate_every_page_goes_through_the_office_for_approval():
    root = Page.get_first_root_node()

    workflow = root.get_workflow()

    assert workflow.name == WORKFLOW_NAME
    assert workflow.active
    [task] = [task.specific for task in workflow.tasks]
    assert isinstance(task, GroupApprovalTask)
    assert [group.name for group in task.groups.all()] == [OFFICE]


def test_running_the_setup_again_after_the_next_migrate_changes_nothing():
    counts = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        GroupApprovalTask.objects.count(),
        sum(group.permissions.count() for group in Group.objects.all()),
    )

    ensure_staff_groups()

    assert counts == (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        GroupApprovalTask.objects.count(),
        sum(group.permissions.count() for group in Group.objects.all()),
    )


def test_an_editor_logs_in_and_submits_a_page_but_cannot_publish_it(
    client,
    editor,
    office_member,
    draft,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
    run_worker,
):
    login = client.post(
        "/admin/login/", {"username": "erika", "password": STAFF_PASSWORD}, follow=True
    )
    edit_page = client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    data = edit_form_data(
        client, draft, title="Seminar Haushaltsrecht am 12. März", **{"action-submit": "1"}
    )

    with django_assert_max_num_queries(120), django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{draft.pk}/edit/", data)
    assert mail.outbox == []  # queued: the request does not wait for the mail server
    run_worker()

    assert login.redirect_chain == [("/admin/", 302)]
    assert "Seiten" in login.content.decode()
    assert 'name="action-submit"' in edit_page
    assert 'name="action-publish"' not in edit_page
    assert response.status_code == 302
    page = StandardPage.objects.get(pk=draft.pk)
    assert not page.live
    assert page.get_latest_revision_as_object().title == "Seminar Haushaltsrecht am 12. März"
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not page.permissions_for_user(editor).can_publish()
    # The office hears of it.
    [notice] = mail.outbox
    assert notice.to == [office_member.email]
    assert "zur Freigabe" in notice.subject


def test_an_editor_who_presses_publish_anyway_only_saves_a_draft(client, editor, draft):
    client.force_login(editor)

    response = client.post(
        f"/admin/pages/{draft.pk}/edit/",
        edit_form_data(client, draft, title="Sofort online!", **{"action-publish": "1"}),
    )

    page = StandardPage.objects.get(pk=draft.pk)
    assert response.status_code == 302
    assert not page.live
    assert page.get_latest_revision_as_object().title == "Sofort online!"
    assert page.current_workflow_state is None
    assert Client().get("/seminar-haushaltsrecht/").status_code == 404


def test_while_the_office_reviews_a_page_the_editor_can_neither_change_nor_approve_it(
    client, editor, draft
):
    client.force_login(editor)
    submit_for_approval(client, draft, "Seminar Haushaltsrecht am 12. März")

    change = client.post(
        f"/admin/pages/{draft.pk}/edit/",
        edit_form_data(client, draft, title="Sofort online!", **{"action-publish": "1"}),
    )
    approval = approve(client, StandardPage.objects.get(pk=draft.pk))

    page = StandardPage.objects.get(pk=draft.pk)
    assert "da sie gesperrt ist" in " ".join(str(message) for message in change.context["messages"])
    assert (approval.status_code, approval.url) == (302, "/admin/")  # Wagtail's "no access"
    assert not page.live
    assert page.get_latest_revision_as_object().title == "Seminar Haushaltsrecht am 12. März"
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_the_office_approves_a_submitted_page_and_it_goes_live(
    client,
    editor,
    office_member,
    draft,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
    run_worker,
):
    client.force_login(editor)
    submit_for_approval(client, draft, "Seminar Haushaltsrecht am 12. März")
    office = Client()
    office.force_login(office_member)

    with django_assert_max_num_queries(30):
        dashboard = office.get("/admin/")
    awaiting_review = BeautifulSoup(dashboard.content, "html.parser").find(
        attrs={"aria-labelledby": "awaiting-review-heading"}
    )
    with django_assert_max_num_queries(105), django_capture_on_commit_callbacks(execute=True):
        response = approve(office, StandardPage.objects.get(pk=draft.pk))
    run_worker()

    assert "Seminar Haushaltsrecht am 12. März" in awaiting_review.get_text()
    assert response.status_code == 302
    page = StandardPage.objects.get(pk=draft.pk)
    assert page.live
    assert page.title == "Seminar Haushaltsrecht am 12. März"
    assert page.current_workflow_state is None
    assert WorkflowState.objects.for_instance(page).get().status == WorkflowState.STATUS_APPROVED
    public = Client().get(page.url)
    assert public.status_code == 200
    assert "Seminar Haushaltsrecht am 12. März" in public.content.decode()
    # The editor hears that the page is online.
    assert [message.to for message in mail.outbox][-1] == [editor.email]
    assert "freigegeben" in mail.outbox[-1].subject
