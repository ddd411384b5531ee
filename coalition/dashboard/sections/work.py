"""What waits on the reader's own hand: drafts to review, proposals without their position,
their action items, and the join requests they may answer; each the first few and how many."""

from sqlalchemy import exists, func, or_

from coalition.committees.access import committee_roles
from coalition.committees.models import REQUEST_PENDING, ROLE_CHAIR, JoinRequest
from coalition.committees.proposals import access as proposals_access
from coalition.committees.proposals.models import PROPOSAL_OPEN, Position, Proposal
from coalition.core.extensions import db
from coalition.dashboard.sections.counted import SHOWN, Counted, first_and_count
from coalition.meetings.record.actions import open_items_of
from coalition.meetings.record.models import ActionItem
from coalition.messaging.review.services import count_waiting_for, waiting_for
from coalition.web.authz import is_coordinator


def drafts_to_review(viewer):
    """Drafts the reader was asked to review and has not decided on, first asked first."""
    return Counted(waiting_for(viewer, limit=SHOWN), count_waiting_for(viewer))


def proposals_without_position(viewer, now):
    """Open proposals the reader may take part in and has taken no position on, closing
    soonest first."""
    taken = exists().where(Position.proposal_id == Proposal.id, Position.person_id == viewer.id)
    # The committees clause is can_take_part in SQL, so the count holds what the list may show.
    query = db.select(Proposal).where(
        Proposal.status == PROPOSAL_OPEN,
        Proposal.closes_at > now,
        ~taken,
        or_(
            Proposal.committee_id.is_(None),
            Proposal.committee_id.in_(list(committee_roles(viewer))),
        ),
    )
    found = first_and_count(
        query, (Proposal.closes_at, Proposal.id), options=(db.joinedload(Proposal.committee),)
    )
    shown = [
        proposal
        for proposal in found.shown
        if proposals_access.can_view_proposal(viewer, proposal)
        and proposals_access.can_take_part(viewer, proposal)
    ]
    return Counted(shown, found.count - (len(found.shown) - len(shown)))


def action_items(viewer):
    """The reader's open action items, soonest due first, and how many there are."""
    count = db.session.scalar(
        db.select(func.count(ActionItem.id)).filter_by(owner_id=viewer.id, done_at=None)
    )
    return Counted(open_items_of(viewer, limit=SHOWN), count)


def all_action_items(viewer):
    """Every open action item the reader owns (the full list's page)."""
    return open_items_of(viewer, limit=None)


def join_requests(viewer):
    """Pending requests to join the committees the reader chairs (every committee, for
    coordinators), oldest first. None: the reader answers none (no card)."""
    query = db.select(JoinRequest).where(JoinRequest.status == REQUEST_PENDING)
    if not is_coordinator(viewer):
        chaired = [cid for cid, role in committee_roles(viewer).items() if role == ROLE_CHAIR]
        if not chaired:
            return None
        query = query.where(JoinRequest.committee_id.in_(chaired))
    return first_and_count(
        query,
        (JoinRequest.created_at, JoinRequest.id),
        options=(db.joinedload(JoinRequest.person), db.joinedload(JoinRequest.committee)),
    )
