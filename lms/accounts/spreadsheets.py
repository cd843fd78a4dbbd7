"""Tables downloaded as CSV or Excel, for every staff screen that offers them."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook

FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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


def spreadsheet_response(headers, rows, filename, fmt, *, sheet_title=None):
    """`fmt` is "csv" (UTF-8 with a byte-order mark, so that Excel opens Chinese correctly)
    or "xlsx". Numbers stay numbers; everything else is written as text."""
    headers = [_cell(h) for h in headers]
    rows = [[_cell(cell) for cell in row] for row in rows]
    if fmt == "xlsx":
        book = Workbook(write_only=True)
        sheet = book.create_sheet(str(sheet_title) if sheet_title else None)
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    else:
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        writer.writerow(headers)
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
