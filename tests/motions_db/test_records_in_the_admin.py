"""The Redaktion keeps the Datenbank's records in the admin; the search follows every change."""

import datetime

import pytest
from django.urls import reverse

from motions_db.models import Paper, SearchEntry
from tests.factories import (
    BodyFactory,
    OrganizationFactory,
    PaperFactory,
    ParliamentaryGroupFactory,
    TopicFactory,
)

from .admin_forms import edit_form

pytestmark = pytest.mark.django_db

LIST = reverse("wagtailsnippets_motions_db_paper:list")


def listed_titles(response):
    return {paper.title for paper in response.context["object_list"]}


def bulk_url(action, papers):
    ids = "&".join(f"id={paper.pk}" for paper in papers)
    url = reverse("wagtail_bulk_action", args=("motions_db", "paper", action))
    return f"{url}?{ids}&next={LIST}"


def test_the_list_shows_title_kind_source_date_and_state(editor_client):
    PaperFactory(title="Sozialticket für alle", kind=Paper.Kind.INQUIRY)
    response = editor_client.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sozialticket für alle" in html
    assert "Anfrage" in html
    assert "Fraktion DIE LINKE. im Rat der Stadt Bochum" in html
    assert "Datenbankeinträge" in html


def test_the_list_takes_a_fixed_number_of_queries(editor_client, django_assert_max_num_queries):
    PaperFactory.create_batch(3)
    editor_client.get(LIST)
    with django_assert_max_num_queries(30) as few:
        editor_client.get(LIST)
    PaperFactory.create_batch(20, group=ParliamentaryGroupFactory(name="DIE LINKE+"))
    with django_assert_max_num_queries(len(few)):
        editor_client.get(LIST)


def test_the_list_filters_by_kind_topic_place_group_year_state_and_outcome(editor_client):
    mobility = TopicFactory(name="Mobilität")
    wesel = BodyFactory(name="Kreis Wesel", kind="kreis", ruhr_area=True)
    moers = BodyFactory(name="Moers", kind="stadt", district=wesel)
    moers_group = ParliamentaryGroupFactory(organization=OrganizationFactory(body=moers))
    ticket = PaperFactory(
        title="Sozialticket",
        kind=Paper.Kind.INQUIRY,
        topics=[mobility],
        group=moers_group,
        date=datetime.date(2024, 5, 1),
        outcome=Paper.Outcome.ANSWERED,
    )
    draft = PaperFactory(title="Entwurf", live=False, date=datetime.date(2025, 1, 1))
    other = PaperFactory(title="Haushalt", date=datetime.date(2025, 2, 1))

    assert listed_titles(editor_client.get(LIST, {"kind": "anfrage"})) == {ticket.title}
    assert listed_titles(editor_client.get(LIST, {"topic": mobility.pk})) == {ticket.title}
    # A Kreis stands for its towns.
    assert listed_titles(editor_client.get(LIST, {"body": wesel.pk})) == {ticket.title}
    assert listed_titles(editor_client.get(LIST, {"group": moers_group.pk})) == {ticket.title}
    assert listed_titles(editor_client.get(LIST, {"year": 2025})) == {draft.title, other.title}
    in_range = {"date_from": "2025-01-15", "date_to": "2025-12-31"}
    assert listed_titles(editor_client.get(LIST, in_range)) == {other.title}
    assert listed_titles(editor_client.get(LIST, {"live": "false"})) == {draft.title}
    assert listed_titles(editor_client.get(LIST, {"outcome": "beantwortet"})) == {ticket.title}


def test_staff_find_a_record_by_title_or_drucksache(editor_client):
    PaperFactory(title="Kitagebühren abschaffen", reference="DS 0815/2026")
    PaperFactory(title="Haushalt 2026")
    assert listed_titles(editor_client.get(LIST, {"q": "kitagebühren"})) == {
        "Kitagebühren abschaffen"
    }
    assert listed_titles(editor_client.get(LIST, {"q": "0815"})) == {"Kitagebühren abschaffen"}


