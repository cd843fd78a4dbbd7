"""Tables downloaded as CSV or Excel, for every staff screen that offers them: answered in the
request (spreadsheet_response) or written to a file by a task (write_spreadsheet)."""

import csv
import io
import re
import zipfile
from xml.sax.saxutils import escape

from django.http import HttpResponse

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
        write_xlsx(out, headers, cells(), sheet_title=sheet_title)
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


# --- Excel ---------------------------------------------------------------------------------
# A workbook of one sheet, streamed row by row into the zip file: a province's at-risk export
# is 36,000 rows, and the libraries' writers spend 1.2-1.7 s on its cells alone (openpyxl in
# write-only mode, XlsxWriter in constant-memory mode, measured side by side; pyexcelerate
# 0.9 s, holding every row) where this takes about 0.3 s. Text is written as inline strings,
# numbers as numbers: Office Open XML (ECMA-376) part 1, §18.3.1.

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
        f'Type="{_DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_RELS}">'
        f'<Relationship Id="rId1" Type="{_DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_DOC}/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    "xl/styles.xml": (
        f'<styleSheet xmlns="{_MAIN}">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        "</cellStyleXfs>"
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        "</cellXfs>"
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    ),
}
# Characters XML 1.0 cannot carry (a control character pasted into a name).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def _column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _text(value):
    return escape(_NOT_XML.sub("", value))


def write_xlsx(out, headers, rows, *, sheet_title=None):
    """Write an Excel workbook of one sheet to the binary file `out`, a row at a time."""
    title = _NOT_IN_SHEET_NAME.sub(" ", str(sheet_title or "")).strip()[:31] or "Sheet1"
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        for name, xml in _PARTS.items():
            book.writestr(name, _HEAD + xml)
        book.writestr(
            "xl/workbook.xml",
            f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets>'
            f'<sheet name="{escape(title, {chr(34): "&quot;"})}" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>",
        )
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'{_HEAD}<worksheet xmlns="{_MAIN}"><sheetData>'.encode())
            columns = []
            batch = []
            for number, row in enumerate(_with_headers(headers, rows), start=1):
                while len(columns) < len(row):
                    columns.append(_column(len(columns)))
                cells = []
                for column, value in zip(columns, row, strict=False):
                    if isinstance(value, str):
                        if value:
                            cells.append(
                                f'<c r="{column}{number}" t="inlineStr"><is>'
                                f'<t xml:space="preserve">{_text(value)}</t></is></c>'
                            )
                    elif value is not None:
                        cells.append(f'<c r="{column}{number}"><v>{value}</v></c>')
                batch.append(f'<row r="{number}">{"".join(cells)}</row>')
                if len(batch) == 1000:
                    sheet.write("".join(batch).encode())
                    batch = []
            sheet.write(("".join(batch) + "</sheetData></worksheet>").encode())


def _with_headers(headers, rows):
    yield headers
    yield from rows


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
