"""What committees tell members about their rosters (members sit below committees and may
not import them): registered once, when committees' blueprint is registered."""

from sqlalchemy import select

from coalition.committees.access import visible_rosters_clause
from coalition.committees.models import CommitteeMembership
from coalition.members.committee_rosters import register_rosters


def fellows_select(viewer):
    """The ids of the people who share a committee with the viewer, as a SELECT."""
    mine = select(CommitteeMembership.committee_id).where(
        CommitteeMembership.person_id == viewer.id
    )
    return select(CommitteeMembership.person_id).where(CommitteeMembership.committee_id.in_(mine))


def register_member_rosters(state=None):
    """Teach members who shares a committee and whose rosters a viewer may list."""
    register_rosters(fellows=fellows_select, visible=visible_rosters_clause)
