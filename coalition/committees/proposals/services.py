"""Proposals and positions; the outcome is computed on reading and applied once by cron.

Pages never write on GET: from its closing time a proposal shows as closed with the outcome
computed from its positions. `flask proposals close-due` applies it exactly once: a
conditional UPDATE (status open -> closed) decides which run does the work.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import selectinload

from coalition.committees.goals.models import GOAL_ACTIVE, GOAL_PROPOSED
from coalition.committees.goals.services import GoalData, create_goal
from coalition.committees.guidelines.services import write_revision
from coalition.committees.models import CommitteeMembership
from coalition.committees.notify import notify
from coalition.committees.proposals.models import (
    OUTCOME_ADOPTED,
    OUTCOME_BLOCKED,
    OUTCOME_NO_QUORUM,
    OUTCOME_REJECTED,
    PROPOSAL_AMENDMENT,
    PROPOSAL_CLOSED,
    PROPOSAL_GOAL,
    PROPOSAL_OPEN,
    RULE_CONSENT,
    STANCE_AGREE,
    STANCE_BLOCK,
    STANCE_DISAGREE,
    STANCES,
    Position,
    Proposal,
)
from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.core.timezones import coalition_date
from coalition.members.models import (
    AFFILIATION_ALTERNATE,
    AFFILIATION_PRIMARY,
    Affiliation,
    Person,
)
from coalition.timeline.services import record_entry
from coalition.web.i18n import _l
from coalition.web.urls import external_url

REMIND_BEFORE = timedelta(hours=24)


@dataclass
class ProposalData:
    kind: str
    title: str
    body: str
    rule: str
    quorum: int
    one_voice_per_organization: bool
    closes_at: datetime
    section_id: int | None = None
    new_text: str | None = None
    goal: GoalData | None = None


def open_proposal(data, committee, actor):
    """Put a proposal to a committee (or the coalition, committee None); tell participants."""
    if data.closes_at <= utcnow():
        raise ActionRefused(_l("Choose a closing time in the future."), field="closes_at")
    proposal = Proposal(
        kind=data.kind,
        title=data.title,
        body=data.body,
        rule=data.rule,
        quorum=data.quorum,
        one_voice_per_organization=data.one_voice_per_organization,
        closes_at=data.closes_at,
        committee=committee,
        opened_by_id=actor.id,
    )
    if data.kind == PROPOSAL_AMENDMENT:
        from coalition.committees.guidelines.models import GuidelineSection

        section = db.session.get(GuidelineSection, data.section_id or 0)
        if section is None:
            raise ActionRefused(_l("Choose the section to amend."), field="section_id")
        if not (data.new_text or "").strip():
            raise ActionRefused(_l("Write the proposed text."), field="new_text")
        proposal.section, proposal.base_text, proposal.new_text = (
            section,
            section.text,
            data.new_text,
        )
    elif data.kind == PROPOSAL_GOAL:
        proposal.goal = create_goal(data.goal, committee, actor, status=GOAL_PROPOSED)
    db.session.add(proposal)
    db.session.flush()
    notify(
        participants(proposal),
        kind="proposal",
        subject=_l("A proposal is open to you: %(title)s", title=proposal.title),
        message=_l(
            "Record your position on \u201c%(title)s\u201d before it closes.", title=proposal.title
        ),
        link=external_url("committees.proposals.detail", proposal_id=proposal.id),
        key=f"proposal-{proposal.id}-opened",
    )
    return proposal


def participants(proposal):
    """Who may take part: the committee's members, or every active account holder."""
    query = db.select(Person).where(Person.password_hash.is_not(None))
    query = query.where(Person.deactivated_at.is_(None))
    if proposal.committee_id is not None:
        members = db.select(CommitteeMembership.person_id).filter_by(
            committee_id=proposal.committee_id
        )
        query = query.where(Person.id.in_(members))
    return db.session.scalars(query.order_by(Person.id)).all()