def test_bulk_unpublish_and_publish_take_the_records_out_of_the_search_and_back(
    editor_client, django_capture_on_commit_callbacks
):
    papers = PaperFactory.create_batch(2)
    kept = PaperFactory()
    assert SearchEntry.objects.count() == 3

    confirmation = editor_client.get(bulk_url("unpublish", papers))
    assert confirmation.status_code == 200
    assert "Diese Einträge verschwinden von der Website" in confirmation.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(bulk_url("unpublish", papers), follow=True)
    assert "2 Einträge nicht mehr veröffentlicht." in response.content.decode()
    assert not Paper.objects.filter(pk__in=[p.pk for p in papers], live=True).exists()
    assert list(SearchEntry.objects.values_list("paper_id", flat=True)) == [kept.pk]

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(bulk_url("publish", papers), follow=True)
    assert "2 Einträge veröffentlicht." in response.content.decode()
    assert SearchEntry.objects.count() == 3


def test_the_office_may_delete_records_in_bulk_and_their_entries_go_with_them(office_client):
    papers = PaperFactory.create_batch(2)
    response = office_client.post(bulk_url("delete", papers))
    assert response.status_code == 302
    assert not Paper.objects.exists()
    assert not SearchEntry.objects.exists()


def test_the_redaktion_may_not_delete_records(editor_client):
    paper = PaperFactory()
    editor_client.post(bulk_url("delete", [paper]))
    assert Paper.objects.filter(pk=paper.pk).exists()


def test_the_office_keeps_the_lists_of_kommunen_gremien_and_fraktionen(office_client):
    wesel = BodyFactory(name="Kreis Wesel", kind="kreis")
    BodyFactory(name="Moers", kind="stadt", district=wesel)
    kreistag = OrganizationFactory(body=wesel, name="Kreistag Wesel")
    ParliamentaryGroupFactory(name="DIE LINKE & PIRATEN", organization=kreistag)
    bodies = office_client.get(reverse("wagtailsnippets_motions_db_body:list"), {"q": "moers"})
    assert [body.name for body in bodies.context["object_list"]] == ["Moers"]
    organizations = office_client.get(
        reverse("wagtailsnippets_motions_db_organization:list"), {"body": wesel.pk}
    )
    assert [o.name for o in organizations.context["object_list"]] == ["Kreistag Wesel"]
    groups = office_client.get(
        reverse("wagtailsnippets_motions_db_parliamentarygroup:list"), {"q": "piraten"}
    )
    assert [str(group) for group in groups.context["object_list"]] == [
        "Fraktion DIE LINKE & PIRATEN im Kreistag Wesel"
    ]
    assert office_client.get(reverse("wagtailsnippets_motions_db_body:add")).status_code == 200


def test_the_redaktion_sees_the_lists_but_may_not_change_them(editor_client):
    body = BodyFactory()
    assert editor_client.get(reverse("wagtailsnippets_motions_db_body:list")).status_code == 200
    edit = reverse("wagtailsnippets_motions_db_body:edit", args=(body.pk,))
    assert editor_client.get(edit).status_code == 302


def test_saving_a_record_in_the_admin_rewrites_its_search_entry(
    editor_client, django_capture_on_commit_callbacks
):
    paper = PaperFactory(title="Sozialticket")
    url = reverse("wagtailsnippets_motions_db_paper:edit", args=(paper.pk,))
    form = edit_form(paper, title="Sozialticket für alle", kind=Paper.Kind.INQUIRY)
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url, form).status_code == 302
    assert SearchEntry.objects.get(paper=paper).kind == Paper.Kind.INQUIRY

    unpublished = edit_form(paper, title="Sozialticket für alle")
    del unpublished["live"]
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url, unpublished).status_code == 302
    assert not SearchEntry.objects.filter(paper=paper).exists()


def test_staff_learn_when_only_the_beginning_of_a_record_is_searchable(editor_client):
    long = PaperFactory(text="Haushalt " * 30_000)
    short = PaperFactory()
    long.refresh_from_db()
    assert long.search_truncated

    def edit_page(paper):
        url = reverse("wagtailsnippets_motions_db_paper:edit", args=(paper.pk,))
        return editor_client.get(url).content.decode()

    assert "Nur die ersten 200.000 Zeichen sind durchsuchbar" in edit_page(long)
    assert "Nur die ersten 200.000 Zeichen sind durchsuchbar" not in edit_page(short)
