"""The one-click answer on the home page: the RSVP page's own recording, through the session.

Only the answer changes: the headcount, names, needs and note the invitee gave before (for
this date, or else the answer most upcoming dates share, as the RSVP page's form starts
from) are kept, so "yes" never wipes "three of us, Spanish interpretation".
"""

from flask_wtf import FlaskForm
from wtforms import RadioField
from wtforms.validators import DataRequired

from coalition.meetings import queries
from coalition.meetings.rsvp import answers as answering
from coalition.meetings.rsvp.models import ANSWER_NO, ANSWERS


class QuickAnswerForm(FlaskForm):
    """Yes, maybe or no: one button each (the CSRF token rides along)."""

    answer = RadioField(choices=ANSWERS, validators=[DataRequired()])


def quick_answer(door, occurrence, choice):
    """Record `choice` for one date through the door (doors.by_session), keeping the rest."""
    invitation = door.invitation
    given = answering.answers_of(invitation)
    before = given.get(occurrence.original_start) or answering.usual_answer(
        given, queries.meeting_occurrences(invitation.meeting, after=queries.now())
    )
    headcount = before.headcount if before is not None else 1
    if choice != ANSWER_NO:
        headcount = max(headcount, 1)
    answer = answering.Answer(
        answer=choice,
        headcount=headcount,
        names=before.names if before is not None else "",
        needs=before.needs if before is not None else "",
        note=before.note if before is not None else "",
    )
    answering.record_answer(
        invitation, [occurrence], answer, link=door.change, answered_by=door.answered_by
    )
