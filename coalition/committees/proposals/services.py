"""Proposals and positions: opening one, taking a position, loading and listing.

The outcome is computed on reading (tally.py) and applied once by cron (closing.py).
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import selectinload

from coalition.committees.goals.models import GOAL_PROPOSED
from coalition.committees.goals.services import GoalData, create_goal
from coalition.committees.models import CommitteeMembership
from coalition.committees.notify import notify
from coalition.committees.proposals.models import (
    PROPOSAL_AMENDMENT,
    PROPOSAL_GOAL,
    STANCE_BLOCK,
    STANCES,
    Position,
    Proposal,
)
from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.members.people.models import Person
from coalition.web.i18n import _l
from coalition.web.urls import external_url


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
    query = query.where(Person.is_active)
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
