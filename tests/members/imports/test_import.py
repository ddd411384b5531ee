"""Importing people and organizations: files, mapping, the stored preview, all or none."""

import codecs
import io
import re

import pytest
from openpyxl import Workbook
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from coalition.core.extensions import db
from coalition.members.imports.models import ImportBatch, ImportMapping, ImportRow
from coalition.members.organizations.models import Affiliation, Organization
from coalition.members.people.models import Person
from coalition.timeline.models import TimelineEntry

UPLOAD = "/members/import/"


@pytest.fixture
def coordinator_client(client, create_coordinator):
    client.login(create_coordinator(name="Marisol Vega"))
    return client


def _upload(client, data, filename="people.csv", kind="people"):
    """Post the file as a browser would (the body built in memory, so no temporary file)."""
    fields = {
        "csrf_token": client.csrf_token(UPLOAD),
        "kind": kind,
        "file": FileStorage(io.BytesIO(data), filename),
    }
    boundary, body = encode_multipart(MultiDict(fields))
    return client.post(UPLOAD, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def _latest_batch(app):
    with app.app_context():
        batch = db.session.scalar(db.select(ImportBatch).order_by(ImportBatch.id.desc()))
        if batch is not None:
            db.session.expunge(batch)
        return batch


def _count(app, model):
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(model))


def _map(client, batch, *fields):
    mapping = {f"column_{index}": name for index, name in enumerate(fields)}
    return client.post_form(f"/members/import/{batch.id}/columns", mapping)


def _run(client, batch, existing="skip"):
    return client.post_form(f"/members/import/{batch.id}/run", {"existing": existing})


def _csv(rows, header="Name,Email"):
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


# --- Reading files -------------------------------------------------------------------------


def test_utf8_with_bom_and_semicolons_is_detected(coordinator_client, app):
    data = codecs.BOM_UTF8 + "Nombre;Correo\nAna Lucía Torres;ana@example.org\n".encode()
    response = _upload(coordinator_client, data)
    batch = _latest_batch(app)
    assert response.headers["Location"] == f"/members/import/{batch.id}/columns"
    assert batch.headers == ["Nombre", "Correo"]
    assert batch.file_format == "CSV \u00b7 UTF-8 (BOM) \u00b7 ;"
    page = coordinator_client.get(response.headers["Location"]).get_data(as_text=True)
    assert '<option selected value="name">' in page and '<option selected value="email">' in page
    assert "Ana Lucía Torres" in page  # shown as an example under its column


def test_windows_1252_is_detected(coordinator_client, app):
    data = "Name,Email\nJosé Núñez,jose@example.org\n".encode("cp1252")
    _upload(coordinator_client, data)
    batch = _latest_batch(app)
    assert batch.file_format == "CSV \u00b7 Windows-1252 \u00b7 ,"
    with app.app_context():
        cells = db.session.scalar(db.select(ImportRow.cells))
    assert cells == ["José Núñez", "jose@example.org"]


def _xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_cells_are_read_as_text(coordinator_client, app):
    from datetime import date

    data = _xlsx([["Name", "Phone", "Joined"], ["Tomás Reyes", 5550142, date(2026, 3, 1)]])
    _upload(coordinator_client, data, "contacts.xlsx")
    with app.app_context():
        cells = db.session.scalar(db.select(ImportRow.cells))
    assert cells == ["Tomás Reyes", "5550142", "2026-03-01"]


def _many_rows(count):
    return b"Name,Email\n" + b"".join(b"P%d,p%d@example.org\n" % (i, i) for i in range(count))


BAD_FILES = [
    ("utf-16", "Name,Email\nAna,ana@example.org\n".encode("utf-16"), "people.csv", "UTF-16"),
    ("not text", b"Name,Email\n\x81\x8d\x8f\x90\x9d,x\n", "people.csv", "could not be read"),
    ("empty", b"", "people.csv", "The file is empty."),
    ("header only", b"Name,Email\n", "people.csv", "no rows of data"),
    ("no header", b"Ana,ana@example.org\nBo,bo@example.org\n", "people.csv", "looks like data"),
    ("same column twice", b"Name,Email,email\nA,a@x.org,b\n", "people.csv", "both named"),
    ("old excel", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "people.xls", ".xls"),
    ("broken xlsx", b"PK\x03\x04not really a zip", "people.xlsx", "could not be opened"),
    (
        "formulas",
        _xlsx([["Name", "Email"], ["Ana", "ana@example.org"], ['=HYPERLINK("x")', "b@x.org"]]),
        "people.xlsx",
        "formulas (first in cell A3)",
    ),
    ("too large", b"Name,Email\n" + b"a" * (5 * 1024 * 1024), "people.csv", "larger than 5 MB"),
    ("100,000 rows", _many_rows(100_000), "people.csv", "more than 20,000 rows"),
]


