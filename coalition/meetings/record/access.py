"""Who keeps a date's record, reads its minutes and sees who came."""

from coalition.meetings.access import can_manage_meeting, can_view_meeting
from coalition.meetings.rsvp.access import can_view_rsvp_names
from coalition.web.authz import is_member


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
    return can_view_rsvp_names(viewer, meeting)


def can_complete_action_item(viewer, item):
    """Mark done or reopen: its owner, and the meeting's organizers."""
    if not is_member(viewer):
        return False
    return item.owner_id == viewer.id or can_manage_meeting(viewer, item.meeting)


def can_remove_from_record(viewer, record):
    """Take back a decision or an action item: the meeting's organizers."""
    return can_keep_record(viewer, record.meeting)
