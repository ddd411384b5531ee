"""When a whole series changes its times, what is kept per date follows its date.

Answers, reminders sent, minutes, attendance, decisions and action items are keyed by a
date's original start. A change of time, time zone or pattern gives the dates new original
starts; each keeps its rows when a new date falls on the same day (in the meeting's zone).
A change that would leave minutes, attendance, decisions or action items without their
date is refused: "this and following dates" keeps the past as it was.
"""

from sqlalchemy import select, update

from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.meetings.occurrences import original_starts
from coalition.meetings.record.models import ActionItem, Attendance, Decision, Minutes
from coalition.meetings.rsvp.models import Rsvp, RsvpNudge
from coalition.web.i18n import _l

RECORDS = (Minutes, Attendance, Decision, ActionItem)
DATED = (Rsvp, RsvpNudge, *RECORDS)


def dates_before_change(meeting):
    """What to remember before the change: the original starts and the zone they were in."""
    return original_starts(meeting), meeting.zone


def follow_dates(meeting, before):
    """After the change: move each date's rows to its new start, or refuse the change."""
    old_starts, old_zone = before
    new_starts = original_starts(meeting)
    if new_starts == old_starts:
        return
    by_day = {start.astimezone(meeting.zone).date(): start for start in new_starts}
    moves = {old: by_day.get(old.astimezone(old_zone).date()) for old in old_starts}
    _refuse_orphans(meeting, [old for old, new in moves.items() if new is None])
    for old, new in moves.items():
        if new is not None and new != old:
            for model in DATED:
                db.session.execute(
                    update(model)
                    .where(model.meeting_id == meeting.id, model.occurrence_start == old)
                    .values(occurrence_start=new)
                    .execution_options(synchronize_session=False)
                )


def _refuse_orphans(meeting, lost):
    if not lost:
        return
    for model in RECORDS:
        found = db.session.scalar(
            select(model.id)
            .where(model.meeting_id == meeting.id, model.occurrence_start.in_(lost))
            .limit(1)
        )
        if found is not None:
            raise ActionRefused(
                _l(
                    "Some dates this change would remove already have minutes, attendance, "
                    'decisions or action items. Use "Change this and following dates" from '
                    "the next date instead, so the past keeps its record."
                ),
                field="day",
            )