@pytest.mark.parametrize(
    ("data", "filename", "message"), [f[1:] for f in BAD_FILES], ids=[f[0] for f in BAD_FILES]
)
def test_a_malformed_file_gets_a_clear_report_and_changes_nothing(
    coordinator_client, app, data, filename, message
):
    response = _upload(coordinator_client, data, filename)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="file-error"' in html and message in html
    assert _count(app, ImportBatch) == 0 and _count(app, ImportRow) == 0


# --- Checking rows -------------------------------------------------------------------------


def test_every_problem_is_reported_by_row_and_nothing_is_imported(
    coordinator_client, app, create_person, create_organization
):
    create_person(name="Existing Ella", email="ella@example.org")
    create_organization("Second Chance Reentry")
    data = _csv(
        [
            "Good Gwen,gwen@example.org,Second Chance Reentry,primary delegate,English; Spanish",
            "Bad Email,not-an-email,,,",
            "Twice Tom,gwen@example.org,,,",
            "Lost Lou,lou@example.org,Unknown Agency,,",
            "Odd Olga,olga@example.org,,,Klingon",
            "=cmd|' /C calc'!A0,calc@example.org,,,",
            "Existing Ella,ELLA@example.org,,,",
        ],
        header="Name,Email,Organization,Role,Languages",
    )
    _upload(coordinator_client, data)
    batch = _latest_batch(app)
    response = _map(
        coordinator_client, batch, "name", "email", "organization", "organization_role", "languages"
    )
    assert response.headers["Location"] == f"/members/import/{batch.id}"
    html = coordinator_client.get(f"/members/import/{batch.id}").get_data(as_text=True)
    assert "5 rows have problems" in html and "1 row matches a record" in html
    expected = {
        "Row 3": "\u201cnot-an-email\u201d is not an email address.",
        "Row 4": "Email \u201cgwen@example.org\u201d is also in row 2.",
        "Row 5": "No organization called \u201cUnknown Agency\u201d is in the coalition",
        "Row 6": "\u201cKlingon\u201d is not a language on the list.",
        "Row 7": "Name starts with \u201c=\u201d, like a spreadsheet formula.",
    }
    for row, message in expected.items():
        start = html.index(f'<th scope="row">{row}</th>')
        assert message in html[start : start + 400], row
    assert "Row 2</th>" not in html and "Row 8</th>" not in html
    assert "Import all" not in html  # no import button while rows have problems
    response = _run(coordinator_client, batch)  # and the action refuses too
    assert _count(app, Person) == 2  # the coordinator and Ella: nothing imported


def test_the_mapping_is_remembered_for_the_next_upload(coordinator_client, app):
    data = _csv(["Ana,ana@example.org,555-0100"], header="Contact;E-mail address;Cell #")
    _upload(coordinator_client, data.replace(b",", b";"))
    first = _latest_batch(app)
    _map(coordinator_client, first, "name", "email", "phone")
    with app.app_context():
        remembered = db.session.get(ImportMapping, "people").columns
    assert remembered == {"contact": "name", "e mail address": "email", "cell": "phone"}
    _upload(
        coordinator_client,
        _csv(["Bo,bo@example.org,555-0101"], header="Contact,E-mail address,Cell #"),
    )
    second = _latest_batch(app)
    page = coordinator_client.get(f"/members/import/{second.id}/columns").get_data(as_text=True)
    for field in ("name", "email", "phone"):
        assert f'<option selected value="{field}">' in page


def test_choosing_one_field_for_two_columns_is_refused(coordinator_client, app):
    _upload(coordinator_client, _csv(["Ana,ana@example.org"]))
    batch = _latest_batch(app)
    response = _map(coordinator_client, batch, "name", "name")
    assert "chosen for two columns" in response.get_data(as_text=True)
    response = _map(coordinator_client, batch, "email", "")
    assert "Choose the column that holds Name." in response.get_data(as_text=True)


