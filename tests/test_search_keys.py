"""Search keys (core.matching.search_key, core/search_keys.py): what they fold, and the
migration (41619066b757) that computes them for rows saved before, then drops them."""

from datetime import datetime

import flask_migrate
import pytest
from sqlalchemy import DateTime, bindparam, inspect, text

from coalition import create_app
from coalition.core.extensions import db
from coalition.core.matching import search_key

BEFORE = "97bf1aa4fdd8"
T0 = datetime.fromisoformat("2026-06-01 15:00:00+00:00")
PEOPLE = 1001  # more than one batch of the migration's 1,000


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("José Ramírez", "jose ramirez"),
        ("ÁMBITO  Latino ", "ambito latino"),
        ("Nguyễn Thị Lan", "nguyen thi lan"),
        ("Đặng Văn Minh", "dang van minh"),
        ("Straße", "strasse"),
        ("Peña", "pena"),
        ("Jose\u0301", "jose"),  # an accent typed as a separate combining mark
        ("50%_off", "50%_off"),
    ],
)
def test_search_key_drops_case_accents_and_extra_spaces(typed, key):
    assert search_key(typed) == key


def _run(connection, sql, rows):
    statement = text(sql).bindparams(bindparam("t", type_=DateTime(timezone=True)))
    connection.execute(statement, [{**row, "t": T0} for row in rows])


def _insert_old_rows(connection):
    people = [{"id": 1, "name": "José Ramírez"}, {"id": 2, "name": "Nguyễn Thị Lan"}]
    people += [{"id": n, "name": f"Person {n}"} for n in range(3, PEOPLE + 1)]
    _run(
        connection,
        "INSERT INTO person (id, name, role, access_needs, directory_consent, contact_consent, "
        "sensitive_export_consent, session_generation, created_at, version) "
        "VALUES (:id, :name, 'member', '', true, false, false, 1, :t, 1)",
        people,
    )
    _run(
        connection,
        "INSERT INTO organization (id, name, description, communities_served, status, "
        "created_at, version) VALUES (1, 'Ámbito Latino', '', '', 'identified', :t, 1)",
        [{}],
    )
    _run(
        connection,
        "INSERT INTO revisioned_text (id, kind, current_number, text, created_at, version) "
        "VALUES (1, 'draft', 0, '', :t, 1)",
        [{}],
    )
    _run(
        connection,
        "INSERT INTO draft (id, title, kind, audience, purpose, language, status, text_id, "
        "created_at, version) VALUES (1, 'Carta al Ámbito', 'other', '', '', 'es', 'draft', 1, "
        ":t, 1)",
        [{}],
    )


def _found(model, column, typed):
    from coalition.core.search_keys import key_contains

    query = db.select(model.id).where(key_contains(column, typed)).order_by(model.id)
    return db.session.scalars(query).all()


def test_the_migration_fills_keys_for_existing_rows_and_the_downgrade_drops_them(scratch_url):
    from coalition.members.organizations.models import Organization
    from coalition.members.people.models import Person
    from coalition.messaging.models import Draft
    from tests.conftest import make_config

    scratch = create_app(make_config(scratch_url))
    with scratch.app_context(), scratch.test_request_context():
        flask_migrate.upgrade(revision=BEFORE)
        with db.engine.begin() as connection:
            _insert_old_rows(connection)
        flask_migrate.upgrade()

        assert _found(Person, Person.name_search, "jose") == [1]
        assert _found(Person, Person.name_search, "NGUYEN") == [2]
        assert _found(Person, Person.name_search, f"person {PEOPLE}") == [PEOPLE]  # 2nd batch
        assert _found(Organization, Organization.name_search, "ambito") == [1]
        assert _found(Draft, Draft.title_search, "ÁMBITO") == [1]
        assert db.session.get(Draft, 1).version == 1  # computing a key is not an edit
        db.session.remove()

        flask_migrate.downgrade(revision=BEFORE)
        columns = {
            table: {column["name"] for column in inspect(db.engine).get_columns(table)}
            for table in ("person", "organization", "draft")
        }
        assert not {"name_search", "title_search"} & set().union(*columns.values())
        assert "name" in columns["person"] and "title" in columns["draft"]
        db.engine.dispose()
