"""Entries people write: adding, bad input, editing (stale edits), revisions, hiding."""

from datetime import date, timedelta

import pytest

from coalition.core.audit import AuditEvent
from coalition.core.extensions import db
from coalition.revisions.services import history
from coalition.timeline.models import TimelineEntry


def _entry_form(**overrides):
    data = {
        "kind": "loss",
        "occurred_on": "2026-10-14",
        "title": "Council vote against the diversion pilot",
        "happened": "The council voted 5-4 against **funding** the pilot.",
        "lessons": "We met the swing votes too late.",
        "next_steps": "Meet each council member before the spring budget.",
        "source_url": "https://example.org/council/minutes-1014",
    }
    data.update(overrides)
    return data


def _latest(app):
    with app.app_context():
        entry = db.session.scalar(db.select(TimelineEntry).order_by(TimelineEntry.id.desc()))
        return entry.id if entry else None


def test_a_member_records_a_loss_with_its_lesson_linked_to_a_goal(
    app, client, create_person, create_goal, create_organization
):
    goal = create_goal(title="Fund the pilot")
    credited = create_organization("Second Chance Reentry")
    member = create_person()
    client.login(member)
    page = client.get("/timeline/new").get_data(as_text=True)
    assert "Fund the pilot" in page  # offered by the goals' resolver
    assert "Second Chance Reentry" in page  # and organizations, by theirs
    response = client.post_form(
        "/timeline/new",
        _entry_form(links=[f"goal:{goal.id}"], organizations=[str(credited.id)]),
        token_page="/timeline/new",
    )
    assert response.status_code == 302
    entry_id = _latest(app)
    html = client.get(f"/timeline/{entry_id}").get_data(as_text=True)
    assert "Council vote against the diversion pilot" in html
    assert "<strong>funding</strong>" in html  # Markdown, sanitized
    assert "We met the swing votes too late." in html
    assert "Meet each council member before the spring budget." in html
    assert f'href="/committees/goals/{goal.id}"' in html
    assert "Organizations credited" in html and "Second Chance Reentry" in html
    assert "https://example.org/council/minutes-1014" in html
    with app.app_context():
        entry = db.session.get(TimelineEntry, entry_id)
        assert entry.sources() == [("organization", credited.id), ("goal", goal.id)]
        assert entry.created_by_id == member.id
        assert [r.number for r in history(entry.happened_text_id)] == [1]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": "   "}, "Give the entry a title."),
        ({"occurred_on": "1066-10-14"}, "Choose a date between 1950 and a year from now."),
        (
            {"occurred_on": (date.today() + timedelta(days=800)).isoformat()},
            "Choose a date between 1950 and a year from now.",
        ),
        ({"occurred_on": "not a date"}, "Enter a date."),
        ({"lessons": ""}, "Write what the coalition learned from it."),
        ({"kind": "party"}, "Not a valid choice."),
        ({"source_url": "javascript:alert(1)"}, "Enter a web address starting with https://"),
    ],
)
def test_bad_input_is_refused_beside_its_field(app, client, create_person, overrides, message):
    client.login(create_person())
    response = client.post_form("/timeline/new", _entry_form(**overrides))
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert _latest(app) is None


def test_a_win_needs_no_lesson(app, client, create_person):
    client.login(create_person())
    response = client.post_form("/timeline/new", _entry_form(kind="win", lessons=""))
    assert response.status_code == 302


def test_a_link_to_what_the_author_cannot_see_is_refused_and_not_named(
    app, client, create_person, create_committee, create_goal
):
    closed = create_committee(name="Closed circle", open_to_requests=False)
    hidden_goal = create_goal(closed, title="Secret strategy")
    client.login(create_person())
    assert "Secret strategy" not in client.get("/timeline/new").get_data(as_text=True)
    response = client.post_form("/timeline/new", _entry_form(links=[f"goal:{hidden_goal.id}"]))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Secret strategy" not in page and "Closed circle" not in page
    assert _latest(app) is None


def test_the_service_refuses_a_hidden_link_the_form_did_not_offer(
    app, create_person, create_committee, create_goal
):
    from coalition.core.errors import ActionRefused
    from coalition.timeline.services import EntryData, add_entry

    person_class = TimelineEntry.created_by.property.mapper.class_

    closed = create_committee(open_to_requests=False)
    hidden_goal = create_goal(closed)
    member = create_person()
    with app.app_context():
        data = EntryData("win", "Win", date(2026, 1, 1), links=[("goal", hidden_goal.id)])
        with pytest.raises(ActionRefused) as refused:
            add_entry(data, db.session.get(person_class, member.id))
        assert refused.value.field == "links"


