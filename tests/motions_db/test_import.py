"""Staff load records from JSON Lines or CSV; a second run of the same file changes nothing."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import ReferenceIndex

from kopofo.topics.models import Topic
from motions_db.models import Body, Organization, Paper, ParliamentaryGroup, SearchEntry, Word

pytestmark = pytest.mark.django_db

ROWS = [
    {
        "external_id": "bo-2026-17",
        "kind": "Antrag",
        "title": "Sozialticket auf 29 Euro senken",
        "date": "2026-03-02",
        "reference": "20260417",
        "teaser": "Die Fraktion beantragt ein günstigeres Sozialticket.",
        "text": "Der Rat möge beschließen: Das Sozialticket kostet künftig 29 Euro.",
        "topics": "Verkehr; Soziales",
        "body": "Bochum",
        "authors": "Anna Schmidt",
        "outcome": "abgelehnt",
        "source_url": "https://session.bochum.de/vorlage/20260417",
        "legacy_slug": "sozialticket-auf-29-euro-senken",
        "published": "true",
    },
    {
        "external_id": "we-2022-01",
        "kind": "anfrage",
        "title": "Anfrage zur Entwicklung neonazistischer Strukturen im Kreis Wesel",
        "date": "26.01.2022",
        "topics": "Antifaschismus",
        "body": "Kreis Wesel",
        "text": "Wir bitten um Beantwortung der folgenden Fragen.",
    },
    {
        "external_id": "wi-2019-03",
        "kind": "Antrag",
        "title": "Klimanotstand in Witten",
        "date": "2019-06-03",
        "topics": "Klima",
        "body": "Witten",
        "group": "DIE LINKE+",
        "published": "false",
    },
    {
        "external_id": "lwl-2021-08",
        "kind": "Musteranfrage",
        "title": "Musteranfrage: Provenienzforschung (Raubkunst)",
        "date": "2021-08-10",
        "topics": "Kultur",
        "body": "LWL",
        "group": "DIE LINKE",
        "group_kind": "Gruppe",
    },
]


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    return path


def write_csv(path, rows):
    columns = sorted({name for row in rows for name in row})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def run_command(path, *args, failed_rows=0):
    """The command's output; with rows that fail, it also ends with exit status 1."""
    out = io.StringIO()
    if failed_rows:
        with pytest.raises(CommandError, match=f"^{failed_rows} fehlerhafte Zeilen") as failure:
            call_command("import_papers", str(path), *args, "--no-progress", stdout=out)
        assert failure.value.returncode == 1
    else:
        call_command("import_papers", str(path), *args, "--no-progress", stdout=out)
    return out.getvalue()


def snapshot():
    return {
        paper.external_id: (
            paper.title,
            paper.updated_at,
            paper.live,
            tuple(sorted(paper.topics.values_list("name", flat=True))),
        )
        for paper in Paper.objects.all()
    }


def test_a_jsonl_file_creates_records_bodies_groups_and_topics(tmp_path):
    output = run_command(write_jsonl(tmp_path / "papers.jsonl", ROWS))

    assert output.strip().endswith("4 neu, 0 geändert, 0 unverändert, 0 fehlerhaft")
    motion = Paper.objects.get(external_id="bo-2026-17")
    assert motion.kind == Paper.Kind.MOTION
    assert motion.outcome == Paper.Outcome.REJECTED
    assert motion.legacy_slug == "sozialticket-auf-29-euro-senken"
    assert motion.source == "Fraktion DIE LINKE. im Rat der Stadt Bochum"
    assert set(motion.topics.values_list("name", flat=True)) == {"Verkehr", "Soziales"}
    # What the row doesn't give (written by COPY on PostgreSQL) has the model's defaults.
    assert timezone.now() - motion.created_at < datetime.timedelta(minutes=5)
    assert abs(motion.updated_at - motion.created_at) < datetime.timedelta(seconds=1)
    assert motion.image is None and motion.search_truncated is False
    assert motion.slug == "sozialticket-auf-29-euro-senken"
    assert Paper.objects.get(external_id="we-2022-01").source == (
        "Fraktion DIE LINKE. im Kreistag Wesel"
    )
    assert Paper.objects.get(external_id="lwl-2021-08").source == (
        "Gruppe DIE LINKE in der Landschaftsversammlung Westfalen-Lippe"
    )
    witten = Body.objects.get(name="Witten")
    assert witten.district.name == "Ennepe-Ruhr-Kreis"
    assert witten.ruhr_area and witten.administrative_region == "arnsberg"
    assert Topic.objects.filter(name="Antifaschismus").exists()
    # Searchable exactly while published.
    assert set(SearchEntry.objects.values_list("paper__external_id", flat=True)) == {
        "bo-2026-17",
        "we-2022-01",
        "lwl-2021-08",
    }


