"""The waiting list: a "yes" that does not fit a date's places waits, first come first served,
and takes the seats freed by others."""

from coalition.core.extensions import db
from coalition.meetings.rsvp.models import ANSWER_YES, Rsvp
from coalition.meetings.rsvp.reach import recipients
from coalition.outbox.mail import queue_email
from coalition.web.i18n import _l


def seats_taken(meeting_id, start, *, except_key=None):
    """People holding a confirmed seat for one date."""
    # populate_existing: rows loaded earlier in this request were just changed by an upsert.
    query = (
        db.select(Rsvp)
        .where(Rsvp.meeting_id == meeting_id, Rsvp.occurrence_start == start)
        .execution_options(populate_existing=True)
    )
    return sum(row.seats for row in db.session.scalars(query) if row.respondent_key != except_key)


def waitlist_place(meeting, invitation, start, answer, previous, now):
    """None when the answer holds its seats; else when it joined the waiting list."""
    if answer.answer != ANSWER_YES or meeting.capacity is None:
        return None
    taken = seats_taken(meeting.id, start, except_key=invitation.invitee_key)
    if taken + answer.headcount <= meeting.capacity:
        return None
    return previous.waitlisted_at if previous is not None and previous.waitlisted else now


def promote_waitlist(meeting, start):
    """Give freed seats to those waiting, first in line first, and tell them by email."""
    if meeting.capacity is None:
        return
    waiting = db.session.scalars(
        db.select(Rsvp)
        .where(
            Rsvp.meeting_id == meeting.id,
            Rsvp.occurrence_start == start,
            Rsvp.waitlisted_at.is_not(None),
        )
        .order_by(Rsvp.waitlisted_at, Rsvp.id)
        .execution_options(populate_existing=True)
    ).all()
    taken = seats_taken(meeting.id, start)
    for row in waiting:
        if taken + row.headcount <= meeting.capacity:
            row.waitlisted_at = None
            taken += row.headcount
            _tell_promoted(row, meeting, start)
    db.session.flush()


def _tell_promoted(row, meeting, start):
    for person, organization, name, address in recipients(row.invitation):
        queue_email(
            kind="rsvp_confirmation",
            person=person,
            organization=organization,
            to_address=address,
            to_name=name,
            subject=_l("A seat is free for you: %(title)s", title=meeting.title),
            template="waitlist_promoted",
            context={
                "meeting": meeting,
                "start": start,
                "headcount": row.headcount,
                "invitee": row.invitation.invitee_name,
            },
        )


def waitlist_places(meeting_id, rows):
    """{original start: place in line (1 = next)} for these waiting answers, in one query."""
    waiting = [row for row in rows if row.waitlisted]
    if not waiting:
        return {}
    ahead = db.session.execute(
        db.select(Rsvp.occurrence_start, Rsvp.waitlisted_at, Rsvp.id).where(
            Rsvp.meeting_id == meeting_id,
            Rsvp.occurrence_start.in_([row.occurrence_start for row in waiting]),
            Rsvp.waitlisted_at.is_not(None),
        )
    ).all()
    return {
        row.occurrence_start: 1
        + sum(
            1
            for start, at, other_id in ahead
            if start == row.occurrence_start and (at, other_id) < (row.waitlisted_at, row.id)
        )
        for row in waiting
    }