def _add(client, **overrides):
    assert client.post_form("/timeline/new", _entry_form(**overrides)).status_code == 302


def test_the_author_and_coordinators_edit_others_may_not(
    app, client, make_client, create_person, create_coordinator
):
    author, other = create_person(), create_person()
    client.login(author)
    _add(client)
    entry_id = _latest(app)
    assert client.get(f"/timeline/{entry_id}/edit").status_code == 200
    stranger = make_client()
    stranger.login(other)
    assert stranger.get(f"/timeline/{entry_id}/edit").status_code == 403
    coordinator = make_client()
    coordinator.login(create_coordinator())
    response = coordinator.post_form(
        f"/timeline/{entry_id}/edit",
        _entry_form(lessons="Start with the budget chair.", version="1"),
    )
    assert response.status_code == 302
    with app.app_context():
        entry = db.session.get(TimelineEntry, entry_id)
        assert entry.lessons_text == "Start with the budget chair."
        assert [r.text for r in history(entry.lessons_text_id)] == [
            "Start with the budget chair.",
            "We met the swing votes too late.",
        ]
    html = client.get(f"/timeline/{entry_id}/history").get_data(as_text=True)
    assert '<ins><span class="visually-hidden">added: </span>Start' in html


def test_a_stale_edit_is_shown_side_by_side_and_saves_nothing(
    app, client, make_client, create_person, create_coordinator
):
    author = create_person()
    client.login(author)
    _add(client)
    entry_id = _latest(app)
    coordinator = make_client()
    coordinator.login(create_coordinator())
    first = coordinator.post_form(
        f"/timeline/{entry_id}/edit", _entry_form(title="Vote lost 5-4", version="1")
    )
    assert first.status_code == 302
    second = client.post_form(
        f"/timeline/{entry_id}/edit", _entry_form(title="Vote lost narrowly", version="1")
    )
    page = second.get_data(as_text=True)
    assert second.status_code == 409
    assert "Someone saved this while you were editing" in page
    assert "Vote lost 5-4" in page and "Vote lost narrowly" in page
    with app.app_context():
        assert db.session.get(TimelineEntry, entry_id).title == "Vote lost 5-4"


def test_a_coordinator_hides_an_entry_with_a_reason_kept_and_audited(
    app, client, make_client, create_person, create_coordinator
):
    member = create_person()
    client.login(member)
    _add(client, title="Names a participant by mistake")
    entry_id = _latest(app)
    assert client.post_form(f"/timeline/{entry_id}/hide", {"reason": "x"}).status_code == 403
    coordinator = make_client()
    boss = create_coordinator()
    coordinator.login(boss)
    refused = coordinator.post_form(f"/timeline/{entry_id}/hide", {"reason": " "})
    assert refused.status_code == 400
    response = coordinator.post_form(
        f"/timeline/{entry_id}/hide", {"reason": "Names a participant"}
    )
    assert response.status_code == 302
    assert client.get(f"/timeline/{entry_id}").status_code == 404
    assert "Names a participant by mistake" not in client.get("/timeline/").get_data(as_text=True)
    page = coordinator.get(f"/timeline/{entry_id}").get_data(as_text=True)
    assert "Hidden from the timeline." in page and "Names a participant" in page
    hidden_list = coordinator.get("/timeline/?hidden=1").get_data(as_text=True)
    assert "Names a participant by mistake" in hidden_list
    assert "Names a participant by mistake" not in client.get("/timeline/?hidden=1").get_data(
        as_text=True
    )
    with app.app_context():
        entry = db.session.get(TimelineEntry, entry_id)
        assert entry.hidden_reason == "Names a participant"
        audit = db.session.scalars(db.select(AuditEvent).filter_by(target_id=entry_id)).all()
        assert [(a.action, a.actor_id, a.detail) for a in audit] == [
            ("timeline.hide", boss.id, "Names a participant")
        ]
    assert coordinator.post_form(f"/timeline/{entry_id}/show").status_code == 302
    assert client.get(f"/timeline/{entry_id}").status_code == 200


def test_automatic_entries_cannot_be_edited(app, client, create_coordinator, create_goal):
    from coalition.timeline.services import record_event

    goal = create_goal()
    with app.app_context():
        entry = record_event("win", date(2026, 1, 1), source=("goal", goal.id, "G"), event="x")
        db.session.commit()
        entry_id = entry.id
    client.login(create_coordinator())
    assert client.get(f"/timeline/{entry_id}/edit").status_code == 403


def test_a_missing_entry_is_not_found(client, create_person):
    client.login(create_person())
    assert client.get("/timeline/999999").status_code == 404
    assert client.get("/timeline/999999/edit").status_code == 404
