"""Hostile spreadsheets built in memory, part by part, for the upload tests and bench/.

Large parts are written to the zip a piece at a time (zipfile compresses as it goes), so a part
that inflates to a gigabyte is built without ever holding it whole.
"""

import io
import itertools
import struct
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET = "xl/worksheets/sheet1.xml"
SHARED_STRINGS = "xl/sharedStrings.xml"
STYLES = "xl/styles.xml"
PIECE = 1024 * 1024

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    "</Types>"
)
ROOT_RELATIONSHIPS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
    f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
    '<sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>'
)


def _workbook_relationships(shared_strings, styles, listed=1):
    parts = [
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE_RELATIONSHIPS}">',
        f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/worksheet" '
        'Target="worksheets/sheet1.xml"/>',
    ]
    if shared_strings is not None:
        parts.extend(
            f'<Relationship Id="rId2-{n}" Type="{RELATIONSHIPS}/sharedStrings" '
            'Target="sharedStrings.xml"/>'
            for n in range(listed)
        )
    if styles is not None:
        parts.append(f'<Relationship Id="rId3" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/>')
    parts.append("</Relationships>")
    return "".join(parts)


def repeated(text, times):
    """`text` `times` over, in pieces of about a megabyte (never the whole in memory)."""
    data = text.encode() if isinstance(text, str) else text
    per_piece = max(1, PIECE // len(data))
    whole, rest = divmod(times, per_piece)
    pieces = itertools.repeat(data * per_piece, whole)
    return itertools.chain(pieces, [data * rest] if rest else [])


def sheet(*pieces, before_data=""):
    """A worksheet whose <sheetData> holds the pieces (bytes, text, or iterables of them)."""
    return [
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{before_data}<sheetData>',
        *pieces,
        "</sheetData></worksheet>",
    ]


def shared_strings(*pieces):
    return [f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">', *pieces, "</sst>"]


def styles(*pieces):
    return [
        f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">',
        *pieces,
        "</styleSheet>",
    ]


def _flatten(pieces):
    for piece in pieces:
        if isinstance(piece, (str, bytes)):
            yield piece.encode() if isinstance(piece, str) else piece
        else:
            yield from _flatten(piece)


def workbook(
    sheet_part,
    strings_part=None,
    styles_part=None,
    compression=zipfile.ZIP_DEFLATED,
    extra_parts=(),
    strings_listed=1,
):
    """The bytes of an .xlsx file with these parts (each a list of pieces)."""
    buffer = io.BytesIO()
    parts = [
        ("[Content_Types].xml", [CONTENT_TYPES]),
        ("_rels/.rels", [ROOT_RELATIONSHIPS]),
        ("xl/workbook.xml", [WORKBOOK]),
        (
            "xl/_rels/workbook.xml.rels",
            [_workbook_relationships(strings_part, styles_part, strings_listed)],
        ),
        (SHEET, sheet_part),
    ]
    if strings_part is not None:
        parts.append((SHARED_STRINGS, strings_part))
    if styles_part is not None:
        parts.append((STYLES, styles_part))
    parts.extend(extra_parts)
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, pieces in parts:
            with archive.open(name, "w") as part:
                for piece in _flatten(pieces):
                    part.write(piece)
    return buffer.getvalue()


def _central_entry(data, name):
    """Where `name`'s entry in the zip's central directory starts."""
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        position = archive.start_dir
    while data[position : position + 4] == b"PK\x01\x02":
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, position + 28)
        if bytes(data[position + 46 : position + 46 + name_length]).decode() == name:
            return position
        position += 46 + name_length + extra_length + comment_length
    raise KeyError(name)


def declare_size(data, name, size):
    """The zip with `name`'s uncompressed size rewritten as `size` in both of its headers."""
    data = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        local_header = archive.getinfo(name).header_offset
    struct.pack_into("<I", data, local_header + 22, size)
    struct.pack_into("<I", data, _central_entry(data, name) + 24, size)
    return bytes(data)


def mark_encrypted(data, name):
    """The zip with `name` flagged as encrypted in its directory entry."""
    data = bytearray(data)
    data[_central_entry(data, name) + 8] |= 0x01
    return bytes(data)


# --- The hostile files: (what it is, bytes) ----------------------------------------------------


def wide_header(cells=20_000_000, with_values=True):
    """One header row of `cells` cells, under a dimension that claims one cell."""
    cell = '<c t="inlineStr"><is><t>x</t></is></c>' if with_values else '<c s="0"/>'
    return workbook(
        sheet('<row r="1">', repeated(cell, cells), "</row>", before_data='<dimension ref="A1"/>')
    )


def long_sheet(rows=1_000_000):
    """A name in each of a million rows (row numbers implied, no dimension)."""
    return workbook(sheet(repeated('<row><c t="inlineStr"><is><t>Name</t></is></c></row>', rows)))


def empty_rows(rows=5_000_000):
    """A header, then millions of empty rows: nothing to keep, everything to visit."""
    header = '<row r="1"><c t="inlineStr"><is><t>Name</t></is></c></row>'
    return workbook(sheet(header, repeated("<row/>", rows)))


def inflating_sheet(inflated=1024**3):
    """A sheet whose blank space between rows inflates to `inflated` bytes."""
    return workbook(sheet(repeated(b" ", inflated)))


def inflating_strings(inflated=1024**3):
    """One shared string `inflated` bytes long."""
    header = '<row r="1"><c t="s"><v>0</v></c></row>'
    return workbook(sheet(header), shared_strings("<si><t>", repeated(b"a", inflated), "</t></si>"))


def strings_listed_often(times=5_000, inflated=64 * 1024**2):
    """A shared string table of blank space, listed `times` over in the workbook's relationships."""
    header = '<row r="1"><c t="inlineStr"><is><t>Name</t></is></c></row>'
    return workbook(sheet(header), shared_strings(repeated(b" ", inflated)), strings_listed=times)


def many_strings(count=10_000_000):
    """A shared string table of `count` one-letter strings."""
    header = '<row r="1"><c t="s"><v>0</v></c></row>'
    return workbook(sheet(header), shared_strings(repeated("<si><t>a</t></si>", count)))


def many_styles(count=10_000_000):
    return workbook(
        sheet('<row r="1"><c t="inlineStr"><is><t>Name</t></is></c></row>'),
        styles_part=styles("<cellXfs>", repeated('<xf numFmtId="0"/>', count), "</cellXfs>"),
    )


def junk_elements(count=50_000_000):
    """Elements that are neither rows nor cells, inside the sheet's data."""
    return workbook(sheet(repeated("<x/>", count)))


def lying_sizes(inflated=1024**3):
    """The sheet inflates to a gigabyte; the zip's headers say 1,000 bytes."""
    return declare_size(inflating_sheet(inflated), SHEET, 1_000)


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    )
    + f']><worksheet xmlns="{MAIN}"><sheetData><row r="1"><c t="inlineStr"><is><t>&lol9;'
    "</t></is></c></row></sheetData></worksheet>"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    f'<sst xmlns="{MAIN}"><si><t>&secret;</t></si></sst>'
)