@pytest.mark.real_commits
def test_the_preview_lives_in_the_database_not_the_process(
    client, create_coordinator, app, make_app
):
    coordinator = create_coordinator()
    client.login(coordinator)
    _upload(client, _csv(["Ana,ana@example.org", "Bo,bad-email"]))
    batch = _latest_batch(app)
    _map(client, batch, "name", "email")
    other_worker = make_app().test_client()
    other_worker.login(coordinator)
    html = other_worker.get(f"/members/import/{batch.id}").get_data(as_text=True)
    assert "Row 3" in html and "is not an email address" in html


# --- Importing -----------------------------------------------------------------------------


def test_after_fixing_the_file_every_row_is_imported(coordinator_client, app, create_organization):
    create_organization("Second Chance Reentry")
    good = [
        f"Person {n:03d},imported{n:03d}@example.org,Second Chance Reentry,staff,Spanish"
        for n in range(300)
    ]
    header = "Name,Email,Organization,Role,Languages"
    broken = list(good)
    broken[10] = "Person 010,imported010-at-example.org,Second Chance Reentry,staff,Spanish"
    _upload(coordinator_client, _csv(broken, header))
    _map(
        coordinator_client,
        _latest_batch(app),
        "name",
        "email",
        "organization",
        "organization_role",
        "languages",
    )
    assert _count(app, Person) == 1

    _upload(coordinator_client, _csv(good, header), "people-fixed.csv")
    batch = _latest_batch(app)
    _map(
        coordinator_client, batch, "name", "email", "organization", "organization_role", "languages"
    )
    preview = coordinator_client.get(f"/members/import/{batch.id}").get_data(as_text=True)
    assert "Import all 300 rows" in preview
    response = _run(coordinator_client, batch)
    assert response.headers["Location"] == "/members/"
    assert _count(app, Person) == 301 and _count(app, Affiliation) == 300
    with app.app_context():
        person = db.session.scalar(db.select(Person).filter_by(email="imported123@example.org"))
        assert person.language_codes == ["es"] and person.version == 1
        assert not person.has_account and person.directory_consent is False
        saved = db.session.get(ImportBatch, batch.id)
        assert (saved.state, saved.created_count) == ("imported", 300)
        assert (
            db.session.scalar(db.select(db.func.count()).where(ImportRow.batch_id == batch.id)) == 0
        )
    again = _run(coordinator_client, batch)
    assert "already imported" in coordinator_client.get(again.headers["Location"]).get_data(
        as_text=True
    )
    assert _count(app, Person) == 301


def test_existing_records_are_skipped_or_updated_as_chosen(
    coordinator_client, app, create_person, reload
):
    ella = create_person(name="Ella Old", email="ella@example.org", phone="555-0000")
    data = _csv(
        ["Ella New,ELLA@example.org,", "Fresh Fay,fay@example.org,555-0002"],
        header="Name,Email,Phone",
    )
    _upload(coordinator_client, data)
    batch = _latest_batch(app)
    _map(coordinator_client, batch, "name", "email", "phone")
    _run(coordinator_client, batch, existing="skip")
    assert reload(Person, ella.id).name == "Ella Old" and _count(app, Person) == 3

    _upload(coordinator_client, data)
    batch = _latest_batch(app)
    _map(coordinator_client, batch, "name", "email", "phone")
    _run(coordinator_client, batch, existing="update")
    updated = reload(Person, ella.id)
    assert updated.name == "Ella New"
    assert updated.phone == "555-0000"  # an empty cell does not erase what was there
    assert _count(app, Person) == 3


def test_a_failure_halfway_imports_nothing(
    coordinator_client, app, create_organization, monkeypatch
):
    from coalition.members.imports import apply as import_apply

    create_organization("Second Chance Reentry")
    _upload(
        coordinator_client,
        _csv(
            [f"P{n},p{n}@example.org,Second Chance Reentry" for n in range(50)],
            header="Name,Email,Organization",
        ),
    )
    batch = _latest_batch(app)
    _map(coordinator_client, batch, "name", "email", "organization")

    def fail_after_people_were_written(*args):
        raise RuntimeError("database went away")

    monkeypatch.setattr(import_apply, "_link", fail_after_people_were_written)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = _run(coordinator_client, batch)
    assert response.status_code == 500
    assert _count(app, Person) == 1 and _count(app, Affiliation) == 0
    assert _latest_batch(app).state == "previewed"


