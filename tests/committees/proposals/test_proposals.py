"""Proposals: rules, quorum, one voice per organization, closing applied exactly once."""

import threading
from datetime import UTC, datetime, timedelta

import pytest

from coalition.committees.guidelines.models import GuidelineSection
from coalition.committees.proposals.closing import close_due, send_reminders
from coalition.committees.proposals.models import Position, Proposal
from coalition.committees.proposals.services import record_position
from coalition.committees.proposals.tally import tally
from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.members.people.models import Person
from coalition.outbox.models import OutboxEmail
from coalition.timeline.models import TimelineEntry


def _positions(app, proposal, stances):
    with app.app_context():
        loaded = db.session.get(Proposal, proposal.id)
        for person, stance, *reason in stances:
            record_position(
                loaded, db.session.get(Person, person.id), stance, reason[0] if reason else ""
            )
        db.session.commit()


def _tally(app, proposal_id):
    from coalition.committees.proposals.services import load_proposal
    from coalition.committees.proposals.tally import delegate_affiliations

    with app.app_context():
        loaded = load_proposal(proposal_id)
        return tally(loaded, delegate_affiliations(loaded))


def _past(app, proposal):
    with app.app_context():
        db.session.get(Proposal, proposal.id).closes_at = datetime.now(UTC) - timedelta(minutes=1)
        db.session.commit()


def test_consent_with_a_block_is_not_adopted(
    app, create_coordinator, create_person, create_proposal
):
    coordinator, a, b = create_coordinator(), create_person(), create_person()
    proposal = create_proposal(coordinator, quorum=2)
    _positions(app, proposal, [(a, "agree"), (b, "block", "It leaves out peer navigators.")])
    result = _tally(app, proposal.id)
    assert result.outcome == "blocked" and result.counts["block"] == 1


def test_block_needs_a_reason(app, create_coordinator, create_proposal):
    coordinator = create_coordinator()
    proposal = create_proposal(coordinator)
    with app.app_context(), pytest.raises(ActionRefused):
        record_position(
            db.session.get(Proposal, proposal.id),
            db.session.get(Person, coordinator.id),
            "block",
            " ",
        )


def test_consent_without_block_is_adopted(app, create_coordinator, create_person, create_proposal):
    coordinator, a = create_coordinator(), create_person()
    proposal = create_proposal(coordinator)
    _positions(app, proposal, [(a, "disagree"), (coordinator, "agree")])
    assert _tally(app, proposal.id).outcome == "adopted"


def test_majority_without_quorum(app, create_coordinator, create_person, create_proposal):
    coordinator, a = create_coordinator(), create_person()
    proposal = create_proposal(coordinator, rule="majority", quorum=3)
    _positions(app, proposal, [(a, "agree"), (coordinator, "agree")])
    assert _tally(app, proposal.id).outcome == "no_quorum"


def test_majority_of_positions_cast(app, create_coordinator, create_person, create_proposal):
    coordinator, a, b, c = create_coordinator(), create_person(), create_person(), create_person()
    proposal = create_proposal(coordinator, rule="majority", quorum=3)
    _positions(
        app, proposal, [(a, "agree"), (b, "disagree"), (c, "abstain"), (coordinator, "agree")]
    )
    assert _tally(app, proposal.id).outcome == "adopted"
    _positions(app, proposal, [(coordinator, "disagree")])  # changeable until closing
    assert _tally(app, proposal.id).outcome == "rejected"


def test_one_voice_per_organization(
    app, create_coordinator, create_person, create_organization, link_person, create_proposal
):
    coordinator = create_coordinator()
    primary, alternate, staff_only = create_person(), create_person(), create_person()
    other_alternate = create_person()
    org, other = create_organization(), create_organization()
    link_person(primary, org, "primary")
    link_person(alternate, org, "alternate")
    link_person(other_alternate, other, "alternate")
    proposal = create_proposal(coordinator, rule="majority", one_voice_per_organization=True)
    _positions(
        app,
        proposal,
        [
            (primary, "agree"),
            (alternate, "disagree"),
            (other_alternate, "disagree"),
            (staff_only, "agree"),
        ],
    )
    result = _tally(app, proposal.id)
    # org: the primary's agree; other: its alternate's disagree (no primary); staff_only: own voice
    assert result.voices == 3
    assert result.counts["agree"] == 2 and result.counts["disagree"] == 1


def test_position_after_closing_is_refused(app, client, create_coordinator, create_proposal):
    coordinator = create_coordinator()
    proposal = create_proposal(coordinator)
    _past(app, proposal)
    client.login(coordinator)
    response = client.post_form(
        f"/committees/proposals/{proposal.id}/position", {"stance": "agree"}
    )
    assert response.status_code == 302
    page = client.get(f"/committees/proposals/{proposal.id}").get_data(as_text=True)
    assert "positions can no longer change" in page
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Position.id))) == 0
        assert db.session.get(Proposal, proposal.id).status == "open"  # GET wrote nothing


