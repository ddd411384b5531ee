"""The first worksheet of an .xlsx package, read row by row as expat streams it: each cell's
text as openpyxl would give its value, within the limits on cells, columns, rows and text."""

from datetime import date, datetime, time

from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel, from_ISO8601

from coalition.members.imports.limits import (
    MAX_CELL_CHARACTERS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_SCANNED_ROWS,
    MAX_XLSX_CELLS,
    SpreadsheetError,
    cell_too_long,
    not_a_workbook,
    too_many_cells,
    too_many_columns,
    too_many_rows,
    workbook_too_large,
)
from coalition.members.imports.xlsx_parts import Finished, Part, whole_number
from coalition.web.i18n import _l

MAX_EXCEL_ROW = 1_048_576
SHEET_NAMES = frozenset(("sheetData", "row", "c", "v", "f", "t", "rPh"))  # all others: skipped
# Column letters as written in cell references (A .. XFD), each to its number.
COLUMN_NUMBERS = {get_column_letter(number): number for number in range(1, 16_385)}


class Sheet(Part):
    """Rows of the first worksheet, handed over as each chunk is parsed."""

    def __init__(self, reading, strings, styles, epoch):
        super().__init__(reading)
        self.strings = strings
        self.date_styles, self.duration_styles = styles.kinds()
        self.epoch = epoch
        self.finished = []  # rows read and not yet taken: (row number, [cell text, ...])
        self.in_data = False
        self.row = None  # {column number: text} of the row being read
        self.row_number = 0
        self.filled_rows = 0
        self.column = 0
        self.cell = None  # (column number, type, style) of the cell being read
        self.pieces = []
        self.length = 0
        self.collecting = False
        self.phonetic = 0

    def take_rows(self):
        rows, self.finished = self.finished, []
        return rows

    # start and end run for every element of the sheet: written for speed, methods inlined.
    def start(self, name, attributes):
        self.elements += 1
        if self.elements > self.limit:
            raise workbook_too_large()
        local = self.names.get(name) or self.local(name)
        if local not in SHEET_NAMES:
            return
        if local == "c":
            if self.row is not None and self.cell is None:
                reading = self.reading
                reading.cells += 1
                if reading.cells > MAX_XLSX_CELLS:
                    raise too_many_cells()
                reference = attributes.get("r")
                if reference:
                    letters = reference.rstrip("0123456789")
                    column = COLUMN_NUMBERS.get(letters) or COLUMN_NUMBERS.get(letters.upper())
                    if column is None:
                        raise not_a_workbook()
                else:
                    column = self.column + 1
                self.column = column
                self.cell = (column, attributes.get("t", "n"), attributes.get("s"))
                self.pieces = []
                self.length = 0
        elif self.cell is not None:
            if local == "v" or (local == "t" and not self.phonetic):
                self.collecting = True
            elif local == "f":
                raise formulas_refused(self.cell[0], self.row_number)
            elif local == "rPh":
                self.phonetic += 1
        elif local == "row":
            if self.in_data and self.row is None:
                self._start_row(attributes)
        elif local == "sheetData":
            self.in_data = True

    def end(self, name):
        local = self.names.get(name) or self.local(name)
        if local not in SHEET_NAMES:
            return
        if local == "c":
            if self.cell is not None:
                column, kind, style = self.cell
                self.cell = None
                self.collecting = False
                text = "".join(self.pieces)
                if kind != "inlineStr" and kind != "str" and text:
                    text = self._value(kind, style, text)
                if text and not text.isspace():
                    if column > MAX_COLUMNS:  # the first cell with a value past the limit
                        raise too_many_columns()
                    self.row[column] = text
        elif local == "v" or local == "t":
            self.collecting = False
        elif local == "row":
            if self.row is not None:
                self._end_row()
        elif local == "rPh":
            self.phonetic -= 1
        elif local == "sheetData":
            raise Finished

    def text(self, data):
        if self.collecting:
            self.length += len(data)
            if self.length > MAX_CELL_CHARACTERS:
                raise cell_too_long(self.row_number)
            self.pieces.append(data)

    def _start_row(self, attributes):
        self.reading.rows += 1
        given = attributes.get("r")
        number = whole_number(given) if given else self.row_number + 1
        if number <= self.row_number or number > MAX_EXCEL_ROW:
            raise not_a_workbook()
        if number > MAX_SCANNED_ROWS:
            raise too_many_rows()
        if self.row_number == 0 and number > 1:
            self.finished.append((1, []))  # the first row is empty: the check says so
        self.row_number = number
        self.row = {}
        self.column = 0

    def _end_row(self):
        cells, self.row = self.row, None
        values = []
        if cells:
            self.filled_rows += 1
            if self.filled_rows > MAX_ROWS + 1:  # the column names and MAX_ROWS rows
                raise too_many_rows()
            values = [cells.get(column, "") for column in range(1, max(cells) + 1)]
        self.finished.append((self.row_number, values))

    def _value(self, kind, style, raw):
        """A cell's text as openpyxl would have given its value, then made text."""
        try:
            if kind == "n":
                number = float(raw) if any(c in raw for c in ".Ee") else int(raw)
                style_index = whole_number(style) if style else 0
                if style_index in self.date_styles:
                    try:
                        number = from_excel(
                            number, self.epoch, timedelta=style_index in self.duration_styles
                        )
                    except (OverflowError, ValueError):
                        return "#VALUE!"
                return cell_text(number)
            if kind == "s":
                index = int(raw)
                if index < 0:
                    raise IndexError(index)
                return self.strings[index]
            if kind == "b":
                return cell_text(bool(int(raw)))
            if kind == "d":
                return cell_text(from_ISO8601(raw))
        except (ValueError, IndexError, TypeError, OverflowError) as error:
            raise not_a_workbook() from error
        return raw  # an error such as #N/A


def formulas_refused(column, row):
    return SpreadsheetError(
        _l(
            "The spreadsheet has formulas (first in cell %(cell)s). Formulas are not "
            "imported: copy the cells, paste them as values only, and upload again.",
            cell=f"{get_column_letter(column)}{row}",
        )
    )


def cell_text(value):
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
