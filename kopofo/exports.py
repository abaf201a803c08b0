"""CSV exports that a spreadsheet cannot mistake for formulas.

Every export of every app goes through here: `csv_response()` for an app's own export, and
`SafeCsvExportMixin` for Wagtail's listing exports (form submissions, viewsets). A cell that
begins with "=", "+", "-" or "@" (or a tab or carriage return, which some spreadsheets skip before
such a character) is opened as a formula by Excel and LibreOffice: "=HYPERLINK(...)" in a contact
message would run on the office's computer. Such a cell gets a leading apostrophe, which the
spreadsheet shows as text (OWASP's recommendation for CSV injection).
"""

import csv

from django.http import StreamingHttpResponse

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value):
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class _Echo:
    """A file-like object whose write() hands the line back, for streaming with csv.writer."""

    def write(self, value):
        return value


def csv_rows(header, rows):
    writer = csv.writer(_Echo())
    yield writer.writerow([neutralize(str(cell)) for cell in header])
    for row in rows:
        yield writer.writerow([neutralize("" if cell is None else cell) for cell in row])


def csv_response(filename, header, rows):
    """Stream `rows` (iterables of cells) as a CSV download named `filename`."""
    # The byte order mark makes Excel read the file as UTF-8 (umlauts), other programs ignore it.
    lines = csv_rows(header, rows)
    response = StreamingHttpResponse(
        ("\ufeff" + line if index == 0 else line for index, line in enumerate(lines)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class SafeCsvExportMixin:
    """For a view with Wagtail's SpreadsheetExportMixin: neutralize every CSV cell.

    (Wagtail's XLSX export already writes formula-like cells as text.)
    """

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: neutralize(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )
