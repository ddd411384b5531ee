"""Reading the first sheet of an untrusted .xlsx file, every size bounded while it streams.

An .xlsx file is a zip of XML parts. Nothing it declares about itself is trusted: not the sizes
in its zip directory, not its sheet's dimensions. Each part needed (relationships, workbook,
styles, shared strings, the first worksheet) is inflated a chunk at a time through a counter
with a hard cap, and parsed by expat as it streams. Reading stops at the first byte past a
part's cap, the first cell past the column limit, the first row past the row limit, the first
string past the shared-string limit. A part that declares a document type (where XML entity
tricks begin) is refused, and only the two compression methods spreadsheet programs write
(stored, deflated) are inflated.
"""

import posixpath
import pyexpat
import zipfile
import zlib
from datetime import date, datetime, time
from io import BytesIO

from openpyxl.styles.numbers import builtin_format_code, is_date_format, is_timedelta_format
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904, WINDOWS_EPOCH, from_excel, from_ISO8601

from coalition.members.spreadsheet_limits import (
    MAX_CELL_CHARACTERS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_SCANNED_ROWS,
    MAX_SHARED_STRINGS,
    MAX_SHARED_STRINGS_BYTES,
    MAX_SHEET_BYTES,
    MAX_SMALL_PART_BYTES,
    MAX_STYLES_BYTES,
    MAX_TEXT_CHARACTERS,
    MAX_XLSX_CELLS,
    MAX_XML_ELEMENTS,
    MAX_ZIP_MEMBERS,
    SpreadsheetError,
    cell_too_long,
    not_a_workbook,
    too_many_cells,
    too_many_columns,
    too_many_rows,
    too_much_text,
    workbook_not_plain_xml,
    workbook_too_large,
)
from coalition.web.i18n import _l

CHUNK_BYTES = 64 * 1024
MAX_EXCEL_ROW = 1_048_576
MAX_FORMAT_CODE = 255  # Excel's own limit on a number format's length
DEFAULT_WORKBOOK = "xl/workbook.xml"
SHEET_NAMES = frozenset(("sheetData", "row", "c", "v", "f", "t", "rPh"))  # all others: skipped
# Column letters as written in cell references (A .. XFD), each to its number.
COLUMN_NUMBERS = {get_column_letter(number): number for number in range(1, 16_385)}
ZIP_READ_ERRORS = (
    zipfile.BadZipFile,  # a broken directory, a wrong checksum, a header that lies
    zlib.error,
    EOFError,
    RuntimeError,  # an encrypted part
    NotImplementedError,
    OSError,
    ValueError,
)


class _Finished(Exception):
    """Everything needed from a part is read: stop parsing it."""


def xlsx_rows(data, reading):
    """Yield (row number, [cell text, ...]) from the workbook's first worksheet.

    Raises SpreadsheetError as soon as a limit is passed; `reading` counts what was read.
    """
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except ZIP_READ_ERRORS as error:
        raise not_a_workbook() from error
    with archive:
        yield from _Package(archive, reading).rows()


