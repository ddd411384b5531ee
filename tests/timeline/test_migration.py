"""The timeline's migration (c4e7a91d2b56) on rows: automatic entries keep their event and
source and lose their sentence; written texts become revisions; the downgrade brings back
what was there."""

from datetime import date, datetime

import flask_migrate
from sqlalchemy import DateTime, bindparam, text

from coalition import create_app
from coalition.core.extensions import db

BEFORE = "7ea2361a9980"
T0 = "2026-06-01 15:00:00+00:00"
# (id, kind, title, body, lessons, source_type, source_id, source_title, event, author)
OLD_ENTRIES = [
    (1, "win", "Goal achieved: Train officers", "", "", "goal", 7, "Train officers", "achieved",
     None),
    (2, "milestone", "Proposal adopted: Charter", "", "", "proposal", 1, "Charter", "closed", 1),
    (3, "setback", "Proposal blocked: Rules", "", "", "proposal", 2, "Rules", "closed", None),
    (4, "milestone", "Haven is an active partner again", "", "", "organization", 3, "Haven",
     "active-2", 1),
    (5, "loss", "Budget cut", "The council cut it.", "Start in spring.", None, None, None, None, 1),
    (6, "win", "Press story", "", "", None, None, None, None, None),
]  # fmt: skip


def _run(connection, sql, **values):
    times = [bindparam("t", type_=DateTime(timezone=True))] if "t" in values else []
    if "t" in values:
        values["t"] = datetime.fromisoformat(values["t"])
    connection.execute(text(sql).bindparams(*times), values)


def _insert_old_rows(connection):
    _run(
        connection,
        "INSERT INTO person (id, name, email, role, access_needs, directory_consent, "
        "contact_consent, sensitive_export_consent, session_generation, created_at, version) "
        "VALUES (1, 'Marisol', 'marisol@example.org', 'coordinator', '', true, true, false, 1, "
        ":t, 1)",
        t=T0,
    )
    for number, outcome in ((1, "adopted"), (2, "blocked")):
        _run(
            connection,
            "INSERT INTO proposal (id, kind, title, body, base_text, new_text, rule, quorum, "
            "one_voice_per_organization, closes_at, status, outcome, created_at) VALUES "
            "(:id, 'question', 'P', '', '', '', 'consent', 1, false, :t, 'closed', :outcome, :t)",
            id=number,
            outcome=outcome,
            t=T0,
        )
    for row in OLD_ENTRIES:
        _run(
            connection,
            "INSERT INTO timeline_entry (id, kind, title, body, lessons, occurred_on, "
            "source_type, source_id, source_title, event, created_by_id, created_at) VALUES "
            "(:id, :kind, :title, :body, :lessons, :day, :st, :si, :stitle, :event, :author, :t)",
            **dict(zip(("id", "kind", "title", "body", "lessons"), row[:5], strict=True)),
            day=date(2026, 5, row[0]),
            st=row[5],
            si=row[6],
            stitle=row[7],
            event=row[8],
            author=row[9],
            t=T0,
        )


def _old_rows(connection):
    return sorted(
        tuple(row)
        for row in connection.execute(
            text(
                "SELECT id, kind, title, body, lessons, source_type, source_id, source_title, "
                "event, created_by_id FROM timeline_entry"
            )
        )
    )


def test_entries_become_events_and_revisions_and_come_back(scratch_url):
    from coalition.timeline.events import entry_title
    from coalition.timeline.models import TimelineEntry
    from tests.conftest import make_config

    scratch = create_app(make_config(scratch_url))
    with scratch.app_context(), scratch.test_request_context():
        flask_migrate.upgrade(revision=BEFORE)
        with db.engine.begin() as connection:
            _insert_old_rows(connection)
            before = _old_rows(connection)
        flask_migrate.upgrade()

        entries = {e.id: e for e in db.session.scalars(db.select(TimelineEntry))}
        assert [(e.title, e.event) for _i, e in sorted(entries.items())] == [
            (None, "achieved"),
            (None, "adopted"),
            (None, "blocked"),
            (None, "active-2"),
            ("Budget cut", None),
            ("Press story", None),
        ]
        assert [entry_title(entries[i]) for i in (1, 2, 3, 4)] == [
            "Goal achieved: Train officers",
            "Proposal adopted: Charter",
            "Proposal blocked: Rules",
            "Haven is an active partner again",
        ]
        budget = entries[5]
        assert (budget.happened_text, budget.lessons_text) == (
            "The council cut it.",
            "Start in spring.",
        )
        assert budget.happened.current_number == 1
        assert entries[6].happened is None and entries[6].version == 1
        db.session.remove()

        flask_migrate.downgrade(revision=BEFORE)
        with db.engine.connect() as connection:
            assert _old_rows(connection) == before
            left = connection.execute(text("SELECT count(*) FROM revisioned_text")).scalar()
            assert left == 0
        db.engine.dispose()
