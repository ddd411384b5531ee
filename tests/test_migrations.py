"""The schema is built only by migrations, and they match the models exactly."""

import re
from datetime import datetime
from pathlib import Path
from unittest.mock import ANY

import flask_migrate
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import DateTime, bindparam, text

from coalition import create_app
from coalition.core.extensions import db

ROOT = Path(__file__).resolve().parent.parent


def test_upgrade_from_empty_matches_the_models(app):
    # The session's database was created empty and upgraded with `flask db upgrade`.
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_migration_file_names_sort_in_the_order_they_run():
    """Date and time first (YYYYMMDD_HHMM_<revision>_...), so a listing reads as the chain."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(ROOT / "migrations"))
    chain = [script.revision for script in reversed(list(scripts.walk_revisions()))]
    names = sorted(path.name for path in (ROOT / "migrations" / "versions").glob("*.py"))
    assert all(re.match(r"\d{8}_\d{4}_[0-9a-f]+_", name) for name in names), names
    assert [name.split("_")[2] for name in names] == chain


# --- Guideline sections and minutes move onto the revisions module (b02a8211f835) ----------

BEFORE_REVISIONS = "5d1e0a7c3b21"
T0 = "2026-11-01 15:00:00+00:00"
# Old rows: (owner key, number, text, note, author, time) for every revision kept before.
GUIDELINE_REVISIONS = [
    (1, 1, "We meet monthly.", "First text", 1, "2026-11-01 15:00:00+00:00", False, None),
    (1, 2, "We meet every quarter.", "Wording", 2, "2026-11-02 16:30:00+00:00", True, None),
    (1, 3, "We meet when needed.", "Adopted", None, "2026-11-03 17:45:00+00:00", False, 1),
    (2, 1, "By consent.", "First text", 1, "2026-11-04 09:00:00+00:00", False, None),
]
MINUTES_REVISIONS = [
    (1, 1, "We met.", "First draft", 1, "2026-11-05 10:00:00+00:00"),
    (1, 2, "We met and agreed.", "", 2, "2026-11-05 11:00:00+00:00"),
    (2, 1, "Second date.", "", None, "2026-11-06 10:00:00+00:00"),
]


def _insert_old_rows(connection):
    def run(sql, **values):
        # Times bound as the app binds them, so each database stores them as it would.
        times = [bindparam(k, type_=DateTime(timezone=True)) for k in values if k in ("t", "at")]
        values = {k: _utc(v) if k in ("t", "at") else v for k, v in values.items()}
        connection.execute(text(sql).bindparams(*times), values)

    for number, name in ((1, "Marisol"), (2, "Darnell")):
        run(
            "INSERT INTO person (id, name, email, role, access_needs, directory_consent, "
            "contact_consent, sensitive_export_consent, session_generation, created_at, version) "
            "VALUES (:id, :name, :email, 'coordinator', '', true, true, false, 1, :t, 1)",
            id=number,
            name=name,
            email=f"{name.lower()}@example.org",
            t=T0,
        )
    for section, title, current in ((1, "Meetings", 2), (2, "Decisions", 3)):
        text_now = [r[2] for r in GUIDELINE_REVISIONS if r[0] == section][-1]
        run(
            "INSERT INTO guideline_section (id, title, position, text, version) "
            "VALUES (:id, :title, :id, :text, :version)",
            id=section,
            title=title,
            text=text_now,
            version=current + 5,
        )
    run(
        "INSERT INTO proposal (id, kind, title, body, section_id, base_text, new_text, rule, "
        "quorum, one_voice_per_organization, closes_at, status, outcome, created_at) VALUES "
        "(1, 'amendment', 'Adopted', '', 1, 'We meet every quarter.', 'We meet when needed.', "
        "'consent', 1, false, :t, 'closed', 'adopted', :t)",
        t=T0,
    )
    for section, number, body, note, author, at, editorial, proposal in GUIDELINE_REVISIONS:
        run(
            "INSERT INTO guideline_revision (section_id, number, text, editorial, note, "
            "proposal_id, author_id, created_at) VALUES (:s, :n, :body, :e, :note, :p, :a, :at)",
            s=section, n=number, body=body, e=editorial, note=note, p=proposal, a=author, at=at,
        )  # fmt: skip
    run(
        "INSERT INTO meeting (id, uid, title, description, agenda, start_at, end_at, timezone, "
        "last_end_at, location, online_link, accessibility, interpretation, status, sequence, "
        "created_at, updated_at, version) VALUES (1, 'uid-1', 'Roundtable', '', '', :t, :at, "
        "'America/Chicago', :at, '', '', '', '', 'scheduled', 0, :t, :t, 1)",
        t=T0,
        at="2026-11-01 16:00:00+00:00",
    )
    for minutes, start in ((1, T0), (2, "2026-11-08 15:00:00+00:00")):
        rows = [r for r in MINUTES_REVISIONS if r[0] == minutes]
        run(
            "INSERT INTO minutes (id, meeting_id, occurrence_start, text, revision_number, "
            "published_at, published_number, updated_at, version) "
            "VALUES (:id, 1, :at, :text, :number, :t, 1, :t, 3)",
            id=minutes, at=start, text=rows[-1][2], number=len(rows), t=T0,
        )  # fmt: skip
    for minutes, number, body, note, author, at in MINUTES_REVISIONS:
        run(
            "INSERT INTO minutes_revision (minutes_id, number, text, note, author_id, created_at) "
            "VALUES (:m, :n, :body, :note, :a, :at)",
            m=minutes, n=number, body=body, note=note, a=author, at=at,
        )  # fmt: skip


def _old_rows(connection):
    rows = lambda sql: sorted(tuple(row) for row in connection.execute(text(sql)))  # noqa: E731
    return {
        "guideline_revision": rows(
            "SELECT section_id, number, text, note, author_id, created_at, editorial, proposal_id "
            "FROM guideline_revision"
        ),
        "guideline_section": rows("SELECT id, title, text, version FROM guideline_section"),
        "minutes_revision": rows(
            "SELECT minutes_id, number, text, note, author_id, created_at FROM minutes_revision"
        ),
        "minutes": rows("SELECT id, text, revision_number, published_number FROM minutes"),
        "proposal": rows("SELECT id, section_id FROM proposal"),
    }


def test_guideline_and_minutes_revisions_survive_the_move_to_the_revisions_module(scratch_url):
    from coalition.committees.guidelines import services as guidelines
    from coalition.meetings.record import minutes
    from coalition.meetings.record.models import Minutes
    from tests.conftest import make_config

    scratch = create_app(make_config(scratch_url))
    sqlite = scratch_url.startswith("sqlite")
    with scratch.app_context():
        flask_migrate.upgrade(revision=BEFORE_REVISIONS)
        with db.engine.begin() as connection:
            _insert_old_rows(connection)
            before = _old_rows(connection)
        flask_migrate.upgrade()

        section = guidelines.history(1)
        kept = [
            (1, r.number, r.text, r.note, r.revision.author_id, r.created_at, r.editorial)
            for r in reversed(section.revisions)
        ]
        assert kept == [(*r[:5], _utc(r[5]), r[6]) for r in GUIDELINE_REVISIONS if r[0] == 1]
        assert [r.proposal_id for r in section.revisions] == [1, None, None]
        assert section.text == "We meet when needed." and section.version == 7
        assert db.session.scalar(db.select(db.func.count()).select_from(db.text("proposal"))) == 1
        for minutes_id in (1, 2):
            found = db.session.get(Minutes, minutes_id)
            kept = [
                (minutes_id, r.number, r.text, r.summary, r.author_id, r.created_at)
                for r in reversed(minutes.history(found))
            ]
            old = [r for r in MINUTES_REVISIONS if r[0] == minutes_id]
            assert kept == [(*r[:5], _utc(r[5])) for r in old]
            assert (found.text, found.revision_number) == (old[-1][2], len(old))
        guidelines.write_revision(section, "We meet monthly again.", None, editorial=True)
        db.session.commit()  # the moved rows leave room for new ones
        assert [r.number for r in guidelines.history(1).revisions] == [4, 3, 2, 1]
        db.session.remove()
        before["guideline_revision"].append(
            (1, 4, "We meet monthly again.", "", None, ANY, 1 if sqlite else True, None)
        )
        before["guideline_section"][0] = (1, "Meetings", "We meet monthly again.", 8)

        flask_migrate.downgrade(revision=BEFORE_REVISIONS)
        with db.engine.connect() as connection:
            after = _old_rows(connection)
        assert after == {table: sorted(rows) for table, rows in before.items()}
        db.engine.dispose()


def _utc(moment):
    return datetime.fromisoformat(moment)


def _revisions_as_pages_show_them():
    """Every guideline and minutes revision: number, text, summary, author, time, flags."""
    from coalition.committees.guidelines import services as guidelines
    from coalition.meetings.record import minutes
    from coalition.meetings.record.models import Minutes

    shown = {}
    for section in guidelines.sections():
        shown[("section", section.title)] = [
            (r.number, r.text, r.note, r.revision.author_id, r.created_at, r.editorial)
            for r in guidelines.history(section.id).revisions
        ]
    for found in db.session.scalars(db.select(Minutes)):
        shown[("minutes", found.id)] = [
            (r.number, r.text, r.summary, r.author_id, r.created_at) for r in minutes.history(found)
        ]
    return shown


def test_the_demo_coalitions_revisions_survive_a_downgrade_and_upgrade(scratch_url):
    """On a copy of the demo data: back to the old tables and forward again, nothing lost."""
    from coalition.demo import seed_demo
    from tests.conftest import make_config

    scratch = create_app(make_config(scratch_url))
    with scratch.app_context():
        flask_migrate.upgrade()
        seed_demo()
        db.session.commit()
        before = _revisions_as_pages_show_them()
        db.session.remove()
        flask_migrate.downgrade(revision=BEFORE_REVISIONS)
        with db.engine.connect() as connection:
            old = _old_rows(connection)
        flask_migrate.upgrade()
        after = _revisions_as_pages_show_them()
        db.session.remove()
        db.engine.dispose()
    kinds = {kind for kind, _key in before}
    assert kinds == {"section", "minutes"} and any(len(kept) > 1 for kept in before.values())
    assert len(old["guideline_revision"]) + len(old["minutes_revision"]) == sum(
        len(kept) for kept in before.values()
    )
    assert after == before
