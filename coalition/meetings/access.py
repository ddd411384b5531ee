"""Who sees, schedules and organizes meetings, and keeps a date's record."""

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


def can_keep_record(viewer, meeting):
    """Write the minutes, take attendance, record decisions and action items: organizers."""
    return can_manage_meeting(viewer, meeting)


def can_read_minutes(viewer, meeting, minutes):
    """Published minutes: whoever sees the meeting; a draft: its organizers."""
    if minutes is not None and minutes.published:
        return can_view_meeting(viewer, meeting)
    return can_keep_record(viewer, meeting)


def can_view_attendance_names(viewer, meeting):
    """Who came, by name: organizers (members see the counts), as with answers."""
    return can_manage_meeting(viewer, meeting)


def can_complete_action_item(viewer, item):
    """Mark done or reopen: its owner, and the meeting's organizers."""
    if not is_member(viewer):
        return False
    return item.owner_id == viewer.id or can_manage_meeting(viewer, item.meeting)


def can_remove_from_record(viewer, record):
    """Take back a decision or an action item: the meeting's organizers."""
    return can_keep_record(viewer, record.meeting)
