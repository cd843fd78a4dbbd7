"""Tables downloaded as CSV or Excel, for every staff screen that offers them: answered in the
request (spreadsheet_response) or written to a file by a task (write_spreadsheet)."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook

FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "xlsx": XLSX_TYPE}


def as_text(value):
    """A cell a spreadsheet will not run: names come from learners, and "=HYPERLINK(…)" as a
    name must stay text in the staff member's Excel."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    return as_text(str(value))


def write_spreadsheet(out, headers, rows, fmt, *, sheet_title=None, progress=None, every=1000):
    """Write the table to the binary file `out`. `fmt` is "csv" (UTF-8 with a byte-order
    mark, so that Excel opens Chinese correctly) or "xlsx". Numbers stay numbers; everything
    else is written as text. `progress(n)`, when given, hears how many rows are written after
    every `every` rows and once at the end."""
    headers = [_cell(h) for h in headers]
    written = 0

    def cells():
        nonlocal written
        for row in rows:
            yield [_cell(cell) for cell in row]
            written += 1
            if progress is not None and written % every == 0:
                progress(written)

    if fmt == "xlsx":
        book = Workbook(write_only=True)
        sheet = book.create_sheet(str(sheet_title) if sheet_title else None)
        sheet.append(headers)
        for row in cells():
            sheet.append(row)
        book.save(out)
    else:
        text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
        writer = csv.writer(text)
        writer.writerow(headers)
        writer.writerows(cells())
        text.flush()
        text.detach()  # the caller's file stays open
    if progress is not None and written % every:
        progress(written)
    return written


def spreadsheet_bytes(headers, rows, fmt, *, sheet_title=None) -> bytes:
    buffer = io.BytesIO()
    write_spreadsheet(buffer, headers, rows, fmt, sheet_title=sheet_title)
    return buffer.getvalue()


def attachment_header(filename: str) -> str:
    return f'attachment; filename="{filename}"'


def spreadsheet_response(headers, rows, filename, fmt, *, sheet_title=None):
    """The table as a download named `filename`.csv or .xlsx."""
    response = HttpResponse(
        spreadsheet_bytes(headers, rows, fmt, sheet_title=sheet_title),
        content_type=CONTENT_TYPES.get(fmt, CONTENT_TYPES["csv"]),
    )
    response["Content-Disposition"] = attachment_header(f"{filename}.{fmt}")
    return response