def entity_expansion():
    return workbook([BILLION_LAUGHS])


def external_entity():
    return workbook(sheet('<row r="1"><c t="s"><v>0</v></c></row>'), [EXTERNAL_ENTITY])


def bzip2_sheet():
    """A sheet compressed with bzip2, which no spreadsheet program writes."""
    return workbook(
        sheet('<row r="1"><c t="inlineStr"><is><t>Name</t></is></c></row>'),
        compression=zipfile.ZIP_BZIP2,
    )


def many_members(count=50_000):
    """A valid workbook with `count` more (empty) files in its zip."""
    header = '<row r="1"><c t="inlineStr"><is><t>Name</t></is></c></row>'
    return workbook(sheet(header), extra_parts=[(f"junk/{n}", [b""]) for n in range(count)])


def long_csv_line(characters=1_000_000):
    return b"Name," + b"x" * characters + b"\nAna,ana@example.org\n"


def long_csv_header_cell(characters=140_000):
    """A first line longer than the csv module's own field limit (131,072), but not our line's."""
    return b"Name," + b"x" * characters + b"\nAna,ana@example.org\n"


def long_quoted_csv_cell(lines=20_000):
    """One quoted cell running over many short lines: past 131,072 characters in all."""
    return b'Name,Notes\nAna,"' + b"a line of notes\n" * lines + b'"\n'


HOSTILE = {  # name: (builder, what it is)
    "header row of 20 million cells": (wide_header, "xlsx"),
    "header row of 20 million empty cells": (lambda: wide_header(with_values=False), "xlsx"),
    "a million rows": (long_sheet, "xlsx"),
    "5 million empty rows": (empty_rows, "xlsx"),
    "sheet inflating to 1 GB": (inflating_sheet, "xlsx"),
    "shared string of 1 GB": (inflating_strings, "xlsx"),
    "10 million shared strings": (many_strings, "xlsx"),
    "64 MB of strings listed 5,000 times": (strings_listed_often, "xlsx"),
    "10 million cell styles": (many_styles, "xlsx"),
    "50 million junk elements": (junk_elements, "xlsx"),
    "zip sizes that lie (1 GB said 1 KB)": (lying_sizes, "xlsx"),
    "billion laughs (entities)": (entity_expansion, "xlsx"),
    "external entity": (external_entity, "xlsx"),
    "bzip2-compressed part": (bzip2_sheet, "xlsx"),
    "50,000 zip members": (many_members, "xlsx"),
    "not a zip at all": (lambda: b"\x00\x01 definitely not a zip file " * 100, "xlsx"),
    "CSV line of a million characters": (long_csv_line, "csv"),
    "CSV first line over 131,072 characters": (long_csv_header_cell, "csv"),
    "CSV quoted cell over 131,072 characters": (long_quoted_csv_cell, "csv"),
}
