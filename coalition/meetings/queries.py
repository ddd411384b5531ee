"""Reading meetings: the occurrences in a date range, in a constant number of queries."""

from collections import defaultdict
from datetime import UTC, datetime, timedelta

from coalition.extensions import db
from coalition.meetings.models import Meeting, OccurrenceException
from coalition.meetings.occurrences import occurrences_of


def exceptions_by_meeting(meeting_ids):
    """{meeting id: [OccurrenceException]} for these meetings, in one query."""
    grouped = defaultdict(list)
    if not meeting_ids:
        return grouped
    rows = db.session.scalars(
        db.select(OccurrenceException).where(OccurrenceException.meeting_id.in_(meeting_ids))
    )
    for exception in rows:
        grouped[exception.meeting_id].append(exception)
    return grouped


def meetings_between(after, before, *, visible_to=None):
    """Meetings with an occurrence in [after, before); `visible_to` filters with authz."""
    query = db.select(Meeting).where(Meeting.start_at < before, Meeting.last_end_at > after)
    meetings = db.session.scalars(query.order_by(Meeting.start_at)).all()
    if visible_to is not None:
        meetings = [meeting for meeting in meetings if visible_to(meeting)]
    return meetings


def occurrences_between(after, before, *, visible_to=None, include_cancelled=True):
    """Every occurrence in [after, before), earliest first."""
    meetings = meetings_between(after, before, visible_to=visible_to)
    exceptions = exceptions_by_meeting([meeting.id for meeting in meetings])
    found = []
    for meeting in meetings:
        found.extend(
            occurrences_of(
                meeting,
                exceptions[meeting.id],
                after=after,
                before=before,
                include_cancelled=include_cancelled,
            )
        )
    return sorted(found, key=lambda occurrence: occurrence.start)


def meeting_occurrences(meeting, *, after=None, before=None, include_cancelled=True):
    """One meeting's occurrences, with its exceptions loaded in one query."""
    exceptions = exceptions_by_meeting([meeting.id])[meeting.id]
    return occurrences_of(
        meeting, exceptions, after=after, before=before, include_cancelled=include_cancelled
    )


def all_current_meetings():
    """Meetings still running or to come, and those ended within the last 90 days."""
    since = datetime.now(UTC) - timedelta(days=90)
    return db.session.scalars(
        db.select(Meeting).where(Meeting.last_end_at > since).order_by(Meeting.start_at)
    ).all()
