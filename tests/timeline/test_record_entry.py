"""The timeline core: automatic entries are written once, as events not sentences; hidden
sources stay hidden."""

from datetime import date

import pytest

from coalition.core.extensions import db
from coalition.timeline.models import TimelineEntry
from coalition.timeline.queries import Filters, Reading, described
from coalition.timeline.services import record_entry, record_event
from coalition.timeline.sources import SourceLink, SourceResolver, register_source


def _count(app):
    with app.app_context():
        return db.session.scalar(db.select(db.func.count(TimelineEntry.id)))


def test_an_automatic_entry_is_written_only_once(app):
    with app.app_context():
        first = record_entry(
            "win",
            "Goal achieved",
            date(2026, 3, 1),
            source=("goal", 7, "Train 40 officers"),
            event="achieved",
        )
        db.session.commit()
        again = record_event(
            "win", date(2026, 3, 2), source=("goal", 7, "Train 40 officers"), event="achieved"
        )
        db.session.commit()
        assert again.id == first.id
        assert again.occurred_on == date(2026, 3, 1)
        # The event and its source are kept, never a sentence in one language.
        assert (again.title, again.event, again.source_title) == (
            None,
            "achieved",
            "Train 40 officers",
        )
    assert _count(app) == 1


def test_the_database_itself_refuses_a_second_automatic_entry(app):
    from sqlalchemy.exc import IntegrityError

    with app.app_context():
        record_entry("win", "A", date(2026, 3, 1), source=("goal", 1, "G"), event="achieved")
        db.session.commit()
        db.session.add(
            TimelineEntry(
                kind="win",
                title="B",
                occurred_on=date(2026, 3, 1),
                source_type="goal",
                source_id=1,
                event="achieved",
            )
        )
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()


def test_different_events_of_one_source_are_separate_entries(app):
    with app.app_context():
        record_entry(
            "milestone", "Adopted", date(2026, 3, 1), source=("proposal", 1, "P"), event="adopted"
        )
        record_entry(
            "setback", "Rejected", date(2026, 3, 1), source=("proposal", 2, "Q"), event="rejected"
        )
        db.session.commit()
    assert _count(app) == 2


def test_hand_written_entries_may_repeat(app):
    with app.app_context():
        record_entry("loss", "Council vote lost", date(2026, 4, 1))
        record_entry("loss", "Council vote lost", date(2026, 4, 1))
        db.session.commit()
    assert _count(app) == 2


def test_an_unknown_kind_is_refused(app):
    with app.app_context(), pytest.raises(ValueError):
        record_entry("party", "Nope", date(2026, 1, 1))


def test_rolled_back_action_leaves_no_entry(app):
    with app.app_context():
        record_entry(
            "win",
            "Will be rolled back",
            date(2026, 1, 1),
            source=("goal", 3, "G"),
            event="achieved",
        )
        db.session.rollback()
    assert _count(app) == 0


class FakeGoals(SourceResolver):
    """Goals 1 and 2 exist; only goal 1 is visible to everyone."""

    def visible_ids(self, ids, viewer):
        return {i for i in ids if i == 1}

    def links(self, ids):
        return {i: SourceLink(f"Goal {i}", f"/goals/{i}") for i in ids if i in (1, 2)}


@pytest.fixture
def fake_goals():
    from coalition.timeline import sources

    register_source("test-goal", FakeGoals())
    yield
    sources._resolvers.pop("test-goal")


def test_entries_linked_to_hidden_sources_are_left_out(app, fake_goals, create_person):
    viewer = create_person()
    with app.app_context():
        record_entry(
            "win", "Visible", date(2026, 1, 1), source=("test-goal", 1, "G1"), event="achieved"
        )
        record_entry(
            "win", "Hidden", date(2026, 1, 2), source=("test-goal", 2, "G2"), event="achieved"
        )
        record_entry(
            "win", "Unregistered source", date(2026, 1, 3), source=("mystery", 1, "M"), event="x"
        )
        record_entry("loss", "Plain", date(2026, 1, 4))
        db.session.commit()
        shown = described(Reading(viewer).entries(Filters()))
        # An automatic entry shows its source's current title.
        assert [title for _entry, title, _links in shown] == ["Plain", "Goal 1"]
        assert [links for _entry, _title, links in shown] == [
            {},
            {("test-goal", 1): SourceLink("Goal 1", "/goals/1")},
        ]


def test_timeline_page_lists_entries_newest_first_with_lessons(
    client, create_person, create_timeline_entry
):
    create_timeline_entry(kind="win", title="Pilot funded", occurred_on=date(2026, 2, 1))
    create_timeline_entry(
        kind="loss",
        title="Budget cut",
        occurred_on=date(2026, 6, 1),
        lessons="Engage the budget committee in spring.",
    )
    client.login(create_person())
    html = client.get("/timeline/").get_data(as_text=True)
    assert html.index("Budget cut") < html.index("Pilot funded")
    assert "Engage the budget committee in spring." in html
    assert "Loss" in html and "Win" in html
