"""Hostile uploads (security review, issue 11, finding 7): every limit holds while the file is read,
whatever its zip headers and dimensions claim; each answers with a message beside the upload
field and stores nothing. Each test builds its file and asserts how much of it was read."""

import io

import pytest
from openpyxl import Workbook, load_workbook
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from coalition.core.extensions import db
from coalition.members.imports import limits
from coalition.members.imports.models import ImportBatch, ImportRow
from coalition.members.imports.spreadsheets import Reading, SpreadsheetError, read_table
from coalition.members.imports.xlsx_reader import CHUNK_BYTES
from coalition.members.imports.xlsx_sheet import cell_text
from tests.members.imports import hostile_uploads as hostile

UPLOAD = "/members/import/"
SMALL_PARTS = 4_000  # bytes of the relationships and workbook parts every file has


@pytest.fixture
def coordinator_client(client, create_coordinator):
    client.login(create_coordinator(name="Marisol Vega"))
    return client


def _upload(client, data, filename):
    fields = {
        "csrf_token": client.csrf_token(UPLOAD),
        "kind": "people",
        "file": FileStorage(io.BytesIO(data), filename),
    }
    boundary, body = encode_multipart(MultiDict(fields))
    return client.post(UPLOAD, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def _refused(filename, data):
    """The message read_table gives, and how much it read before giving it."""
    reading = Reading()
    with pytest.raises(SpreadsheetError) as raised:
        read_table(filename, data, reading)
    return str(raised.value.message), reading


def _assert_answered_beside_the_field(client, app, data, filename, message):
    response = _upload(client, data, filename)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    field_error = html[html.index('id="file-error"') :][:1000]
    assert message in field_error.replace("&#34;", '"')
    with app.app_context():
        stored = db.session.scalar(db.select(db.func.count()).select_from(ImportBatch))
        stored += db.session.scalar(db.select(db.func.count()).select_from(ImportRow))
    assert stored == 0


# --- .xlsx: reading stops at the first cell, row or byte past a limit --------------------------


def test_a_header_row_of_many_cells_stops_at_the_first_cell_past_the_column_limit(
    coordinator_client, app
):
    data = hostile.wide_header(cells=200_000)  # and a dimension that claims one cell
    message, reading = _refused("wide.xlsx", data)
    assert message == "The file has more than 60 columns."
    assert reading.cells == limits.MAX_COLUMNS + 1
    assert reading.inflated_bytes < SMALL_PARTS + 2 * CHUNK_BYTES
    _assert_answered_beside_the_field(coordinator_client, app, data, "wide.xlsx", message)


def test_empty_formatted_cells_count_toward_the_cell_limit(coordinator_client, app):
    message, reading = _refused("wide.xlsx", hostile.wide_header(cells=400_000, with_values=False))
    assert "more than 300,000 cells" in message and "Save it as CSV" in message
    assert reading.cells == limits.MAX_XLSX_CELLS + 1


def test_reading_stops_at_the_first_row_past_the_row_limit(coordinator_client, app):
    data = hostile.long_sheet(rows=30_000)
    message, reading = _refused("long.xlsx", data)
    assert "more than 20,000 rows" in message
    assert reading.rows == limits.MAX_ROWS + 2  # the column names, 20,000 rows, and one more
    _assert_answered_beside_the_field(coordinator_client, app, data, "long.xlsx", message)


def test_empty_rows_are_visited_only_up_to_the_scanning_limit():
    message, reading = _refused("blank.xlsx", hostile.empty_rows(rows=200_000))
    assert "more than 20,000 rows" in message
    assert reading.rows == limits.MAX_SCANNED_ROWS + 1


@pytest.mark.parametrize("declared", [None, 0xFFFF_FF00], ids=["sizes as written", "zip says 4 GB"])
def test_a_sheet_that_inflates_past_its_cap_stops_at_the_cap(coordinator_client, app, declared):
    data = hostile.inflating_sheet(inflated=limits.MAX_SHEET_BYTES + 4 * 1024 * 1024)
    if declared is not None:
        data = hostile.declare_size(data, hostile.SHEET, declared)
    message, reading = _refused("bomb.xlsx", data)
    assert "too large once unpacked" in message
    assert reading.inflated_bytes > limits.MAX_SHEET_BYTES
    assert reading.inflated_bytes <= limits.MAX_SHEET_BYTES + CHUNK_BYTES + SMALL_PARTS
    if declared is None:
        _assert_answered_beside_the_field(coordinator_client, app, data, "bomb.xlsx", message)


def test_zip_sizes_that_understate_a_part_stop_reading_at_what_they_say(coordinator_client, app):
    data = hostile.lying_sizes(inflated=8 * 1024 * 1024)  # says 1,000 bytes
    message, reading = _refused("liar.xlsx", data)
    assert message == "The file could not be opened as an Excel workbook (.xlsx)."
    assert reading.inflated_bytes < SMALL_PARTS + 1_000
    _assert_answered_beside_the_field(coordinator_client, app, data, "liar.xlsx", message)


def test_a_shared_string_that_inflates_hugely_stops_at_the_text_limit(coordinator_client, app):
    data = hostile.inflating_strings(inflated=limits.MAX_TEXT_CHARACTERS + 2 * CHUNK_BYTES)
    message, reading = _refused("strings.xlsx", data)
    assert "more than 10 million characters" in message
    assert reading.inflated_bytes <= limits.MAX_TEXT_CHARACTERS + CHUNK_BYTES + SMALL_PARTS
    assert reading.cells == 0  # refused before the sheet was opened
    _assert_answered_beside_the_field(coordinator_client, app, data, "strings.xlsx", message)


def test_a_part_listed_many_times_is_read_once():
    data = hostile.strings_listed_often(times=1_000, inflated=4 * 1024 * 1024)
    message, reading = _refused("listed.xlsx", data)
    assert message == "The file has column names but no rows of data."
    assert 4 * 1024 * 1024 < reading.inflated_bytes < 4 * 1024 * 1024 + SMALL_PARTS + 200_000


def test_the_shared_string_table_stops_at_its_count_limit():
    message, reading = _refused("strings.xlsx", hostile.many_strings(count=400_000))
    assert "more than 300,000 cells" in message
    assert reading.shared_strings == limits.MAX_SHARED_STRINGS + 1


def test_styles_stop_at_their_element_limit():
    message, reading = _refused("styles.xlsx", hostile.many_styles(count=400_000))
    assert "too large once unpacked" in message
    assert reading.xml_elements < 300_000 + 100


def test_elements_that_are_neither_rows_nor_cells_stop_at_the_element_limit():
    message, reading = _refused("junk.xlsx", hostile.junk_elements(count=2_000_000))
    assert "too large once unpacked" in message
    assert reading.xml_elements == limits.MAX_XML_ELEMENTS + 1
    assert reading.rows == 0


@pytest.mark.parametrize(
    "build", [hostile.entity_expansion, hostile.external_entity], ids=["in the sheet", "in strings"]
)
def test_xml_declaring_entities_is_refused_before_any_is_expanded(coordinator_client, app, build):
    data = build()
    message, reading = _refused("entities.xlsx", data)
    assert "DOCTYPE or ENTITY" in message
    assert reading.characters == 0 and reading.cells == 0
    _assert_answered_beside_the_field(coordinator_client, app, data, "entities.xlsx", message)


@pytest.mark.parametrize(
    ("build", "filename"),
    [
        (hostile.bzip2_sheet, "bzip2.xlsx"),
        (lambda: hostile.many_members(count=20_000), "members.xlsx"),
        (lambda: b"\x00\x01 not a zip at all " * 100, "people.xlsx"),
        (lambda: b"PK\x03\x04" + b"\x00" * 200, "people.xlsx"),
    ],
    ids=["bzip2 compression", "20,000 zip members", "not a zip", "a zip's signature only"],
)
def test_a_file_that_is_not_an_ordinary_workbook_is_not_inflated(
    coordinator_client, app, build, filename
):
    data = build()
    message, reading = _refused(filename, data)
    assert message == "The file could not be opened as an Excel workbook (.xlsx)."
    assert reading.inflated_bytes == 0
    _assert_answered_beside_the_field(coordinator_client, app, data, filename, message)


# --- CSV: lines and cells have limits --------------------------------------------------------


def test_a_csv_first_line_past_the_csv_modules_own_limit_is_a_message_not_an_error(
    coordinator_client, app
):
    data = hostile.long_csv_header_cell(characters=140_000)  # over csv's 131,072
    message, reading = _refused("people.csv", data)
    assert message == "Row 1 has a cell longer than 5,000 characters."
    assert reading.lines == 1
    _assert_answered_beside_the_field(coordinator_client, app, data, "people.csv", message)


def test_a_csv_line_past_the_line_limit_stops_reading_there(coordinator_client, app):
    data = hostile.long_csv_line(characters=limits.MAX_LINE_CHARACTERS + 10)
    message, reading = _refused("people.csv", data)
    assert message.startswith("Line 1 is longer than 300,180 characters")
    assert reading.lines == 1 and reading.rows == 0
    _assert_answered_beside_the_field(coordinator_client, app, data, "people.csv", message)


def test_a_quoted_csv_cell_over_many_lines_is_stopped_by_the_cell_limit():
    message, reading = _refused("people.csv", hostile.long_quoted_csv_cell(lines=10_000))
    assert message == "Row 2 has a cell longer than 5,000 characters."
    assert reading.rows == 1  # the column names; the second record never completed


def test_a_csv_data_row_past_the_column_limit_is_refused():
    data = b"Name,Email\n" + b"Ana,ana@example.org" + b",x" * 60 + b"\n"
    message, reading = _refused("people.csv", data)
    assert message == "The file has more than 60 columns."
    assert reading.rows == 2


# --- Ordinary workbooks still read as before ------------------------------------------------


def _openpyxl_rows(data):
    """The rows as the previous reader (openpyxl, read-only) gave them, trailing blanks cut."""
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    rows = []
    for number, cells in enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1):
        texts = [cell_text(value).strip() for value in cells]
        while texts and not texts[-1]:
            texts.pop()
        if texts and number > 1:
            rows.append((number, texts))
    workbook.close()
    return rows


