"""Reading a learner import file (CSV or Excel) into rows of raw cell text, each with its line
number. Pure functions, no database."""

import csv
import io
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
MAX_NAME_LENGTH = 100
MAX_EMAIL_LENGTH = 254

# Column key: (Chinese heading, English heading). Headings in either language are accepted.
COLUMNS = {
    "name": ("姓名", "name"),
    "phone": ("手机号", "phone"),
    "village": ("村", "village"),
    "cohort": ("班级", "cohort"),
    "email": ("邮箱", "email"),
    "mentor": ("带教老师", "mentor"),
}
REQUIRED_COLUMNS = ("name", "phone", "village", "cohort")
# What a person may also have typed as a heading.
HEADING_ALIASES = {
    "手机": "phone",
    "手机号码": "phone",
    "电话": "phone",
    "mobile": "phone",
    "村庄": "village",
    "村/社区": "village",
    "village code": "village",
    "电子邮箱": "email",
    "e-mail": "email",
    "导师": "mentor",
    "带教老师手机号": "mentor",
    "mentor phone": "mentor",
    "full name": "name",
}

COLUMN_LABELS = {
    "name": gettext_lazy("Name"),
    "phone": gettext_lazy("Mobile number"),
    "village": gettext_lazy("Village"),
    "cohort": gettext_lazy("Cohort"),
    "email": gettext_lazy("Email"),
    "mentor": gettext_lazy("Mentor (her mobile number)"),
}


def template_headings(language: str) -> list[str]:
    """The headings of the downloadable template, in Chinese or English."""
    index = 0 if language.startswith("zh") else 1
    return [COLUMNS[key][index] for key in COLUMNS]


# Reading the file --------------------------------------------------------------------------


def read_rows(file_name: str, data: bytes) -> list[dict]:
    """The rows of a CSV or Excel file as [{"line": n, "name": …, …}], blank rows left out.
    Raises ValidationError with a message for the staff member when the file cannot be used:
    too big, empty, not CSV/Excel, undecodable, missing columns, too many rows."""
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(
            _("The file is too big (%(size)s MB). Import at most %(max)s MB at a time.")
            % {"size": round(len(data) / 1024 / 1024, 1), "max": MAX_FILE_BYTES // 1024 // 1024},
            code="too_big",
        )
    if not data.strip():
        raise ValidationError(_("The file is empty."), code="empty")
    lowered = file_name.lower()
    if lowered.endswith(".xlsx"):
        table = _xlsx_table(data)
    elif lowered.endswith((".csv", ".txt")):
        table = _csv_table(data)
    else:
        raise ValidationError(
            _("Upload a CSV file or an Excel file (.xlsx). Old .xls files: save as .xlsx first."),
            code="file_type",
        )
    return _rows_from_table(table)


def _csv_table(data: bytes):
    if b"\x00" in data:
        raise ValidationError(
            _("This file is not a CSV text file. Save it from Excel as “CSV (UTF-8)”."),
            code="malformed",
        )
    # Excel saves CSV as UTF-8 (with a byte-order mark) or, on Chinese Windows, as GBK;
    # GB18030 reads every GBK file.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        break
    else:
        raise ValidationError(
            _(
                "The file's characters could not be read (it is neither UTF-8 nor GBK). "
                "Save it from Excel as “CSV (UTF-8)” and upload it again."
            ),
            code="encoding",
        )
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        yield from csv.reader(io.StringIO(text, newline=""), dialect)
    except csv.Error as exc:
        raise ValidationError(
            _("The CSV file is malformed: %(error)s") % {"error": exc}, code="malformed"
        ) from exc


def _xlsx_table(data: bytes):
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError, TypeError) as exc:
        raise ValidationError(
            _("This Excel file cannot be opened. Save it again as .xlsx and upload it."),
            code="malformed",
        ) from exc
    try:
        for row in rows:
            yield ["" if cell is None else _cell_text(cell) for cell in row]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ValidationError(
            _("This Excel file cannot be opened. Save it again as .xlsx and upload it."),
            code="malformed",
        ) from exc
    finally:
        book.close()


def _cell_text(cell) -> str:
    # Excel keeps a phone number typed as a number as 13800000001.0 in some files.
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _heading_key(heading: str):
    text = " ".join(str(heading).replace("\ufeff", "").replace("*", "").split()).lower()
    for key, names in COLUMNS.items():
        if text in (names[0], names[1].lower()):
            return key
    return HEADING_ALIASES.get(text)


def _rows_from_table(table) -> list[dict]:
    table = iter(table)
    headings = None
    for cells in table:
        if any(str(c).strip() for c in cells):
            headings = cells
            break
    if headings is None:
        raise ValidationError(_("The file is empty."), code="empty")
    columns = {}
    for index, heading in enumerate(headings):
        key = _heading_key(heading)
        if key and key not in columns:
            columns[key] = index
    missing = [key for key in REQUIRED_COLUMNS if key not in columns]
    if missing:
        raise ValidationError(
            _(
                "The first row must name the columns. Missing: %(missing)s. "
                "Download the template to see the headings."
            )
            % {"missing": _(", ").join(f"{COLUMNS[k][0]} / {COLUMNS[k][1]}" for k in missing)},
            code="columns",
        )
    rows = []
    line = 1
    for cells in table:
        line += 1
        row = {
            key: (str(cells[index]).strip() if index < len(cells) else "")
            for key, index in columns.items()
        }
        if not any(row.values()):
            continue
        if len(rows) >= MAX_ROWS:
            raise ValidationError(
                _(
                    "The file has more than %(max)s learners. Split it into files of at most "
                    "%(max)s rows and import them one after the other."
                )
                % {"max": MAX_ROWS},
                code="too_many_rows",
            )
        row["line"] = line
        rows.append(row)
    if not rows:
        raise ValidationError(_("The file has headings but no learners."), code="empty")
    return rows
