"""Who sees, schedules and organizes meetings (the rules every sub-feature builds on)."""

from coalition.committees.access import committee_roles
from coalition.committees.models import ROLE_CHAIR
from coalition.meetings.queries import invited_meeting_ids as _invited_meeting_ids
from coalition.web.authz import cached, is_coordinator, is_member


def can_schedule_meeting(user):
    """Coordinators, for anything; chairs, for their committees."""
    return is_coordinator(user) or any(
        role == ROLE_CHAIR for role in committee_roles(user).values()
    )


def can_view_meeting(viewer, meeting):
    """Coalition-wide meetings: every member; a committee's: its members, and everyone
    invited (checked by the caller through invitations)."""
    if not is_member(viewer):
        return False
    if is_coordinator(viewer) or meeting.committee_id is None:
        return True
    return meeting.committee_id in committee_roles(viewer) or (
        meeting.id in invited_meeting_ids(viewer)
    )


def can_manage_meeting(viewer, meeting):
    """Change, move, cancel, invite: coordinators, and the chairs of its committee."""
    if is_coordinator(viewer):
        return True
    return meeting.committee_id is not None and (
        committee_roles(viewer).get(meeting.committee_id) == ROLE_CHAIR
    )


def invited_meeting_ids(user):
    """Meetings the user is invited to (directly or as a delegate), once per request."""
    return cached("invited_meetings", user, lambda: _invited_meeting_ids(user))
