"""Spreadsheet files (CSV and .xlsx) whose cells no spreadsheet program runs as formulas.

One function, `safe_cell`, makes every cell of both formats safe, in this order: control
characters are removed first (so none can hide a formula's first character and then vanish),
then a cell whose first visible character starts a formula gets a leading apostrophe. In
.xlsx every cell is also written with the string type, never as a formula.
"""

import csv
import io
import unicodedata

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

# OWASP's formula starters, with their full-width forms that some spreadsheet programs accept.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
KEPT_CONTROLS = {"\t", "\n", "\r"}  # line breaks and tabs inside a note are the writer's


def _is_dropped(char):
    category = unicodedata.category(char)
    return (category == "Cc" and char not in KEPT_CONTROLS) or category in ("Cs", "Co", "Cn")


def _is_invisible(char):
    return char.isspace() or unicodedata.category(char) == "Cf"


def safe_cell(value):
    """The cell as text: control characters removed, then formula starters neutralized."""
    text = "" if value is None else str(value)
    text = "".join(char for char in text if not _is_dropped(char))
    if text.startswith(FORMULA_STARTS) or _first_visible(text).startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _first_visible(text):
    return next((char for char in text if not _is_invisible(char)), "")


def to_csv(header, rows):
    """UTF-8 with a byte order mark, so spreadsheet programs read accents right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in [header, *rows]:
        writer.writerow([safe_cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(header, rows):
    """One sheet; every cell safe and typed as a string."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in [header, *rows]:
        sheet.append([_text_cell(sheet, cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text_cell(sheet, value):
    cell = WriteOnlyCell(sheet, value=safe_cell(value))
    cell.data_type = "s"  # openpyxl would otherwise store a leading "=" as a formula
    return cell