def test_organizations_import_with_sectors_and_stages(coordinator_client, app):
    data = _csv(
        [
            "Haven House,Housing and homelessness services,active,es",
            "Grace Church,Faith-based organizations; Food access,contacted,",
            "Odd Org,Space exploration,identified,",
        ],
        header="Organization,Sector,Stage,Languages",
    )
    _upload(coordinator_client, data, "orgs.csv", kind="organizations")
    batch = _latest_batch(app)
    page = coordinator_client.get(f"/members/import/{batch.id}/columns").get_data(as_text=True)
    for field in ("name", "sectors", "status", "languages"):  # guessed from the column names
        assert f'<option selected value="{field}">' in page
    _map(coordinator_client, batch, "name", "sectors", "status", "languages")
    html = coordinator_client.get(f"/members/import/{batch.id}").get_data(as_text=True)
    assert "No sector is called \u201cSpace exploration\u201d." in html

    fixed = data.replace(b"Odd Org,Space exploration", b"Odd Org,Mental health")
    _upload(coordinator_client, fixed, "orgs.csv", kind="organizations")
    batch = _latest_batch(app)
    _map(coordinator_client, batch, "name", "sectors", "status", "languages")
    response = _run(coordinator_client, batch)
    assert response.headers["Location"] == "/members/organizations/"
    with app.app_context():
        haven = db.session.scalar(db.select(Organization).filter_by(name="Haven House"))
        grace = db.session.scalar(db.select(Organization).filter_by(name="Grace Church"))
        assert haven.status == "active" and haven.joined_on is not None
        assert haven.language_codes == ["es"] and len(haven.status_changes) == 1
        assert sorted(s.key for s in grace.sectors) == ["faith", "food"]
        entry = db.session.scalar(db.select(TimelineEntry))
        assert (entry.source_id, entry.event) == (haven.id, "active-1")


def test_people_import_names_one_primary_delegate_per_organization(
    coordinator_client, app, create_organization, create_person, link_person
):
    organization = create_organization("Second Chance Reentry")
    former = create_person(email="former@example.org")
    link_person(former, organization, "primary")
    data = _csv(
        [
            "Darnell Brooks,darnell@example.org,Second Chance Reentry,primary delegate",
            "Jamal Carter,jamal@example.org,Second Chance Reentry,primary",
        ],
        header="Name,Email,Organization,Role",
    )
    _upload(coordinator_client, data)
    batch = _latest_batch(app)
    _map(coordinator_client, batch, "name", "email", "organization", "organization_role")
    _run(coordinator_client, batch)
    with app.app_context():
        roles = dict(
            db.session.execute(
                db.select(Person.email, Affiliation.role).join(Affiliation.person)
            ).all()
        )
    assert roles == {
        "former@example.org": "alternate",
        "darnell@example.org": "primary",
        "jamal@example.org": "alternate",
    }


def test_discarding_an_upload_forgets_it(coordinator_client, app):
    _upload(coordinator_client, _csv(["Ana,ana@example.org"]))
    batch = _latest_batch(app)
    coordinator_client.post_form(f"/members/import/{batch.id}/discard")
    assert _count(app, ImportBatch) == 0 and _count(app, ImportRow) == 0


# --- The preview's counts and what it says (issue 18) ------------------------------------


COUNT_MIXES = [
    # (rows, problems, matched, new): a row with problems is neither matched nor new
    (["A,a@x.org,", "B,b@x.org,", "Bad,not-an-email,", "D,d@x.org,", "E,e@x.org,"], 1, 0, 4),
    (["Ella,ella@example.org,", "B,b@x.org,", "Bad,bad@,", "D,d@x.org,", "E,e@x.org,"], 1, 1, 3),
    (["Ella,ELLA@example.org,Klingon", "Bo,bo@example.org,", "C,c@x.org,", "Bad,bad@,"], 2, 1, 1),
    (["Bad,one@,", "Worse,two@,", "Ella,ella@example.org,Klingon"], 3, 0, 0),
]


