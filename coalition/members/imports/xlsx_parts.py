"""Expat callbacks for the small parts of an .xlsx package: relationships, the workbook,
styles and shared strings. Every element counts against its part's cap and the file's."""

from openpyxl.styles.numbers import builtin_format_code, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, WINDOWS_EPOCH

from coalition.members.imports.limits import (
    MAX_SHARED_STRINGS,
    MAX_TEXT_CHARACTERS,
    MAX_XML_ELEMENTS,
    not_a_workbook,
    too_many_cells,
    too_much_text,
    workbook_too_large,
)

MAX_FORMAT_CODE = 255  # Excel's own limit on a number format's length


class Finished(Exception):
    """Everything needed from a part is read: stop parsing it."""


class Part:
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


class Relationships(Part):
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


class Workbook(Part):
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
            raise Finished


class Styles(Part):
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
            format_id = whole_number(attributes.get("numFmtId"))
            self.custom_formats[format_id] = attributes.get("formatCode", "")[:MAX_FORMAT_CODE]
        elif local == "cellXfs":
            self.in_cell_styles = True
        elif local == "xf" and self.in_cell_styles:
            self.style_formats.append(whole_number(attributes.get("numFmtId", "0")))

    def end(self, name):
        if self.local(name) == "cellXfs":
            raise Finished

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


class SharedStrings(Part):
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


def whole_number(text):
    """A whole number attribute; a missing or broken one is a broken file."""
    try:
        number = int(text)
    except (TypeError, ValueError) as error:
        raise not_a_workbook() from error
    return number