def record_position(proposal, person, stance, reason, now=None):
    """Record or change one's position; refused after closing, and a block needs a reason."""
    if proposal.is_closed(now):
        raise ActionRefused(_l("This proposal is closed: positions can no longer change."))
    if stance not in STANCES:
        raise ActionRefused(_l("Choose a position."), field="stance")
    if stance == STANCE_BLOCK and not reason.strip():
        raise ActionRefused(_l("A block needs a reason."), field="reason")
    position = db.session.scalar(
        db.select(Position).filter_by(proposal_id=proposal.id, person_id=person.id)
    )
    if position is None:
        position = Position(proposal=proposal, person_id=person.id, stance=stance)
        db.session.add(position)
    position.stance, position.reason, position.updated_at = stance, reason, utcnow()
    db.session.flush()
    return position


@dataclass
class Tally:
    """Counted voices per stance, and the outcome they give under the proposal's rule."""

    counts: Counter = field(default_factory=Counter)
    voices: int = 0
    outcome: str = OUTCOME_NO_QUORUM


def _voices(proposal, positions, affiliations):
    """Positions that count: all of them, or one per organization (primary, else alternate).

    `affiliations` are (person id, organization id, role) of delegates. A person who speaks
    for no organization keeps their own voice.
    """
    if not proposal.one_voice_per_organization:
        return [p.stance for p in positions]
    by_person = {p.person_id: p.stance for p in positions}
    stances, speakers = [], set()
    organizations = {}
    for person_id, organization_id, role in affiliations:
        organizations.setdefault(organization_id, {})[role] = person_id
        speakers.add(person_id)
    for roles in organizations.values():
        for role in (AFFILIATION_PRIMARY, AFFILIATION_ALTERNATE):
            if roles.get(role) in by_person:
                stances.append(by_person[roles[role]])
                break
    stances += [stance for person_id, stance in by_person.items() if person_id not in speakers]
    return stances


def tally(proposal, affiliations=()):
    stances = _voices(proposal, proposal.positions, affiliations)
    result = Tally(counts=Counter(stances), voices=len(stances))
    counts = result.counts
    if result.voices < proposal.quorum:
        result.outcome = OUTCOME_NO_QUORUM
    elif proposal.rule == RULE_CONSENT:
        result.outcome = OUTCOME_BLOCKED if counts[STANCE_BLOCK] else OUTCOME_ADOPTED
    else:
        against = counts[STANCE_DISAGREE] + counts[STANCE_BLOCK]
        cast = counts[STANCE_AGREE] + against
        result.outcome = OUTCOME_ADOPTED if 2 * counts[STANCE_AGREE] > cast else OUTCOME_REJECTED
    return result


def delegate_affiliations(proposal):
    """(person, organization, role) of the delegates among those who took a position."""
    if not proposal.one_voice_per_organization:
        return ()
    person_ids = [p.person_id for p in proposal.positions]
    return db.session.execute(
        db.select(Affiliation.person_id, Affiliation.organization_id, Affiliation.role).where(
            Affiliation.person_id.in_(person_ids),
            Affiliation.role.in_((AFFILIATION_PRIMARY, AFFILIATION_ALTERNATE)),
        )
    ).all()


def load_proposal(proposal_id):
    return db.session.scalar(
        db.select(Proposal)
        .where(Proposal.id == proposal_id)
        .options(
            selectinload(Proposal.positions).selectinload(Position.person),
            selectinload(Proposal.committee),
            selectinload(Proposal.section),
            selectinload(Proposal.goal),
        )
    )


def proposals_list():
    return db.session.scalars(
        db.select(Proposal)
        .options(selectinload(Proposal.committee))
        .order_by(Proposal.closes_at.desc(), Proposal.id.desc())
    ).all()


# --- Time-driven: reminders and closing ------------------------------------------------


