"""Reading an uploaded spreadsheet (CSV or .xlsx) into column names and rows of text.

Everything a person may upload is checked here before anything is stored: size, encoding,
delimiter, a header row, formulas, and the number of rows and columns. A file that fails
gets one clear message and changes nothing.
"""

import codecs
import csv
import io
import re
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime, time

from openpyxl import load_workbook

from coalition.i18n import _l

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 60
MAX_CELL_CHARACTERS = 5_000
XLSX_SIGNATURE = b"PK\x03\x04"
OLD_EXCEL_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_SCANNED_ROWS = 5 * MAX_ROWS  # blank rows count here, so a sheet of empty rows cannot hang
DELIMITERS = (",", ";", "\t")
DELIMITER_SHOWN = {",": ",", ";": ";", "\t": "TAB"}
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LOOKS_LIKE_DATA = re.compile(r"@|^\+?[\d\s().\-/]+$")


class SpreadsheetError(Exception):
    """The file cannot be read as a table; the message says why and what to do."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass
class Table:
    """Column names and the non-empty rows, each with its row number as a spreadsheet shows it."""

    headers: list
    rows: list = field(default_factory=list)  # [(row number, [cell text, ...]), ...]
    description: str = ""


def read_table(filename, data):
    """Read an uploaded file into a Table, or raise SpreadsheetError."""
    if not data:
        raise SpreadsheetError(_l("The file is empty."))
    if len(data) > MAX_FILE_BYTES:
        raise SpreadsheetError(
            _l("The file is larger than 5 MB. Split it into smaller files and upload each.")
        )
    name = (filename or "").lower()
    if data.startswith(OLD_EXCEL_SIGNATURE) or name.endswith(".xls"):
        raise SpreadsheetError(
            _l("This is an old Excel file (.xls). Save it as .xlsx or as CSV and upload again.")
        )
    if data.startswith(XLSX_SIGNATURE) or name.endswith(".xlsx"):
        return _read_xlsx(data)
    return _read_csv(data)


# --- CSV -------------------------------------------------------------------------------


def _decode(data):
    """Text and the name of its encoding: UTF-8 (with or without BOM), else Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data[:4096]:
        raise SpreadsheetError(
            _l(
                "This file is saved as UTF-16 (\u201cUnicode text\u201d) or is not a text file. "
                "In your spreadsheet program, save it as \u201cCSV UTF-8\u201d and upload again."
            )
        )
    if data.startswith(codecs.BOM_UTF8):
        candidates = (("utf-8-sig", "UTF-8 (BOM)"),)
    else:
        candidates = (("utf-8", "UTF-8"), ("cp1252", "Windows-1252"))
    for encoding, label in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if CONTROL_CHARACTERS.search(text):
            break
        return text, label
    raise SpreadsheetError(
        _l(
            "The file's characters could not be read: it is not UTF-8 or Windows-1252 text. "
            "Save it as \u201cCSV UTF-8\u201d and upload again."
        )
    )


def _delimiter(text):
    """Comma, semicolon or tab: whichever splits the first line into the most columns."""
    first_line = text.split("\n", 1)[0]
    widths = {d: len(next(csv.reader([first_line], delimiter=d), [])) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (widths[d], d == ","))
    return best


def _read_csv(data):
    text, encoding = _decode(data)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        table = _collect(enumerate(reader, start=1))
    except csv.Error as error:
        raise SpreadsheetError(
            _l("The file is not a well-formed CSV file (%(problem)s).", problem=str(error))
        ) from error
    table.description = f"CSV \u00b7 {encoding} \u00b7 {DELIMITER_SHOWN[delimiter]}"
    return table


# --- XLSX ------------------------------------------------------------------------------


def _read_xlsx(data):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it does not know
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # however an untrusted file fails to open, it is reported
        raise SpreadsheetError(
            _l("The file could not be opened as an Excel workbook (.xlsx).")
        ) from error
    try:
        table = _collect(_xlsx_rows(workbook.worksheets[0]))
    except SpreadsheetError:
        raise
    except Exception as error:  # a sheet that breaks while being read
        raise SpreadsheetError(
            _l("The file could not be opened as an Excel workbook (.xlsx).")
        ) from error
    finally:
        workbook.close()
    table.description = "Excel (.xlsx)"
    return table


def _xlsx_rows(sheet):
    formulas = []
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        values = []
        for cell in cells:
            if getattr(cell, "data_type", None) == "f":
                formulas.append(f"{cell.column_letter}{number}")
            values.append(_cell_text(getattr(cell, "value", None)))
        if formulas:
            raise SpreadsheetError(
                _l(
                    "The spreadsheet has formulas (first in cell %(cell)s). Formulas are not "
                    "imported: copy the cells, paste them as values only, and upload again.",
                    cell=formulas[0],
                )
            )
        yield number, values


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- Shared checks -----------------------------------------------------------------------


def _collect(numbered_rows):
    """Headers from the first row, then the non-empty rows, within the limits."""
    table = None
    for number, raw in numbered_rows:
        cells = [str(cell).strip() for cell in raw]
        while cells and not cells[-1]:
            cells.pop()
        if table is None:
            table = Table(headers=_headers(cells))
            continue
        if not cells and number <= MAX_SCANNED_ROWS:
            continue
        if len(table.rows) >= MAX_ROWS or number > MAX_SCANNED_ROWS:
            raise SpreadsheetError(
                _l(
                    "The file has more than %(limit)s rows. Split it into files of at most "
                    "%(limit)s rows and upload each.",
                    limit=f"{MAX_ROWS:,}",
                )
            )
        if any(len(cell) > MAX_CELL_CHARACTERS for cell in cells):
            raise SpreadsheetError(
                _l("Row %(row)d has a cell longer than 5,000 characters.", row=number)
            )
        table.rows.append((number, cells))
    if table is None:
        raise SpreadsheetError(_l("The file is empty."))
    if not table.rows:
        raise SpreadsheetError(_l("The file has column names but no rows of data."))
    return table


def _headers(cells):
    if not any(cells):
        raise SpreadsheetError(
            _l("The first row is empty. Put the column names (such as Name, Email) in row 1.")
        )
    if len(cells) > MAX_COLUMNS:
        raise SpreadsheetError(_l("The file has more than 60 columns."))
    if any(LOOKS_LIKE_DATA.search(cell) for cell in cells if cell):
        raise SpreadsheetError(
            _l(
                "The first row looks like data (an email address or a number), not column "
                "names. Add a first row naming each column, such as Name and Email."
            )
        )
    headers = [cell or f"Column {index + 1}" for index, cell in enumerate(cells)]
    seen = set()
    for header in headers:
        if header.casefold() in seen:
            raise SpreadsheetError(
                _l(
                    "Two columns are both named \u201c%(name)s\u201d. "
                    "Give each column its own name.",
                    name=header,
                )
            )
        seen.add(header.casefold())
    return headers