class _Package:
    """The zip's parts, found through their relationships as the Open Packaging format says."""

    def __init__(self, archive, reading):
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise not_a_workbook()
        self.archive = archive
        self.reading = reading
        self.members = {member.filename.lower(): member for member in members}

    def rows(self):
        workbook_path = self._office_document()
        workbook = _Workbook(self.reading)
        self._read(workbook_path, workbook, MAX_SMALL_PART_BYTES)
        related = self._relationships(workbook_path)
        sheet_path = next(
            (
                related[sheet_id][1]
                for sheet_id in workbook.sheet_ids
                if related.get(sheet_id, ("", ""))[0].endswith("/worksheet")
            ),
            None,
        )
        if sheet_path is None:
            raise not_a_workbook()
        styles = _Styles(self.reading)
        strings = _SharedStrings(self.reading)
        kinds = {kind.rpartition("/")[2]: target for kind, target in reversed(related.values())}
        if "styles" in kinds:  # the first of each kind only, however often it is listed
            self._read(kinds["styles"], styles, MAX_STYLES_BYTES)
        if "sharedStrings" in kinds:
            self._read(kinds["sharedStrings"], strings, MAX_SHARED_STRINGS_BYTES)
        sheet = _Sheet(self.reading, strings.strings, styles, workbook.epoch)
        for _ in self._parse(sheet_path, sheet, MAX_SHEET_BYTES):
            yield from sheet.take_rows()
        yield from sheet.take_rows()

    def _office_document(self):
        if "_rels/.rels" not in self.members:
            return DEFAULT_WORKBOOK
        for kind, target in self._relationships("").values():
            if kind.endswith("/officeDocument"):
                return target
        raise not_a_workbook()

    def _relationships(self, source):
        """{id: (type, part path)} of one part (of the package itself when source is "")."""
        folder, name = posixpath.split(source)
        relationships = _Relationships(self.reading)
        path = posixpath.join(folder, "_rels", f"{name}.rels")
        self._read(path, relationships, MAX_SMALL_PART_BYTES)
        return {
            key: (kind, _resolve(folder, target))
            for key, (kind, target) in relationships.found.items()
        }

    def _read(self, path, handler, cap):
        for _ in self._parse(path, handler, cap):
            pass

    def _parse(self, path, handler, cap):
        """Feed the part to expat a chunk at a time, yielding after each chunk."""
        member = self.members.get(path.lower())
        if member is None:
            raise not_a_workbook()
        parser = pyexpat.ParserCreate()
        parser.buffer_text = True
        parser.StartDoctypeDeclHandler = _refuse_declarations
        parser.EntityDeclHandler = _refuse_declarations
        parser.StartElementHandler = handler.start
        parser.EndElementHandler = handler.end
        parser.CharacterDataHandler = handler.text
        handler.limit = min(handler.max_elements, MAX_XML_ELEMENTS - self.reading.xml_elements)
        try:
            for chunk in self._inflate(member, cap):
                parser.Parse(chunk, False)
                yield
            parser.Parse(b"", True)
        except _Finished:
            return
        except pyexpat.ExpatError as error:
            raise not_a_workbook() from error
        finally:
            self.reading.xml_elements += handler.elements

    def _inflate(self, member, cap):
        """The part's bytes in chunks, counted as inflated (not as declared), refused past cap."""
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise not_a_workbook()
        if member.flag_bits & 0x1:  # encrypted
            raise not_a_workbook()
        inflated = 0
        try:
            with self.archive.open(member) as stream:
                while chunk := stream.read(CHUNK_BYTES):
                    inflated += len(chunk)
                    self.reading.inflated_bytes += len(chunk)
                    if inflated > cap:
                        raise workbook_too_large()
                    yield chunk
        except ZIP_READ_ERRORS as error:
            raise not_a_workbook() from error


def _refuse_declarations(*args):
    raise workbook_not_plain_xml()


def _resolve(folder, target):
    path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(path)


class _Part:
    """Expat callbacks for one part; every element counts against the part's and the file's cap."""

    max_elements = MAX_XML_ELEMENTS

    def __init__(self, reading):
        self.reading = reading
        self.elements = 0
        self.limit = self.max_elements
        self.names = {}

    def local(self, name):
        """An element's name without its namespace prefix (x:row is row)."""
        local = self.names.get(name)
        if local is None:
            local = name.rpartition(":")[2]
            if len(self.names) < 256:
                self.names[name] = local
        return local

    def counted(self, name):
        self.elements += 1
        if self.elements > self.limit:
            raise workbook_too_large()
        return self.local(name)

    def start(self, name, attributes):
        self.counted(name)

    def end(self, name):
        pass

    def text(self, data):
        pass


class _Relationships(_Part):
    max_elements = 10_000

    def __init__(self, reading):
        super().__init__(reading)
        self.found = {}

    def start(self, name, attributes):
        if self.counted(name) == "Relationship" and attributes.get("TargetMode") != "External":
            self.found[attributes.get("Id")] = (
                attributes.get("Type", ""),
                attributes.get("Target", ""),
            )


