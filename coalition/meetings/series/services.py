"""Scheduling, changing and cancelling meetings and their occurrences."""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from flask import current_app

from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused, EditConflict
from coalition.core.extensions import db
from coalition.meetings import changes
from coalition.meetings.models import (
    MAX_MEETING_LENGTH,
    MAX_RSVP_CLOSES_HOURS,
    STATUS_CANCELLED,
    Meeting,
    OccurrenceException,
)
from coalition.meetings.occurrences import find_occurrence, original_starts
from coalition.meetings.recurrence import RecurrenceError, expand, truncate_before, validate
from coalition.meetings.rsvp import meeting_invitations, waitlist
from coalition.meetings.series import rekey
from coalition.web.i18n import _l

# Changing any of these sends an update to invitees and raises the calendar SEQUENCE.
SCHEDULE_FIELDS = ("start_at", "end_at", "timezone", "rrule", "location", "online_link")
DETAIL_FIELDS = ("title", "description", "agenda", "accessibility", "interpretation")

RECURRENCE_MESSAGES = {
    "open-ended": _l("Choose when the series ends: a last date or a number of meetings."),
    "count": _l("A series can have at most 200 meetings."),
    "span": _l("A series can last at most three years."),
    "until-before-start": _l("The series cannot end before its first meeting."),
    "interval": _l("Repeat every 1 to 12 weeks or months."),
    "unknown pattern": _l("Choose how the meeting repeats."),
}


@dataclass
class MeetingDetails:
    """What a person enters to schedule or change a meeting, in the meeting's local time."""

    title: str
    day: date
    start_time: time
    end_time: time
    timezone: str
    description: str = ""
    agenda: str = ""
    location: str = ""
    online_link: str = ""
    accessibility: str = ""
    interpretation: str = ""
    recurrence: object = None  # a recurrence.Recurrence, or None for a single meeting
    capacity: int | None = None  # people per date; None for no limit
    committee_id: int | None = None  # None: the whole coalition
    rsvp_closes_hours_before: int | None = None  # None: answers close when each date starts
    extra: dict = field(default_factory=dict)


def schedule_meeting(details, actor):
    """Create a meeting or series from the details; returns it, flushed."""
    meeting = Meeting(uid=_new_uid(), created_by=actor)
    _apply_details(meeting, details)
    db.session.add(meeting)
    db.session.flush()
    return meeting


def check_version(meeting, version):
    """Refuse an edit based on an older version of the meeting (EditConflict)."""
    if str(meeting.version) != str(version):
        raise EditConflict(meeting)


def update_series(meeting, details, version):
    """Change a whole meeting or series, edited from `version`; returns True when the change
    matters to invitees."""
    check_version(meeting, version)
    before = {name: getattr(meeting, name) for name in SCHEDULE_FIELDS}
    capacity_before = meeting.capacity
    dates_before = rekey.dates_before_change(meeting)
    _apply_details(meeting, details)
    rekey.follow_dates(meeting, dates_before)
    if meeting.capacity != capacity_before:
        db.session.flush()
        for start in original_starts(meeting):
            waitlist.promote_waitlist(meeting, start)
    matters = any(getattr(meeting, name) != value for name, value in before.items())
    if matters:
        meeting.sequence += 1
        _drop_stale_exceptions(meeting)
    db.session.flush()
    if matters:
        meeting_invitations.notify_invitees(
            meeting, meeting_invitations.REASON_UPDATED, changes.series_change(before, meeting)
        )
    return matters


def _apply_details(meeting, details):
    start, end = _local_times(details)
    rule = None
    if details.recurrence is not None:
        try:
            validate(details.recurrence, start)
        except RecurrenceError as error:
            raise ActionRefused(
                RECURRENCE_MESSAGES.get(str(error), RECURRENCE_MESSAGES["unknown pattern"]),
                field="repeat",
            ) from error
        rule = details.recurrence.rrule(start)
    for name in DETAIL_FIELDS + ("location", "online_link"):
        setattr(meeting, name, (getattr(details, name) or "").strip())
    meeting.timezone = details.timezone
    meeting.capacity = details.capacity
    meeting.rsvp_closes_hours_before = _rsvp_deadline(details.rsvp_closes_hours_before)
    meeting.committee_id = details.committee_id
    meeting.start_at = start.astimezone(UTC)
    meeting.end_at = end.astimezone(UTC)
    meeting.rrule = rule
    meeting.last_end_at = _last_end(meeting)


def _rsvp_deadline(hours):
    if hours is not None and not 0 <= hours <= MAX_RSVP_CLOSES_HOURS:
        raise ActionRefused(
            _l("Enter a number of hours from 0 to 720 (30 days)."),
            field="rsvp_closes_hours_before",
        )
    return hours


def _local_times(details):
    try:
        zone = ZoneInfo(details.timezone)
    except (KeyError, ValueError) as error:
        raise ActionRefused(_l("Choose a time zone from the list."), field="timezone") from error
    start = datetime.combine(details.day, details.start_time, zone)
    end = datetime.combine(details.day, details.end_time, zone)
    if not _exists(start):
        raise ActionRefused(
            _l(
                "The clocks change at that hour on that day, so this time does not exist. "
                "Choose another time."
            ),
            field="start_time",
        )
    if end <= start:
        raise ActionRefused(_l("The meeting must end after it starts."), field="end_time")
    if end - start > MAX_MEETING_LENGTH:
        raise ActionRefused(_l("A meeting can last at most 12 hours."), field="end_time")
    return start, end


