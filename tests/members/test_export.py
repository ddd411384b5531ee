"""Exports: the filtered list as CSV or .xlsx, neutralized, filtered by authz, audited."""

import csv
import io

import pytest
from openpyxl import load_workbook

from coalition.core.audit import AuditEvent
from coalition.core.extensions import db
from coalition.web.exports import safe_cell


def _csv_rows(response):
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"  # charset said once
    assert "attachment" in response.headers["Content-Disposition"]
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))


def _xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(response.data)).worksheets[0]
    return [[cell.value or "" for cell in row] for row in sheet.iter_rows()], sheet


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Ana", "Ana"),
        (None, ""),
    ],
)
def test_cells_a_spreadsheet_would_run_are_neutralized(value, expected):
    assert safe_cell(value) == expected


def test_csv_and_xlsx_exports_neutralize_formulas(client, create_coordinator, create_person):
    create_person(name="=cmd|' /C calc'!A0", pronouns="@them")
    client.login(create_coordinator(name="Aaron Coordinator"))
    rows = _csv_rows(client.post_form("/members/export", {"file_format": "csv"}))
    names = [row[0] for row in rows]
    assert "'=cmd|' /C calc'!A0" in names
    xlsx, sheet = _xlsx_rows(client.post_form("/members/export", {"file_format": "xlsx"}))
    assert ["'=cmd|' /C calc'!A0", "'@them"] in [row[:2] for row in xlsx]
    assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row if cell.value)


def test_the_export_follows_the_filters(client, create_coordinator, create_person):
    create_person(name="Ana Spanish", languages=["es"])
    create_person(name="Bo English", languages=["en"])
    client.login(create_coordinator(name="Zed Coordinator"))
    rows = _csv_rows(client.post_form("/members/export", {"file_format": "csv", "language": "es"}))
    assert [row[0] for row in rows[1:]] == ["Ana Spanish"]


def test_sensitive_fields_only_when_a_coordinator_asks_and_the_person_agreed(
    client, create_coordinator, create_person
):
    create_person(name="Agreed Ana", access_needs="ASL", sensitive_export_consent=True)
    create_person(name="Declined Dan", access_needs="Wheelchair", sensitive_export_consent=False)
    client.login(create_coordinator(name="Coordinator C"))
    plain = _csv_rows(client.post_form("/members/export", {"file_format": "csv"}))
    assert "Access or interpretation needs" not in plain[0]
    asked = _csv_rows(
        client.post_form("/members/export", {"file_format": "csv", "include_sensitive": "y"})
    )
    column = asked[0].index("Access or interpretation needs")
    by_name = {row[0]: row[column] for row in asked[1:]}
    assert by_name["Agreed Ana"] == "ASL" and by_name["Declined Dan"] == ""


def test_members_asking_for_sensitive_fields_get_none(client, create_person):
    create_person(name="Agreed Ana", access_needs="ASL", sensitive_export_consent=True)
    client.login(create_person())
    rows = _csv_rows(
        client.post_form("/members/export", {"file_format": "csv", "include_sensitive": "y"})
    )
    assert "Access or interpretation needs" not in rows[0]
    assert "ASL" not in str(rows)


def test_every_export_is_recorded_in_the_audit_log(
    client, create_coordinator, create_organization, app
):
    create_organization("Haven House", sectors=["housing"])
    coordinator = create_coordinator()
    client.login(coordinator)
    client.post_form("/members/export", {"file_format": "csv", "include_sensitive": "y"})
    response = client.post_form(
        "/members/organizations/export", {"file_format": "xlsx", "status": "identified"}
    )
    rows, _sheet = _xlsx_rows(response)
    assert rows[1][:2] == ["Haven House", "Identified"]
    with app.app_context():
        events = db.session.scalars(db.select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [(e.action, e.actor_id) for e in events] == [
        ("members.exported", coordinator.id),
        ("members.exported", coordinator.id),
    ]
    assert events[0].detail.startswith("people as csv, 1 rows, sensitive fields: yes")
    assert "organizations as xlsx" in events[1].detail and "status=identified" in events[1].detail


def test_exporting_is_a_post_with_its_csrf_token(client, create_person):
    client.login(create_person())
    assert client.get("/members/export").status_code == 405
    assert client.post("/members/export", data={"file_format": "csv"}).status_code == 400
