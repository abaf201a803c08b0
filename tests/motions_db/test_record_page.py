"""A record's page: everything about it, what is related, and a fixed number of queries."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from motions_db.models import Attachment, Paper
from tests.factories import (
    BodyFactory,
    ImageFactory,
    OrganizationFactory,
    PaperFactory,
    ParliamentaryGroupFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def kreis_wesel_group(town):
    wesel = BodyFactory(name="Kreis Wesel", kind="kreis")
    body = BodyFactory(name=town, kind="stadt", district=wesel)
    return ParliamentaryGroupFactory(organization=OrganizationFactory(body=body))


def full_paper(**kwargs):
    paper = PaperFactory(
        kind=Paper.Kind.MOTION,
        title="Sozialticket für alle",
        date=datetime.date(2026, 3, 2),
        reference="DS 0815/2026",
        teaser="Die Fraktion beantragt ein Sozialticket.",
        text="Der Rat möge beschließen:\n\nEin Sozialticket für 29 Euro.\nAb sofort.",
        authors="Anna Beispiel, Ben Muster",
        outcome=Paper.Outcome.ADOPTED,
        source_url="https://ris.example.org/vorlage/0815",
        **kwargs,
    )
    attachment = Attachment(paper=paper, title="Antrag als PDF")
    attachment.file.save("antrag.pdf", ContentFile(b"%PDF-1.4\n" + b"x" * 1_200_000))
    return paper


def test_the_record_page_shows_the_record_with_its_facts(client, home):
    mobility = TopicFactory(name="Verkehr")
    paper = full_paper(topics=[mobility], image=ImageFactory(credit="Foto: Fraktion"))
    response = client.get(paper.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "Fraktion DIE LINKE. im Rat der Stadt Bochum",
        "<h1>Sozialticket für alle</h1>",
        "2. März 2026",
        "DS 0815/2026",
        "Rat der Stadt Bochum",
        "Anna Beispiel, Ben Muster",
        "angenommen",
        '<p class="lead">Die Fraktion beantragt ein Sozialticket.</p>',
        "<p>Der Rat möge beschließen:</p>",
        "<p>Ein Sozialticket für 29 Euro.<br>Ab sofort.</p>",
        "Antrag als PDF</a> (PDF, 1,2 MB)",
        'href="https://ris.example.org/vorlage/0815" rel="external noopener">Zum Original im '
        "Ratsinformationssystem</a>",
        'href="/themen/verkehr/"',
        "Foto: Fraktion",
        f'value="http://testserver/datenbank/{paper.pk}/"',
        'href="/datenbank/">Datenbank</a>',
    ]:
        assert text in html


def test_related_records_share_topic_and_kreis_first_then_topic_then_kreis_newest_first(
    client, home
):
    mobility, housing = TopicFactory(name="Verkehr"), TopicFactory(name="Wohnen")
    moers = kreis_wesel_group("Moers")
    paper = PaperFactory(title="Bus", topics=[mobility], group=moers)
    dinslaken = kreis_wesel_group("Dinslaken")
    bochum = ParliamentaryGroupFactory()

    def on(day, **kwargs):
        return PaperFactory(date=datetime.date(2025, 1, day), **kwargs)

    both_old = on(1, title="Beides alt", topics=[mobility], group=dinslaken)
    both_new = on(2, title="Beides neu", topics=[mobility, housing], group=moers)
    topic = on(9, title="Nur Thema", topics=[mobility], group=bochum)
    region = on(10, title="Nur Kreis", topics=[housing], group=dinslaken)
    on(11, title="Nichts gemein", topics=[housing], group=bochum)
    on(12, title="Unveröffentlicht", topics=[mobility], group=moers, live=False)
    for n in range(3):
        on(3 + n, title=f"Mehr Kreis {n}", group=moers)

    related = Paper.objects.related_to(paper, topic_ids=[mobility.pk])
    assert [p.title for p in related] == [
        both_new.title,
        both_old.title,
        topic.title,
        region.title,
        "Mehr Kreis 2",
        "Mehr Kreis 1",
        "Mehr Kreis 0",
    ]
    html = client.get(paper.url).content.decode()
    assert "Verwandte Einträge" in html
    assert html.count('<article class="teaser') == 5
    assert "Nichts gemein" not in html and "Unveröffentlicht" not in html


def test_the_record_page_takes_a_fixed_number_of_queries(
    client, home, django_assert_max_num_queries
):
    mobility = TopicFactory(name="Verkehr")
    paper = full_paper(topics=[mobility], image=ImageFactory())
    client.get(paper.url)
    with django_assert_max_num_queries(40) as few:
        client.get(paper.url)
    paper.topics.add(*[TopicFactory(name=f"Thema {n}") for n in range(5)])
    for n in range(3):
        attachment = Attachment(paper=paper, title=f"Anlage {n}")
        attachment.file.save("anlage.pdf", ContentFile(b"%PDF-1.4\n"))
    PaperFactory.create_batch(8, topics=[mobility], image=ImageFactory())
    client.get(paper.url)
    with django_assert_max_num_queries(len(few)):
        response = client.get(paper.url)
    assert response.content.decode().count('<article class="teaser') == 5


def test_an_unknown_or_unpublished_record_is_not_found_and_a_wrong_slug_moves(client, home):
    paper = PaperFactory(title="Sozialticket")
    hidden = PaperFactory(live=False)
    assert client.get(f"/datenbank/{paper.pk + 1000}/sozialticket/").status_code == 404
    assert client.get(hidden.url).status_code == 404
    response = client.get(f"/datenbank/{paper.pk}/alter-titel/")
    assert (response.status_code, response["Location"]) == (301, paper.url)
    response = client.get(f"/datenbank/{paper.pk}/")
    assert (response.status_code, response["Location"]) == (301, paper.url)


def test_the_print_style_keeps_the_address_and_drops_the_navigation():
    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text(encoding="utf-8")
    print_rules = css[css.index("/* Datenbank: a record's page. */") :]
    assert "@media print" in print_rules
    assert ".paper__permalink-print { display: block" in print_rules


def test_a_records_address_writes_out_german_letters(client, home, bochum):
    paper = PaperFactory(group=bochum, title="Kitagebühren für Familien in Bochum-Süd senken")

    assert paper.url == f"/datenbank/{paper.pk}/kitagebuehren-fuer-familien-in-bochum-sued-senken/"
    assert client.get(paper.url).status_code == 200
