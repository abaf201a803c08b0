import csv
import io

from kopofo.exports import csv_response, neutralize


def test_cells_a_spreadsheet_would_run_as_formulas_are_kept_as_text():
    for dangerous in ["=1+1", "+49 201 123", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]:
        assert neutralize(dangerous) == "'" + dangerous
    for harmless in ["Erika Muster", "1+1", "", 42, None]:
        assert neutralize(harmless) == harmless


def test_csv_response_streams_utf8_for_excel_with_every_cell_neutralized():
    response = csv_response(
        "kontakt.csv", ["Name", "=Kopf"], [["Jürgen", '=HYPERLINK("x")'], [None, 7]]
    )

    body = b"".join(response.streaming_content).decode("utf-8")
    assert response["Content-Disposition"] == 'attachment; filename="kontakt.csv"'
    assert body.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(body.removeprefix("\ufeff")))) == [
        ["Name", "'=Kopf"],
        ["Jürgen", '\'=HYPERLINK("x")'],
        ["", "7"],
    ]
