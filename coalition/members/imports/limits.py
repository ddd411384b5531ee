"""What an uploaded spreadsheet may hold, how much of it was read, and the messages at each limit.

The limits are checked against what is actually read (bytes inflated, XML elements parsed,
rows and cells visited), never against what a file declares about itself.
"""

from dataclasses import dataclass

from coalition.web.i18n import _l

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 60
MAX_CELL_CHARACTERS = 5_000
MAX_SCANNED_ROWS = 5 * MAX_ROWS  # blank rows count here, so a sheet of empty rows cannot hang
# All the text kept from a file: about twice what a CSV file of the largest size can hold.
MAX_TEXT_CHARACTERS = 10_000_000
# CSV: a physical line can hold at most every column at its longest, with quotes and a separator.
MAX_LINE_CHARACTERS = MAX_COLUMNS * (MAX_CELL_CHARACTERS + 3)

# .xlsx: every XML element costs about a microsecond to parse in Python, so the cells of a
# workbook are capped (20,000 rows of 15 columns; a larger table goes in as CSV), and with them
# the elements parsed (a cell is 2 or 3 elements, a shared string 2), so that a hostile file is
# stopped within about a second whatever it is made of.
MAX_XLSX_CELLS = 300_000  # cells visited in the sheet, empty (formatted) ones included
MAX_SHARED_STRINGS = MAX_XLSX_CELLS
MAX_XML_ELEMENTS = 1_500_000  # all parts together
# Inflated bytes per part (each part is read once), counted as inflated, whatever the zip says.
MAX_SHEET_BYTES = 64 * 1024 * 1024
MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024
MAX_STYLES_BYTES = 16 * 1024 * 1024
MAX_SMALL_PART_BYTES = 2 * 1024 * 1024  # package and workbook relationships, workbook.xml
MAX_ZIP_MEMBERS = 10_000


class SpreadsheetError(Exception):
    """The file cannot be read as a table; the message says why and what to do."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass
class Reading:
    """How much of one upload was read, counted as it is read: what every limit is checked on."""

    inflated_bytes: int = 0  # bytes inflated from the .xlsx zip, all parts together
    xml_elements: int = 0  # XML elements parsed, all parts together
    shared_strings: int = 0  # strings read from the workbook's shared string table
    rows: int = 0  # rows visited (XLSX row elements, CSV records)
    cells: int = 0  # cells visited, empty ones included
    characters: int = 0  # characters of cell text kept
    lines: int = 0  # CSV: physical lines read


def too_many_rows():
    return SpreadsheetError(
        _l(
            "The file has more than %(limit)s rows. Split it into files of at most "
            "%(limit)s rows and upload each.",
            limit=f"{MAX_ROWS:,}",
        )
    )


def too_many_columns():
    return SpreadsheetError(_l("The file has more than 60 columns."))


def cell_too_long(row):
    return SpreadsheetError(_l("Row %(row)d has a cell longer than 5,000 characters.", row=row))


def too_many_cells():
    return SpreadsheetError(
        _l(
            "The workbook has more than %(limit)s cells (empty cells with formatting count "
            "too). Save it as CSV, or split it into smaller files, and upload each.",
            limit=f"{MAX_XLSX_CELLS:,}",
        )
    )


def too_much_text():
    return SpreadsheetError(
        _l(
            "The file holds more than 10 million characters of text. "
            "Split it into smaller files and upload each."
        )
    )


def not_a_workbook():
    return SpreadsheetError(_l("The file could not be opened as an Excel workbook (.xlsx)."))


def workbook_too_large():
    return SpreadsheetError(
        _l(
            "The workbook is too large once unpacked (an .xlsx file is compressed). "
            "Save its first sheet as CSV, or split it into smaller files, and upload again."
        )
    )


def workbook_not_plain_xml():
    return SpreadsheetError(
        _l(
            "The workbook holds XML declarations (DOCTYPE or ENTITY) that spreadsheet programs "
            "do not write, so it is not read. Open it in a spreadsheet program, save it as "
            "a new .xlsx file, and upload that."
        )
    )
