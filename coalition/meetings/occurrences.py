"""Occurrences of meetings: a series expanded in its zone, with its changed occurrences."""

from dataclasses import dataclass
from datetime import UTC as _UTC
from datetime import datetime, timedelta

from coalition.meetings.recurrence import expand


@dataclass(frozen=True)
class Occurrence:
    """One sitting of a meeting, as people will attend it."""

    meeting: object
    original_start: datetime  # UTC; identifies the occurrence within its series
    start: datetime  # UTC
    end: datetime  # UTC
    cancelled: bool = False  # on its own, or with its whole series
    moved: bool = False
    cancelled_alone: bool = False  # this date was cancelled, not (only) its series
    location: str = ""

    @property
    def key(self):
        """A stable text id for URLs: the original start in UTC."""
        return occurrence_key(self.original_start)

    @property
    def local_start(self):
        return self.start.astimezone(self.meeting.zone)

    @property
    def local_end(self):
        return self.end.astimezone(self.meeting.zone)

    @property
    def answers_close_at(self):
        """When answers to this date close (UTC): the meeting's deadline before its start."""
        return self.start - timedelta(hours=self.meeting.rsvp_closes_hours_before or 0)

    def takes_answers(self, now):
        """True while answers to this date can still be given or changed."""
        return not self.cancelled and now < self.answers_close_at


def occurrence_key(moment):
    """'20260113T000000Z' for an aware UTC datetime."""
    return moment.astimezone(_UTC).strftime("%Y%m%dT%H%M%SZ")


def parse_occurrence_key(key):
    """The aware UTC datetime of an occurrence key, or None when malformed."""
    try:
        return datetime.strptime(key, "%Y%m%dT%H%M%SZ").replace(tzinfo=_UTC)
    except (TypeError, ValueError):
        return None


def original_starts(meeting):
    """Every original start of the meeting (one for a single meeting), in UTC."""
    if not meeting.rrule:
        return [meeting.start_at]
    return [start.astimezone(_UTC) for start in expand(meeting.rrule, meeting.local_start)]


def occurrences_of(meeting, exceptions, *, after=None, before=None, include_cancelled=False):
    """The meeting's occurrences overlapping [after, before), earliest first."""
    by_original = {exception.original_start: exception for exception in exceptions}
    found = []
    for original in original_starts(meeting):
        occurrence = _apply(meeting, original, by_original.get(original))
        if occurrence.cancelled and not include_cancelled:
            continue
        if after is not None and occurrence.end <= after:
            continue
        if before is not None and occurrence.start >= before:
            continue
        found.append(occurrence)
    return sorted(found, key=lambda occurrence: occurrence.start)


def _apply(meeting, original, exception):
    end = original + meeting.duration
    if exception is None:
        return Occurrence(
            meeting,
            original,
            original,
            end,
            cancelled=meeting.is_cancelled,
            location=meeting.location,
        )
    moved = exception.start_at is not None
    return Occurrence(
        meeting,
        original,
        exception.start_at if moved else original,
        exception.end_at if moved else end,
        cancelled=exception.cancelled or meeting.is_cancelled,
        moved=moved,
        cancelled_alone=exception.cancelled,
        location=exception.location or meeting.location,
    )


def find_occurrence(meeting, exceptions, original_start):
    """The occurrence with this original start, or None when the series has no such one."""
    if original_start not in original_starts(meeting):
        return None
    by_original = {exception.original_start: exception for exception in exceptions}
    return _apply(meeting, original_start, by_original.get(original_start))