@pytest.mark.parametrize(("rows", "problems", "matched", "new"), COUNT_MIXES)
def test_the_preview_counts_add_up_to_the_rows_in_the_file(
    coordinator_client, app, create_person, rows, problems, matched, new
):
    create_person(name="Existing Ella", email="ella@example.org")
    create_person(name="Existing Bo", email="bo@example.org")
    _upload(coordinator_client, _csv(rows, header="Name,Email,Languages"))
    batch = _latest_batch(app)
    _map(coordinator_client, batch, "name", "email", "languages")
    html = coordinator_client.get(f"/members/import/{batch.id}").get_data(as_text=True)
    summary = html[html.index('<ul class="import-summary">') :].split("</ul>")[0]
    numbers = [int(n) for n in re.findall(r"<li>(\d+) rows?", summary)]
    assert numbers == [problems, matched, new]
    assert sum(numbers) == len(rows)


def test_only_a_file_after_an_earlier_one_says_its_choices_are_filled_in(coordinator_client, app):
    _upload(coordinator_client, _csv(["Ana,ana@example.org"]))
    first = _latest_batch(app)
    page = coordinator_client.get(f"/members/import/{first.id}/columns").get_data(as_text=True)
    assert "your last import" not in page
    assert "Columns whose names were recognized are filled in; check each one." in page
    _map(coordinator_client, first, "name", "email")
    page = coordinator_client.get(f"/members/import/{first.id}/columns").get_data(as_text=True)
    assert "The choices you made for this file are filled in." in page
    _upload(coordinator_client, _csv(["Bo,bo@example.org"]))
    second = _latest_batch(app)
    page = coordinator_client.get(f"/members/import/{second.id}/columns").get_data(as_text=True)
    assert "The choices from your last import are filled in." in page


def test_imported_people_show_why_they_are_not_in_the_directory_and_their_language(
    coordinator_client, app
):
    data = _csv(
        ["Ana Torres,ana@example.org,Spanish,no", "Bo Chen,,Vietnamese,"],
        "Name,Email,Idioma preferido,Directory",
    )
    _upload(coordinator_client, data)
    batch = _latest_batch(app)
    _map(coordinator_client, batch, "name", "email", "preferred_language", "directory_consent")
    _run(coordinator_client, batch)
    page = " ".join(coordinator_client.get("/members/").get_data(as_text=True).split())
    assert "asked" not in page  # the file said "no" for Ana: no one can tell she was never asked
    ana = page[page.index(">Ana Torres</a>") :].split("</li>")[0]
    assert "Not in directory" in ana
    assert "They have no account yet; once they have one they can choose to appear." in ana
    assert "Send an account invitation to Ana Torres</a>" in ana
    assert "Prefers: Spanish" in ana
    bo = page[page.index(">Bo Chen</a>") :].split("</li>")[0]
    assert "They have no account and no email, so they cannot choose for themselves" in bo
    assert "Prefers: Vietnamese" in bo


def test_organizations_import_reads_the_language_for_their_contact_address(
    coordinator_client, app, create_organization
):
    """An optional column, named or coded (Español, es, Spanish); empty is the coalition's;
    a language the coalition does not write email in is refused with the ones it does."""
    create_organization("Westside Pantry", contact_email="hello@pantry.org")
    data = _csv(
        [
            "Iglesia Nueva Esperanza,oficina@ine.org,Español",
            "Westside Pantry,hello@pantry.org,es",
            "Grace Church,office@grace.org,",
            "Chùa Phổ Quang,chua@pq.org,Vietnamese",
        ],
        header="Name,Contact email,Language for email to the contact address",
    )
    _upload(coordinator_client, data, "orgs.csv", kind="organizations")
    batch = _latest_batch(app)
    page = coordinator_client.get(f"/members/import/{batch.id}/columns").get_data(as_text=True)
    assert '<option selected value="email_language">' in page  # guessed from the column name
    _map(coordinator_client, batch, "name", "contact_email", "email_language")
    html = coordinator_client.get(f"/members/import/{batch.id}").get_data(as_text=True)
    assert (
        "The coalition does not write email in \u201cVietnamese\u201d; write one of English,"
        " Español, or leave it empty for the coalition&#39;s language." in html
    )

    fixed = data.replace(b"Vietnamese", b"English")
    _upload(coordinator_client, fixed, "orgs.csv", kind="organizations")
    batch = _latest_batch(app)
    _map(coordinator_client, batch, "name", "contact_email", "email_language")
    _run(coordinator_client, batch, existing="update")
    with app.app_context():
        rows = db.session.execute(db.select(Organization.name, Organization.language)).all()
    languages = dict(rows)
    assert languages == {
        "Iglesia Nueva Esperanza": "es",
        "Westside Pantry": "es",
        "Grace Church": None,
        "Chùa Phổ Quang": "en",
    }