def test_a_second_run_of_the_same_file_changes_nothing(tmp_path, django_assert_max_num_queries):
    path = write_jsonl(tmp_path / "papers.jsonl", ROWS)
    run_command(path)
    before = snapshot()
    counts = [Model.objects.count() for Model in (Body, Organization, ParliamentaryGroup, Topic)]

    # Reading 4 rows: the look-ups of the importer, one query for the chunk's papers, one for
    # their Themen, one for old addresses; no write.
    with django_assert_max_num_queries(10) as captured:
        output = run_command(path)

    assert output.strip().endswith("0 neu, 0 geändert, 4 unverändert, 0 fehlerhaft")
    assert snapshot() == before
    assert [Model.objects.count() for Model in (Body, Organization, ParliamentaryGroup, Topic)] == (
        counts
    )
    statements = [query["sql"].split()[0].upper() for query in captured.captured_queries]
    assert set(statements) <= {"SELECT", "SAVEPOINT", "RELEASE"}


def test_a_changed_row_updates_its_record_by_external_id(tmp_path):
    path = write_jsonl(tmp_path / "papers.jsonl", ROWS)
    run_command(path)
    before = snapshot()

    changed = [dict(ROWS[0], title="Sozialticket auf 19 Euro senken", topics="Verkehr"), *ROWS[1:]]
    output = run_command(write_jsonl(path, changed))

    assert output.strip().endswith("0 neu, 1 geändert, 3 unverändert, 0 fehlerhaft")
    after = snapshot()
    assert after["bo-2026-17"][0] == "Sozialticket auf 19 Euro senken"
    assert after["bo-2026-17"][1] > before["bo-2026-17"][1]
    assert after["bo-2026-17"][3] == ("Verkehr",)
    assert {key: after[key] for key in after if key != "bo-2026-17"} == {
        key: before[key] for key in before if key != "bo-2026-17"
    }


def test_a_csv_file_imports_like_jsonl(tmp_path):
    output = run_command(write_csv(tmp_path / "papers.csv", ROWS))

    assert output.strip().endswith("4 neu, 0 geändert, 0 unverändert, 0 fehlerhaft")
    assert Paper.objects.get(external_id="we-2022-01").date.isoformat() == "2022-01-26"
    assert (
        run_command(tmp_path / "papers.csv")
        .strip()
        .endswith("0 neu, 0 geändert, 4 unverändert, 0 fehlerhaft")
    )


def test_bad_rows_are_reported_with_their_line_numbers_and_the_rest_imported(tmp_path):
    bad = [
        dict(ROWS[0]),
        dict(ROWS[1], external_id="bad-date", date="31.02.2024"),
        "not json",
        dict(ROWS[1], external_id="bad-kind", kind="Flugblatt"),
        dict(ROWS[1], external_id="too-long", title="Lang" * 150),
        dict(ROWS[1], external_id=""),
        dict(ROWS[1], external_id="no-title", title=""),
        dict(ROWS[1], external_id="bo-2026-17"),
        dict(ROWS[1]),
    ]
    path = tmp_path / "papers.jsonl"
    path.write_text(
        "".join(
            (row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)) + "\n"
            for row in bad
        )
    )

    output = run_command(path, failed_rows=7)

    assert "Zeile 2: Datum „31.02.2024“ ist ungültig" in output
    assert "Zeile 3: ist kein gültiges JSON" in output
    assert "Zeile 4: Art „Flugblatt“ ist unbekannt" in output
    assert "Zeile 5: Titel ist zu lang (600 Zeichen, höchstens 500)" in output
    assert "Zeile 6: external_id fehlt" in output
    assert "Zeile 7: Titel fehlt" in output
    assert "Zeile 8: external_id „bo-2026-17“ stand schon in Zeile 1" in output
    assert output.strip().endswith("2 neu, 0 geändert, 0 unverändert, 7 fehlerhaft")
    assert set(Paper.objects.values_list("external_id", flat=True)) == {"bo-2026-17", "we-2022-01"}


def test_csv_line_numbers_count_the_header_and_lines_inside_quoted_values(tmp_path):
    rows = [dict(ROWS[0], text="Erster Absatz.\n\nZweiter Absatz."), dict(ROWS[1], date="gestern")]
    output = run_command(write_csv(tmp_path / "papers.csv", rows), failed_rows=1)

    # Header on line 1, the first record on lines 2-4, the second on line 5.
    assert "Zeile 5: Datum „gestern“ ist ungültig" in output
    assert Paper.objects.get().text == "Erster Absatz.\n\nZweiter Absatz."


