"""Who opens proposals, reads them and takes a position."""

from sqlalchemy import false, or_

from coalition.committees.access import (
    can_manage_committee,
    can_view_committee,
    can_view_roster,
    committee_roles,
    is_committee_member,
    steering_committee_ids,
)
from coalition.committees.models import (
    ROLE_CHAIR,
)
from coalition.committees.proposals.models import Proposal
from coalition.web.authz import is_coordinator, is_member


def can_view_proposals(user):
    return is_member(user)


def can_open_proposal(viewer, committee=None):
    """To a committee: its chairs and coordinators. To the whole coalition: coordinators and
    chairs of the steering committee."""
    if committee is not None:
        return committee.active and can_manage_committee(viewer, committee)
    if is_coordinator(viewer):
        return True
    roles = committee_roles(viewer)
    return any(roles.get(cid) == ROLE_CHAIR for cid in steering_committee_ids())


def can_view_proposal(viewer, proposal):
    if proposal.committee is None:
        return is_member(viewer)
    return can_view_committee(viewer, proposal.committee)


def can_take_part(viewer, proposal):
    """Record a position: every member on a coalition-wide proposal, else committee members."""
    if not is_member(viewer):
        return False
    if proposal.committee is None:
        return True
    return is_committee_member(viewer, proposal.committee)


def take_part_clause(viewer):
    """can_take_part as an SQL condition on Proposal, so a list and its count hold only
    the proposals the viewer may take a position on."""
    if not is_member(viewer):
        return false()
    return or_(
        Proposal.committee_id.is_(None),
        Proposal.committee_id.in_(list(committee_roles(viewer))),
    )


def can_see_who(viewer, proposal):
    """Names beside positions: as the committee's roster; everyone on coalition-wide ones."""
    if proposal.committee is None:
        return is_member(viewer)
    return can_view_roster(viewer, proposal.committee)