def _exists(local):
    """False for wall-clock times skipped when clocks spring forward."""
    round_trip = local.astimezone(UTC).astimezone(local.tzinfo)
    return round_trip.replace(tzinfo=None) == local.replace(tzinfo=None)


def _last_end(meeting):
    if not meeting.rrule:
        return meeting.end_at
    last_start = expand(meeting.rrule, meeting.local_start)[-1]
    return last_start.astimezone(UTC) + meeting.duration


def _drop_stale_exceptions(meeting):
    """After a schedule change, forget changes to occurrences that no longer exist."""
    valid = set(original_starts(meeting))
    for exception in list(_exceptions(meeting)):
        if exception.original_start not in valid:
            db.session.delete(exception)


def _exceptions(meeting):
    return db.session.scalars(db.select(OccurrenceException).filter_by(meeting_id=meeting.id))


def cancel_meeting(meeting):
    """Cancel a whole meeting or series; it leaves every calendar feed."""
    if meeting.is_cancelled:
        raise ActionRefused(_l("This meeting is already cancelled."))
    meeting.status = STATUS_CANCELLED
    meeting.sequence += 1
    db.session.flush()
    meeting_invitations.notify_invitees(meeting, meeting_invitations.REASON_CANCELLED)


def _exception_for(meeting, original_start, version):
    """The date's exception row (added if new), once the date exists in the version of the
    series the change was based on."""
    exceptions = list(_exceptions(meeting))
    if find_occurrence(meeting, exceptions, original_start) is None:
        raise ActionRefused(_l("This meeting has no such occurrence."))
    check_version(meeting, version)
    for exception in exceptions:
        if exception.original_start == original_start:
            return exception
    exception = OccurrenceException(meeting_id=meeting.id, original_start=original_start)
    db.session.add(exception)
    return exception


def cancel_occurrence(meeting, original_start, version):
    """Cancel one occurrence, seen in the series' `version`; the rest stays as it is."""
    exception = _exception_for(meeting, original_start, version)
    if exception.cancelled:
        raise ActionRefused(_l("This occurrence is already cancelled."))
    exception.cancelled = True
    exception.sequence = meeting.sequence + 1
    meeting.sequence += 1
    db.session.flush()
    meeting_invitations.notify_invitees(
        meeting,
        meeting_invitations.REASON_UPDATED,
        changes.Change(changes.DATE_CANCELLED, original_start=original_start),
    )
    return exception


def move_occurrence(meeting, original_start, details, version):
    """Give one occurrence another day, time or place, seen in the series' `version`; the
    rest of the series stays."""
    start, end = _local_times(details)
    exception = _exception_for(meeting, original_start, version)
    exception.start_at = start.astimezone(UTC)
    exception.end_at = end.astimezone(UTC)
    exception.location = (details.location or "").strip() or None
    exception.cancelled = False
    meeting.sequence += 1
    exception.sequence = meeting.sequence
    meeting.last_end_at = max(meeting.last_end_at, exception.end_at)
    db.session.flush()
    change = changes.Change(
        changes.DATE_MOVED,
        original_start=original_start,
        start=exception.start_at,
        end=exception.end_at,
        place=exception.location or "",
    )
    meeting_invitations.notify_invitees(meeting, meeting_invitations.REASON_UPDATED, change)
    return exception


def split_series(meeting, original_start, details, actor, version):
    """ "This and all following": end the series before the occurrence, start a new one."""
    if not meeting.is_series or original_start == meeting.start_at:
        update_series(meeting, details, version)
        return meeting
    check_version(meeting, version)
    remaining = [start for start in original_starts(meeting) if start >= original_start]
    if not remaining:
        raise ActionRefused(_l("This meeting has no such occurrence."))
    continuation = schedule_meeting(_continuing(details, meeting, len(remaining)), actor)
    continuation.split_from_id = meeting.id
    meeting.rrule = truncate_before(meeting.rrule, original_start.astimezone(meeting.zone))
    meeting.last_end_at = _last_end(meeting)
    meeting.sequence += 1
    for exception in list(_exceptions(meeting)):
        if exception.original_start >= original_start:
            db.session.delete(exception)
    db.session.flush()
    meeting_invitations.notify_invitees(
        meeting,
        meeting_invitations.REASON_UPDATED,
        changes.Change(changes.SERIES_SPLIT, original_start=original_start),
    )
    meeting_invitations.carry_over(meeting, continuation, actor)
    return continuation


def _continuing(details, meeting, remaining_count):
    """The new series keeps the old one's end: the same last date or the remaining count."""
    recurrence = details.recurrence
    if recurrence is not None and recurrence.count:
        recurrence = type(recurrence)(
            recurrence.pattern, recurrence.interval, None, min(recurrence.count, remaining_count)
        )
    details.recurrence = recurrence
    return details


def _new_uid():
    domain = current_app.config["PUBLIC_BASE_URL"].split("://")[-1].split("/")[0].split(":")[0]
    return f"{uuid.uuid4().hex}@{domain or 'coalition.local'}"


def touch(meeting):
    """Record that something readers see changed (DTSTAMP) without a new SEQUENCE."""
    meeting.updated_at = utcnow()