class _Workbook(_Part):
    """The sheets in order, and whether dates count from 1904."""

    max_elements = 100_000

    def __init__(self, reading):
        super().__init__(reading)
        self.sheet_ids = []
        self.epoch = WINDOWS_EPOCH

    def start(self, name, attributes):
        local = self.counted(name)
        if local == "sheet":
            self.sheet_ids.extend(
                value for key, value in attributes.items() if key.rpartition(":")[2] == "id"
            )
        elif local == "workbookPr" and attributes.get("date1904") in ("1", "true"):
            self.epoch = CALENDAR_MAC_1904

    def end(self, name):
        if self.local(name) == "sheets":
            raise _Finished


class _Styles(_Part):
    """Which cell styles show numbers as dates, times or durations (as openpyxl decides)."""

    max_elements = 300_000

    def __init__(self, reading):
        super().__init__(reading)
        self.custom_formats = {}
        self.style_formats = []  # number format id of each cell style, in order
        self.in_cell_styles = False

    def start(self, name, attributes):
        local = self.counted(name)
        if local == "numFmt":
            format_id = _number(attributes.get("numFmtId"))
            self.custom_formats[format_id] = attributes.get("formatCode", "")[:MAX_FORMAT_CODE]
        elif local == "cellXfs":
            self.in_cell_styles = True
        elif local == "xf" and self.in_cell_styles:
            self.style_formats.append(_number(attributes.get("numFmtId", "0")))

    def end(self, name):
        if self.local(name) == "cellXfs":
            raise _Finished

    def kinds(self):
        """({style index with a date format}, {style index with a duration format})."""
        dates, durations, known = set(), set(), {}
        for index, format_id in enumerate(self.style_formats):
            if format_id not in known:
                code = self.custom_formats.get(format_id) or builtin_format_code(format_id)
                known[format_id] = (is_date_format(code), is_timedelta_format(code))
            is_date, is_duration = known[format_id]
            if is_date:
                dates.add(index)
            if is_duration:
                durations.add(index)
        return dates, durations


class _SharedStrings(_Part):
    """The workbook's table of strings: the text of each, formatting and phonetic hints left out."""

    def __init__(self, reading):
        super().__init__(reading)
        self.strings = []
        self.pieces = []
        self.collecting = False
        self.phonetic = 0
        self.characters = 0

    def start(self, name, attributes):
        local = self.counted(name)
        if local == "si":
            self.pieces = []
        elif local == "t":
            self.collecting = not self.phonetic
        elif local == "rPh":
            self.phonetic += 1

    def end(self, name):
        local = self.local(name)
        if local == "t":
            self.collecting = False
        elif local == "rPh":
            self.phonetic -= 1
        elif local == "si":
            self.reading.shared_strings += 1
            if self.reading.shared_strings > MAX_SHARED_STRINGS:
                raise too_many_cells()
            self.strings.append("".join(self.pieces).replace("x005F_", ""))  # as openpyxl

    def text(self, data):
        if self.collecting:
            self.characters += len(data)
            if self.characters > MAX_TEXT_CHARACTERS:
                raise too_much_text()
            self.pieces.append(data)


class _Sheet(_Part):
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
                raise _formulas(self.cell[0], self.row_number)
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
            raise _Finished

    def text(self, data):
        if self.collecting:
            self.length += len(data)
            if self.length > MAX_CELL_CHARACTERS:
                raise cell_too_long(self.row_number)
            self.pieces.append(data)

    def _start_row(self, attributes):
        self.reading.rows += 1
        given = attributes.get("r")
        number = _number(given) if given else self.row_number + 1
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
                style_index = _number(style) if style else 0
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


def _number(text):
    """A whole number attribute; a missing or broken one is a broken file."""
    try:
        number = int(text)
    except (TypeError, ValueError) as error:
        raise not_a_workbook() from error
    return number


def _formulas(column, row):
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