def _claim(proposal_id, values, condition):
    """A conditional UPDATE: True only for the one run whose update matched the row."""
    result = db.session.execute(
        update(Proposal)
        .where(Proposal.id == proposal_id, condition)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def send_reminders(now=None):
    """Tell participants who have no position yet that a proposal closes within 24 hours."""
    now = now or utcnow()
    due = db.session.scalars(
        db.select(Proposal.id).where(
            Proposal.status == PROPOSAL_OPEN,
            Proposal.reminded_at.is_(None),
            Proposal.closes_at > now,
            Proposal.closes_at <= now + REMIND_BEFORE,
        )
    ).all()
    sent = 0
    for proposal_id in due:
        if not _claim(proposal_id, {"reminded_at": now}, Proposal.reminded_at.is_(None)):
            db.session.rollback()
            continue
        proposal = load_proposal(proposal_id)
        taken = {p.person_id for p in proposal.positions}
        notify(
            [p for p in participants(proposal) if p.id not in taken],
            kind="proposal",
            subject=_l("Closing in 24 hours: %(title)s", title=proposal.title),
            message=_l(
                "\u201c%(title)s\u201d closes within 24 hours and you have no position yet.",
                title=proposal.title,
            ),
            link=external_url("committees.proposals.detail", proposal_id=proposal.id),
            key=f"proposal-{proposal.id}-reminder",
        )
        db.session.commit()
        sent += 1
    return sent


def close_due(now=None):
    """Close every proposal past its closing time and apply its outcome, each exactly once."""
    now = now or utcnow()
    due = db.session.scalars(
        db.select(Proposal.id).where(Proposal.status == PROPOSAL_OPEN, Proposal.closes_at <= now)
    ).all()
    closed = 0
    for proposal_id in due:
        proposal = load_proposal(proposal_id)
        outcome = tally(proposal, delegate_affiliations(proposal)).outcome
        values = {"status": PROPOSAL_CLOSED, "outcome": outcome, "closed_at": now}
        if not _claim(proposal_id, values, Proposal.status == PROPOSAL_OPEN):
            db.session.rollback()  # another run closed it first
            continue
        db.session.expire(proposal)
        apply_outcome(proposal, outcome, now)
        db.session.commit()
        closed += 1
    return closed


OUTCOME_TEXT = {
    OUTCOME_ADOPTED: _l("adopted"),
    OUTCOME_BLOCKED: _l("blocked"),
    OUTCOME_REJECTED: _l("not adopted"),
    OUTCOME_NO_QUORUM: _l("not decided: too few positions (no quorum)"),
}


def apply_outcome(proposal, outcome, now):
    """What an outcome does: new text, an active goal, a timeline entry, and an email."""
    adopted = outcome == OUTCOME_ADOPTED
    if adopted and proposal.kind == PROPOSAL_AMENDMENT and proposal.section is not None:
        write_revision(
            proposal.section,
            proposal.new_text,
            proposal.opened_by,
            editorial=False,
            note=proposal.title,
            proposal=proposal,
        )
    if proposal.kind == PROPOSAL_GOAL and proposal.goal is not None:
        proposal.goal.status = GOAL_ACTIVE if adopted else proposal.goal.status
    record_entry(
        "milestone" if adopted else "setback",
        str(
            _l(
                "Proposal %(outcome)s: %(title)s",
                outcome=OUTCOME_TEXT[outcome],
                title=proposal.title,
            )
        ),
        coalition_date(now),
        source=("proposal", proposal.id, proposal.title),
        event="closed",
    )
    notify(
        participants(proposal),
        kind="proposal",
        subject=_l("Outcome: %(title)s", title=proposal.title),
        message=_l(
            "The proposal \u201c%(title)s\u201d is closed: %(outcome)s.",
            title=proposal.title,
            outcome=OUTCOME_TEXT[outcome],
        ),
        link=external_url("committees.proposals.detail", proposal_id=proposal.id),
        key=f"proposal-{proposal.id}-outcome",
    )
