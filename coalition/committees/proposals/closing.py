"""Time-driven work on proposals: reminders before closing, and closing each exactly once.

Pages never write on GET: from its closing time a proposal shows as closed with the outcome
computed from its positions. `flask proposals close-due` applies it exactly once: a
conditional UPDATE (status open -> closed) decides which run does the work.
"""

from datetime import timedelta

from sqlalchemy import update

from coalition.committees.goals.models import GOAL_ACTIVE
from coalition.committees.guidelines.services import write_revision
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
    Proposal,
)
from coalition.committees.proposals.services import load_proposal, participants
from coalition.committees.proposals.tally import delegate_affiliations, tally
from coalition.core.dbtypes import utcnow
from coalition.core.extensions import db
from coalition.core.timezones import coalition_date
from coalition.timeline.services import record_event
from coalition.web.i18n import _l
from coalition.web.urls import external_url

REMIND_BEFORE = timedelta(hours=24)


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
        marked = write_revision(
            proposal.section,
            proposal.new_text,
            proposal.opened_by,
            editorial=False,
            note=proposal.title,
            proposal=proposal,
        )
        record_event(
            "milestone",
            coalition_date(now),
            source=("guideline", proposal.section.id, proposal.section.title),
            event=f"amended-{marked.revision.number}",
        )
    if proposal.kind == PROPOSAL_GOAL and proposal.goal is not None:
        proposal.goal.status = GOAL_ACTIVE if adopted else proposal.goal.status
    # The outcome is the event; the timeline writes the sentence in each reader's language.
    record_event(
        "milestone" if adopted else "setback",
        coalition_date(now),
        source=("proposal", proposal.id, proposal.title),
        event=outcome,
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