def test_position_refused_for_non_participant(
    client, create_coordinator, create_person, create_committee, create_proposal
):
    coordinator, outsider = create_coordinator(), create_person()
    committee = create_committee(chairs=[coordinator], open_to_requests=True)
    proposal = create_proposal(coordinator, committee=committee)
    client.login(outsider)
    response = client.post_form(
        f"/committees/proposals/{proposal.id}/position", {"stance": "agree"}
    )
    assert response.status_code == 403


def _amendment(app, coordinator, create_section, create_proposal, create_person):
    section = create_section("Decision-making", "Decisions are made by consent.")
    proposal = create_proposal(
        coordinator,
        kind="amendment",
        section_id=section.id,
        new_text="Decisions are made by majority.",
    )
    _positions(app, proposal, [(coordinator, "agree")])
    _past(app, proposal)
    return section, proposal


def test_close_due_applies_the_outcome_exactly_once(
    app, runner, create_coordinator, create_person, create_section, create_proposal
):
    coordinator = create_coordinator()
    section, proposal = _amendment(app, coordinator, create_section, create_proposal, create_person)
    first = runner.invoke(args=["proposals", "close-due"])
    second = runner.invoke(args=["proposals", "close-due"])
    assert "1 closed" in first.output and "0 closed" in second.output
    with app.app_context():
        saved = db.session.get(GuidelineSection, section.id)
        assert saved.text == "Decisions are made by majority."
        assert [r.number for r in saved.revisions] == [2, 1]
        assert db.session.get(Proposal, proposal.id).outcome == "adopted"
        entries = db.session.scalars(
            db.select(TimelineEntry).filter_by(source_type="proposal")
        ).all()
        assert len(entries) == 1
        outcome_mails = db.session.scalars(
            db.select(OutboxEmail).where(OutboxEmail.subject.like("Outcome:%"))
        ).all()
        assert len(outcome_mails) == 1


@pytest.mark.real_commits
@pytest.mark.postgres
def test_close_due_at_once_on_two_connections(
    app, make_app, create_coordinator, create_person, create_section, create_proposal
):
    coordinator = create_coordinator()
    section, _ = _amendment(app, coordinator, create_section, create_proposal, create_person)
    apps = [make_app(), make_app()]
    closed, barrier = [], threading.Barrier(2)

    def run(application):
        with application.app_context():
            barrier.wait()
            closed.append(close_due())

    threads = [threading.Thread(target=run, args=(a,)) for a in apps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(closed) == [0, 1]
    with app.app_context():
        assert len(db.session.get(GuidelineSection, section.id).revisions) == 2


def test_goal_proposal_activates_the_goal(app, runner, create_coordinator, create_proposal):
    from coalition.committees.goals.models import Goal
    from coalition.committees.goals.services import GoalData

    coordinator = create_coordinator()
    goal = GoalData("Train 120 officers", "", None, None, None, None)
    proposal = create_proposal(coordinator, kind="goal", goal=goal)
    _positions(app, proposal, [(coordinator, "agree")])
    _past(app, proposal)
    runner.invoke(args=["proposals", "close-due"])
    with app.app_context():
        assert db.session.scalar(db.select(Goal.status)) == "active"


def test_reminder_sent_once_to_those_without_a_position(
    app, create_coordinator, create_person, create_proposal
):
    coordinator, silent = create_coordinator(), create_person()
    proposal = create_proposal(coordinator, hours=10)
    _positions(app, proposal, [(coordinator, "agree")])
    with app.app_context():
        assert send_reminders() == 1
        assert send_reminders() == 0
        reminders = db.session.scalars(
            db.select(OutboxEmail.to_address).where(
                OutboxEmail.subject.like("Closing in 24 hours%")
            )
        ).all()
        assert reminders == [silent.email]


def test_opening_tells_the_committee(app, create_person, create_committee, create_proposal):
    chair, member, _outsider = create_person(), create_person(), create_person()
    committee = create_committee(chairs=[chair], members=[member])
    create_proposal(chair, committee=committee)
    with app.app_context():
        to = set(db.session.scalars(db.select(OutboxEmail.to_address)))
    assert to == {chair.email, member.email}


def test_run_scheduled_closes_proposals(
    app, create_coordinator, create_person, create_section, create_proposal
):
    coordinator = create_coordinator()
    section, _ = _amendment(app, coordinator, create_section, create_proposal, create_person)
    result = app.test_cli_runner().invoke(args=["run-scheduled"])
    assert "1 closed" in result.output


def test_chair_opens_proposals_for_own_committee_only(client, create_person, create_committee):
    chair = create_person()
    own = create_committee(chairs=[chair])
    other = create_committee(open_to_requests=True)
    client.login(chair)
    data = {
        "kind": "question",
        "title": "Meet on Thursdays?",
        "rule": "majority",
        "quorum": "1",
        "closes_at": "2030-01-01T10:00",
    }
    page = "/committees/proposals/new"
    assert client.post_form(page, {**data, "committee_id": str(own.id)}).status_code == 302
    assert client.post_form(page, {**data, "committee_id": str(other.id)}).status_code == 403
    assert client.post_form(page, {**data, "committee_id": ""}).status_code == 403
