"""The migration (8d3f2b6c1a47) that gives organizations the language of their contact
address: existing ones keep the coalition's; the downgrade drops it and nothing else (the
table is altered, never rebuilt, so its people and languages stay linked)."""

from datetime import datetime

import flask_migrate
from sqlalchemy import DateTime, bindparam, inspect, text

from coalition import create_app
from coalition.core.extensions import db

BEFORE = "41619066b757"
T0 = datetime.fromisoformat("2026-06-01 15:00:00+00:00")


def _run(connection, sql):
    if ":t" not in sql:
        connection.execute(text(sql))
        return
    statement = text(sql).bindparams(bindparam("t", type_=DateTime(timezone=True)))
    connection.execute(statement, {"t": T0})


def _insert_old_rows(connection):
    _run(
        connection,
        "INSERT INTO person (id, name, name_search, role, access_needs, directory_consent, "
        "contact_consent, sensitive_export_consent, session_generation, created_at, version) "
        "VALUES (1, 'Tomás Reyes', 'tomas reyes', 'member', '', true, false, false, 1, :t, 1)",
    )
    _run(
        connection,
        "INSERT INTO organization (id, name, name_search, description, communities_served, "
        "contact_email, status, created_at, version) VALUES (1, 'Iglesia Nueva Esperanza', "
        "'iglesia nueva esperanza', '', '', 'oficina@ine.org', 'committed', :t, 1)",
    )
    _run(
        connection,
        "INSERT INTO affiliation (id, person_id, organization_id, role, created_at) "
        "VALUES (1, 1, 1, 'primary', :t)",
    )
    _run(connection, "INSERT INTO organization_language (organization_id, code) VALUES (1, 'es')")


def _linked(connection):
    return (
        connection.execute(text("SELECT person_id, role FROM affiliation")).all(),
        connection.execute(text("SELECT code FROM organization_language")).all(),
    )


def test_organizations_keep_the_coalitions_language_and_the_downgrade_drops_only_it(
    scratch_url,
):
    from coalition.members.organizations.models import Organization
    from coalition.web.i18n import email_language
    from tests.conftest import make_config

    scratch = create_app(make_config(scratch_url))
    with scratch.app_context():
        flask_migrate.upgrade(revision=BEFORE)
        with db.engine.begin() as connection:
            _insert_old_rows(connection)
        flask_migrate.upgrade()

        iglesia = db.session.get(Organization, 1)
        assert iglesia.language is None and email_language(None, iglesia) == "en"
        iglesia.language = "es"
        db.session.commit()
        assert email_language(None, db.session.get(Organization, 1)) == "es"
        db.session.remove()

        flask_migrate.downgrade(revision=BEFORE)
        columns = {column["name"] for column in inspect(db.engine).get_columns("organization")}
        assert "language" not in columns and {"contact_email", "name_search"} <= columns
        with db.engine.connect() as connection:
            assert _linked(connection) == ([(1, "primary")], [("es",)])
        flask_migrate.upgrade()
        assert db.session.get(Organization, 1).language is None
        db.session.remove()
        db.engine.dispose()
