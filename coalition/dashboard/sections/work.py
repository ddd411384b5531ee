"""What waits on the reader's own hand: drafts to review, proposals without their position,
their action items, and the join requests they may answer; each the first few and how many."""

from sqlalchemy import exists

from coalition.committees.access import committee_roles
from coalition.committees.models import REQUEST_PENDING, ROLE_CHAIR, JoinRequest
from coalition.committees.proposals import access as proposals_access
from coalition.committees.proposals.models import PROPOSAL_OPEN, Position, Proposal
from coalition.core.extensions import db
from coalition.dashboard.sections.counted import first_and_count
from coalition.meetings.record.actions import OPEN_ITEMS_ORDER, open_items_of, open_items_query
from coalition.meetings.record.models import ActionItem
from coalition.messaging.review.services import WAITING_ORDER, waiting_for_query
from coalition.web.authz import is_coordinator


def drafts_to_review(viewer):
    """Drafts the reader was asked to review and has not decided on, first asked first."""
    return first_and_count(waiting_for_query(viewer), WAITING_ORDER)


def proposals_without_position(viewer, now):
    """Open proposals the reader may take part in and has taken no position on, closing
    soonest first."""
    taken = exists().where(Position.proposal_id == Proposal.id, Position.person_id == viewer.id)
    query = db.select(Proposal).where(
        Proposal.status == PROPOSAL_OPEN,
        Proposal.closes_at > now,
        ~taken,
        proposals_access.take_part_clause(viewer),
    )
    return first_and_count(
        query, (Proposal.closes_at, Proposal.id), options=(db.joinedload(Proposal.committee),)
    )


def action_items(viewer):
    """The reader's open action items, soonest due first, and how many there are."""
    return first_and_count(
        open_items_query(viewer), OPEN_ITEMS_ORDER, options=(db.joinedload(ActionItem.meeting),)
    )


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
