"""Automatic entries as features record them: an event and its source, written when read."""

from datetime import UTC, datetime

from flask_babel import force_locale

from coalition.core.extensions import db
from coalition.timeline.events import entry_title, title_key
from coalition.timeline.models import TimelineEntry


def test_counted_events_read_as_their_kind():
    assert title_key("organization", "active-1") == ("organization", "active")
    assert title_key("organization", "active-3") == ("organization", "active-again")
    assert title_key("organization", "lapsed-2") == ("organization", "lapsed")
    assert title_key("goal", "achieved") == ("goal", "achieved")
    assert title_key("proposal", "no_quorum") == ("proposal", "no_quorum")


def test_an_organization_lapsing_and_returning_goes_on_the_timeline_each_time(
    app, create_organization
):
    from coalition.members.organizations.models import Organization
    from coalition.members.organizations.stages import record_stage

    organization = create_organization("Haven House", status="committed")
    with app.app_context():
        found = db.session.get(Organization, organization.id)
        for stage in ("active", "lapsed", "active", "lapsed"):
            record_stage(found, stage, None, datetime(2026, 3, 1, 15, tzinfo=UTC))
        db.session.commit()
        entries = db.session.scalars(db.select(TimelineEntry).order_by(TimelineEntry.id)).all()
        assert [(e.kind, e.event, e.title) for e in entries] == [
            ("milestone", "active-1", None),
            ("setback", "lapsed-1", None),
            ("milestone", "active-2", None),
            ("setback", "lapsed-2", None),
        ]
        assert [entry_title(e) for e in entries] == [
            "Haven House became an active partner",
            "Haven House is no longer an active partner",
            "Haven House is an active partner again",
            "Haven House is no longer an active partner",
        ]
        with app.test_request_context(), force_locale("es"):
            goal = TimelineEntry(kind="win", event="achieved", source_type="goal")
            assert entry_title(goal, "Capacitar") == "Meta lograda: Capacitar"
