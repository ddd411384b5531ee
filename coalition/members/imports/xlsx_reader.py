"""Reading the first sheet of an untrusted .xlsx file, every size bounded while it streams.

An .xlsx file is a zip of XML parts. Nothing it declares about itself is trusted: not the sizes
in its zip directory, not its sheet's dimensions. Each part needed (relationships, workbook,
styles, shared strings, the first worksheet) is inflated a chunk at a time through a counter
with a hard cap, and parsed by expat as it streams. Reading stops at the first byte past a
part's cap, the first cell past the column limit, the first row past the row limit, the first
string past the shared-string limit. A part that declares a document type (where XML entity
tricks begin) is refused, and only the two compression methods spreadsheet programs write
(stored, deflated) are inflated.

This module opens the package and streams its parts; xlsx_parts.py reads the small parts
(relationships, workbook, styles, shared strings) and xlsx_sheet.py the worksheet's rows.
"""

import posixpath
import pyexpat
import zipfile
import zlib
from io import BytesIO

from coalition.members.imports.limits import (
    MAX_SHARED_STRINGS_BYTES,
    MAX_SHEET_BYTES,
    MAX_SMALL_PART_BYTES,
    MAX_STYLES_BYTES,
    MAX_XML_ELEMENTS,
    MAX_ZIP_MEMBERS,
    not_a_workbook,
    workbook_not_plain_xml,
    workbook_too_large,
)
from coalition.members.imports.xlsx_parts import (
    Finished,
    Relationships,
    SharedStrings,
    Styles,
    Workbook,
)
from coalition.members.imports.xlsx_sheet import Sheet

CHUNK_BYTES = 64 * 1024
DEFAULT_WORKBOOK = "xl/workbook.xml"
ZIP_READ_ERRORS = (
    zipfile.BadZipFile,  # a broken directory, a wrong checksum, a header that lies
    zlib.error,
    EOFError,
    RuntimeError,  # an encrypted part
    NotImplementedError,
    OSError,
    ValueError,
)


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
        workbook = Workbook(self.reading)
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
        styles = Styles(self.reading)
        strings = SharedStrings(self.reading)
        kinds = {kind.rpartition("/")[2]: target for kind, target in reversed(related.values())}
        if "styles" in kinds:  # the first of each kind only, however often it is listed
            self._read(kinds["styles"], styles, MAX_STYLES_BYTES)
        if "sharedStrings" in kinds:
            self._read(kinds["sharedStrings"], strings, MAX_SHARED_STRINGS_BYTES)
        sheet = Sheet(self.reading, strings.strings, styles, workbook.epoch)
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
        relationships = Relationships(self.reading)
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
        except Finished:
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
