"""Reading an uploaded spreadsheet (CSV or .xlsx) into column names and rows of text.

Everything a person may upload is checked here before anything is stored: size, encoding,
delimiter, a header row, formulas, and the number of rows, columns and characters. Every
limit is checked while reading (CSV lines as they are split, .xlsx parts as they inflate),
so a file that lies about its size is stopped at the limit. A file that fails gets one
clear message and changes nothing.
"""

import codecs
import csv
import io
import itertools
import re
from dataclasses import dataclass, field

from coalition.members.imports.limits import (
    MAX_CELL_CHARACTERS,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_LINE_CHARACTERS,
    MAX_ROWS,
    MAX_SCANNED_ROWS,
    MAX_TEXT_CHARACTERS,
    Reading,
    SpreadsheetError,
    cell_too_long,
    too_many_columns,
    too_many_rows,
    too_much_text,
)
from coalition.members.imports.xlsx_reader import xlsx_rows
from coalition.web.i18n import _l

__all__ = ["MAX_FILE_BYTES", "Reading", "SpreadsheetError", "Table", "read_table"]

XLSX_SIGNATURE = b"PK\x03\x04"
OLD_EXCEL_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DELIMITERS = (",", ";", "\t")
DELIMITER_SHOWN = {",": ",", ";": ";", "\t": "TAB"}
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LOOKS_LIKE_DATA = re.compile(r"@|^\+?[\d\s().\-/]+$")


@dataclass
class Table:
    """Column names and the non-empty rows, each with its row number as a spreadsheet shows it."""

    headers: list
    rows: list = field(default_factory=list)  # [(row number, [cell text, ...]), ...]
    description: str = ""


def read_table(filename, data, reading=None):
    """Read an uploaded file into a Table, or raise SpreadsheetError.

    `reading`, when given, counts what was read (bytes inflated, rows and cells visited).
    """
    reading = reading if reading is not None else Reading()
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
        table = _collect(xlsx_rows(data, reading), reading)
        table.description = "Excel (.xlsx)"
        return table
    return _read_csv(data, reading)


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


def _delimiter(first_line):
    """Comma, semicolon or tab: whichever splits the first line into the most columns."""
    widths = {}
    for delimiter in DELIMITERS:
        try:
            widths[delimiter] = len(next(csv.reader([first_line], delimiter=delimiter), []))
        except csv.Error:  # a quoted cell longer than the csv module allows: reported below
            widths[delimiter] = 0
    return max(DELIMITERS, key=lambda d: (widths[d], d == ","))


def _lines(text, reading):
    """The text's lines as they are split, each refused past the line limit."""
    for line in io.StringIO(text, newline=""):
        reading.lines += 1
        if len(line) > MAX_LINE_CHARACTERS:
            raise SpreadsheetError(
                _l(
                    "Line %(line)d is longer than %(limit)s characters: a row can hold at most "
                    "60 cells of 5,000 characters. Check that the file is a spreadsheet saved "
                    "as CSV.",
                    line=reading.lines,
                    limit=f"{MAX_LINE_CHARACTERS:,}",
                )
            )
        yield line


def _records(reader, reading):
    for number, cells in enumerate(reader, start=1):
        reading.rows += 1
        reading.cells += len(cells)
        yield number, cells


def _read_csv(data, reading):
    text, encoding = _decode(data)
    lines = _lines(text, reading)
    first_line = next(lines, "")
    delimiter = _delimiter(first_line)
    reader = csv.reader(itertools.chain([first_line], lines), delimiter=delimiter)
    try:
        table = _collect(_records(reader, reading), reading)
    except csv.Error as error:
        if "field larger than field limit" in str(error):  # the csv module's own cap
            raise cell_too_long(reading.rows + 1) from error
        raise SpreadsheetError(
            _l("The file is not a well-formed CSV file (%(problem)s).", problem=str(error))
        ) from error
    table.description = f"CSV \u00b7 {encoding} \u00b7 {DELIMITER_SHOWN[delimiter]}"
    return table


# --- Shared checks -----------------------------------------------------------------------


def _collect(numbered_rows, reading):
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
            raise too_many_rows()
        if len(cells) > MAX_COLUMNS:
            raise too_many_columns()
        if any(len(cell) > MAX_CELL_CHARACTERS for cell in cells):
            raise cell_too_long(number)
        reading.characters += sum(map(len, cells))
        if reading.characters > MAX_TEXT_CHARACTERS:
            raise too_much_text()
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
        raise too_many_columns()
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