def test_hostile_values_are_cleaned_or_reported_never_a_crash(tmp_path):
    rows = [
        dict(ROWS[0], title="Mit\x00NUL", text="Text\x00mit NUL", teaser="\x00"),
        dict(ROWS[1], source_url="javascript:alert(1)"),
        dict(ROWS[1], external_id="long-topic", topics="T" * 200),
        dict(ROWS[1], external_id="odd-types", title=17, published="vielleicht"),
        dict(ROWS[1], external_id="list", topics=["Klima"]),
        dict(ROWS[2], external_id="same-old-slug", legacy_slug=ROWS[0]["legacy_slug"]),
    ]
    output = run_command(write_jsonl(tmp_path / "papers.jsonl", rows), failed_rows=4)

    paper = Paper.objects.get(external_id="bo-2026-17")
    assert (paper.title, paper.text, paper.teaser) == ("MitNUL", "Textmit NUL", "")
    assert "Zeile 2: Adresse „javascript:alert(1)“ ist keine http(s)-Adresse" in output
    assert "Zeile 3: Thema „TTTT" in output
    assert "Zeile 4: published „vielleicht“ ist weder true noch false" in output
    assert "Zeile 6: Alte Adresse „sozialticket-auf-29-euro-senken“ stand schon in Zeile 1" in (
        output
    )
    assert output.strip().endswith("2 neu, 0 geändert, 0 unverändert, 4 fehlerhaft")


def test_an_old_address_taken_by_another_record_is_reported(tmp_path):
    run_command(write_jsonl(tmp_path / "first.jsonl", ROWS[:1]))
    row = dict(
        ROWS[1], legacy_slug="/kommunalpolitische-datenbank/news/sozialticket-auf-29-euro-senken/"
    )

    output = run_command(write_jsonl(tmp_path / "second.jsonl", [row]), failed_rows=1)

    assert (
        "Zeile 1: Alte Adresse „sozialticket-auf-29-euro-senken“ gehört schon zum Eintrag "
        "bo-2026-17" in output
    )
    assert not Paper.objects.filter(external_id="we-2022-01").exists()


def test_an_unknown_kommune_is_created_as_gemeinde_and_reported(tmp_path):
    output = run_command(
        write_jsonl(tmp_path / "papers.jsonl", [dict(ROWS[1], body="Kleinstadtdorf")])
    )

    body = Body.objects.get(name="Kleinstadtdorf")
    assert body.kind == Body.Kind.MUNICIPALITY
    assert "Unbekannte Kommune „Kleinstadtdorf“ als Gemeinde angelegt" in output
    assert Paper.objects.get().source == "Fraktion DIE LINKE. im Rat der Gemeinde Kleinstadtdorf"


def test_a_dry_run_checks_and_counts_but_saves_nothing(tmp_path):
    output = run_command(write_jsonl(tmp_path / "papers.jsonl", ROWS), "--dry-run")

    assert "Probelauf, nichts gespeichert: 4 neu, 0 geändert, 0 unverändert, 0 fehlerhaft" in output
    assert not Paper.objects.exists()
    assert not Body.objects.exists()


def test_after_an_import_the_worker_counts_the_new_words_for_suggestions(tmp_path, run_worker):
    run_command(write_jsonl(tmp_path / "papers.jsonl", ROWS))
    assert not Word.objects.exists()

    ran = run_worker()

    assert "motions_db.tasks.rebuild_vocabulary" in [task.task_path for task in ran]
    assert Word.objects.filter(word="sozialticket").exists()


def test_the_names_an_import_makes_empty_the_page_cache_once_and_reach_the_reference_index_later(
    tmp_path, run_worker, caplog
):
    """Each Kommune, Gremium and Fraktion saved on its own would start two page-cache
    generations and update Wagtail's reference index at once (45 ms each)."""
    with caplog.at_level("DEBUG", logger="kopofo.caching.services"):
        run_command(write_jsonl(tmp_path / "papers.jsonl", ROWS))

    invalidations = [r.message for r in caplog.records if "page cache invalidated" in r.message]
    assert invalidations == [
        "page cache invalidated: Datenbank-Import: neue Namen",
        "page cache invalidated: Datenbank-Import",
    ]
    group = ParliamentaryGroup.objects.first()
    assert not ReferenceIndex.get_references_for_object(group).exists()

    ran = run_worker()

    assert {task.status for task in ran} == {"SUCCESSFUL"}
    assert ReferenceIndex.get_references_for_object(group).exists()
    assert ReferenceIndex.get_references_to(group.organization).exists()
