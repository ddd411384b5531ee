"""Who came to one date, by person and by organization, and each organization's record."""

from dataclasses import dataclass

from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.meetings.record.models import Attendance
from coalition.meetings.rsvp.models import ANSWER_YES, Rsvp
from coalition.web.i18n import _l

MAX_ATTENDEES = 200
RECORD_LENGTH = 6  # "attended 5 of the last 6"


@dataclass(frozen=True)
class SheetLine:
    """One invitee on the attendance sheet: as recorded, else as they answered."""

    invitation: object
    present: bool
    headcount: int
    answer: object  # Rsvp or None


@dataclass(frozen=True)
class Mark:
    """What the person taking attendance ticked for one invitee."""

    present: bool
    headcount: int


def recorded(meeting_id, start):
    """{attendee key: Attendance} for one date."""
    rows = db.session.scalars(
        db.select(Attendance).filter_by(meeting_id=meeting_id, occurrence_start=start)
    )
    return {row.attendee_key: row for row in rows}


def sheet(invitations, meeting_id, start):
    """Every invitee with their attendance; before it is taken, a "yes" is ticked."""
    marks = recorded(meeting_id, start)
    answers = {
        row.respondent_key: row
        for row in db.session.scalars(
            db.select(Rsvp).filter_by(meeting_id=meeting_id, occurrence_start=start)
        )
    }
    lines = []
    for invitation in invitations:
        answer = answers.get(invitation.invitee_key)
        mark = marks.get(invitation.invitee_key)
        if mark is not None:
            lines.append(SheetLine(invitation, mark.present, mark.headcount, answer))
            continue
        coming = answer is not None and answer.answer == ANSWER_YES and not answer.waitlisted
        lines.append(SheetLine(invitation, coming, answer.headcount if coming else 0, answer))
    return lines, bool(marks)


def record_attendance(meeting, start, invitations, marks, actor):
    """Save who came (marks: {invitee key: Mark}) for every invitee of the date."""
    existing = recorded(meeting.id, start)
    for invitation in invitations:
        mark = marks.get(invitation.invitee_key, Mark(False, 0))
        _check(mark, invitation)
        row = existing.get(invitation.invitee_key) or Attendance(
            meeting_id=meeting.id,
            occurrence_start=start,
            attendee_key=invitation.invitee_key,
            person_id=invitation.person_id,
            organization_id=invitation.organization_id,
        )
        row.present = mark.present
        row.headcount = _headcount(mark, invitation)
        row.recorded_by_id = actor.id
        db.session.add(row)
    db.session.flush()


def _check(mark, invitation):
    if not 0 <= mark.headcount <= MAX_ATTENDEES:
        raise ActionRefused(
            _l(
                "%(invitee)s: between 0 and %(max)d people.",
                invitee=invitation.invitee_name,
                max=MAX_ATTENDEES,
            ),
            field=invitation.invitee_key,
        )


def _headcount(mark, invitation):
    """A person present counts one; an organization present at least one."""
    if not mark.present:
        return 0
    if invitation.person_id is not None:
        return 1
    return max(mark.headcount, 1)


@dataclass(frozen=True)
class Totals:
    taken: bool  # attendance was saved for this date (perhaps with no one present)
    organizations: int
    people_invited: int
    people: int  # everyone counted: persons present plus organizations' headcounts


def totals(meeting_id, start):
    """Counts for the minutes page, which members see without names."""
    rows = recorded(meeting_id, start).values()
    present = [row for row in rows if row.present]
    return Totals(
        taken=bool(rows),
        organizations=sum(1 for row in present if row.organization_id),
        people_invited=sum(1 for row in present if row.person_id),
        people=sum(row.headcount for row in present),
    )


@dataclass(frozen=True)
class Record:
    attended: int
    of: int


def organization_record(organization_id, last=RECORD_LENGTH):
    """How many of the organization's last dates with attendance taken it came to."""
    rows = db.session.scalars(
        db.select(Attendance.present)
        .filter_by(organization_id=organization_id)
        .order_by(Attendance.occurrence_start.desc())
        .limit(last)
    ).all()
    return Record(attended=sum(1 for present in rows if present), of=len(rows))