def test_an_ordinary_workbook_reads_as_openpyxl_read_it():
    from datetime import date, datetime, time

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Name", "Phone", "Joined", "Seen", "Active", "Score", "Notes"])
    sheet.append(["Tomás Reyes", 5550142, date(2026, 3, 1), datetime(2026, 3, 1, 9, 30), True])
    sheet.append(["Ana", None, None, time(10, 15), False, 2.5, "  spaced  "])
    sheet.append([])
    sheet.append(["Bo", "555-0101", None, None, None, 3.0, "línea\ncon ñ"])
    sheet["BZ7"].number_format = "0.00"  # formatting alone past column 60: not a value
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    table = read_table("people.xlsx", data)
    assert table.headers == ["Name", "Phone", "Joined", "Seen", "Active", "Score", "Notes"]
    assert table.rows == _openpyxl_rows(data)
    assert table.rows[0] == (
        2,
        ["Tomás Reyes", "5550142", "2026-03-01", "2026-03-01T09:30:00", "yes"],
    )


def test_prefixed_names_sparse_cells_and_empty_formatted_cells_past_the_limit():
    prefixed = (
        f'<x:worksheet xmlns:x="{hostile.MAIN}"><x:sheetData>'
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Name</x:t></x:is></x:c>'
        '<x:c r="C1" t="inlineStr"><x:is><x:r><x:t>E</x:t></x:r><x:r><x:t>mail</x:t></x:r>'
        "<x:rPh><x:t>ignored</x:t></x:rPh></x:is></x:c>"
        '<x:c r="ZZ1" s="3"/></x:row>'
        '<x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:t>Ana</x:t></x:is></x:c>'
        '<x:c r="C4" t="inlineStr"><x:is><x:t>ana@example.org</x:t></x:is></x:c></x:row>'
        "</x:sheetData></x:worksheet>"
    )
    table = read_table("people.xlsx", hostile.workbook([prefixed]))
    assert table.headers == ["Name", "Column 2", "Email"]
    assert table.rows == [(4, ["Ana", "", "ana@example.org"])]


def test_a_sheet_that_starts_below_row_1_has_an_empty_first_row():
    data = hostile.workbook(
        hostile.sheet('<row r="3"><c t="inlineStr"><is><t>Name</t></is></c></row>')
    )
    message, _ = _refused("people.xlsx", data)
    assert message.startswith("The first row is empty.")


def test_a_formula_is_named_by_its_cell():
    data = hostile.workbook(
        hostile.sheet(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>'
            '<row r="2"><c r="B2"><f>1+1</f><v>2</v></c></row>'
        )
    )
    message, _ = _refused("people.xlsx", data)
    assert "formulas (first in cell B2)" in message


def test_an_encrypted_looking_part_is_not_opened():
    data = hostile.mark_encrypted(hostile.workbook(hostile.sheet("")), "_rels/.rels")
    message, reading = _refused("people.xlsx", data)
    assert message == "The file could not be opened as an Excel workbook (.xlsx)."
    assert reading.inflated_bytes == 0
