"""Every dashboard table downloads as CSV or Excel, from the same rows the page shows."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook

FORMATS = ("csv", "xlsx")


def as_text(value):
    """A cell a spreadsheet will not run: names come from learners, and "=HYPERLINK(…)" as a
    name must stay text in the staff member's Excel."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export_response(headers, rows, filename, fmt):
    headers = [str(h) for h in headers]
    rows = [
        [as_text(str(cell) if not isinstance(cell, int | float) else cell) for cell in row]
        for row in rows
    ]
    if fmt == "xlsx":
        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        buffer = io.StringIO()
        # A byte-order mark so that Excel opens the Chinese names as UTF-8.
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        writer.writerow(headers)
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
