"""Who sees and manages committees, their rosters and join requests."""

from sqlalchemy import and_, false, or_, select, true

from coalition.committees.models import (
    KIND_ADVISORY,
    KIND_STEERING,
    ROLE_CHAIR,
    Committee,
    CommitteeMembership,
)
from coalition.core.extensions import db
from coalition.web.authz import cached, is_coordinator, is_member


def committee_roles(user):
    """{committee id: "chair" or "member"} for the user's committees."""
    if not is_member(user):
        return {}
    return cached(
        "roles",
        user,
        lambda: dict(
            db.session.execute(
                select(CommitteeMembership.committee_id, CommitteeMembership.role).where(
                    CommitteeMembership.person_id == user.id
                )
            ).all()
        ),
    )


def steering_committee_ids():
    return cached(
        "steering",
        _Anyone,
        lambda: set(
            db.session.scalars(select(Committee.id).where(Committee.kind == KIND_STEERING))
        ),
    )


def advisory_committee_ids():
    """Ids of the participant advisory committees."""
    return cached(
        "advisory",
        _Anyone,
        lambda: set(
            db.session.scalars(select(Committee.id).where(Committee.kind == KIND_ADVISORY))
        ),
    )


class _Anyone:
    id = 0


def is_committee_member(user, committee):
    """On the committee, as chair or member."""
    return committee is not None and committee.id in committee_roles(user)


def is_chair_of(user, committee):
    return committee is not None and committee_roles(user).get(committee.id) == ROLE_CHAIR


def visible_rosters_clause(viewer):
    """can_view_roster as an SQL condition on Committee: the committees whose members the
    viewer may list, so filters, pick lists and counts by committee name no one else."""
    if is_coordinator(viewer):
        return true()
    if not is_member(viewer):
        return false()
    mine = select(CommitteeMembership.committee_id).where(
        CommitteeMembership.person_id == viewer.id
    )
    return or_(
        Committee.id.in_(mine),
        and_(
            Committee.kind != KIND_ADVISORY,
            Committee.open_to_requests.is_(True),
            Committee.active.is_(True),
        ),
    )


def can_view_committees(user):
    return is_member(user)


def can_create_committee(user):
    return is_coordinator(user)


def can_view_committee(viewer, committee):
    """Coordinators and its members; other members read committees open to join requests."""
    if not is_member(viewer):
        return False
    if is_coordinator(viewer) or is_committee_member(viewer, committee):
        return True
    return committee.open_to_requests and committee.active


def can_view_roster(viewer, committee):
    """Who is on it; the participant advisory committee's roster: coordinators and its members."""
    if committee.kind == KIND_ADVISORY:
        return is_coordinator(viewer) or is_committee_member(viewer, committee)
    return can_view_committee(viewer, committee)


def can_manage_committee(viewer, committee):
    """Coordinators, and chairs of this committee only."""
    return is_coordinator(viewer) or is_chair_of(viewer, committee)


def can_request_to_join(viewer, committee):
    return (
        is_member(viewer)
        and committee.open_to_requests
        and committee.active
        and not is_committee_member(viewer, committee)
    )
