"""The reader's meetings: each upcoming date with the answer they (or their organization)
gave, the answers they still owe, and, for organizers, how many invitees have not answered;
each card the first few and how many in all.

Every card reads a constant number of queries, whatever the number of meetings or answers.
"""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func

from coalition.core.extensions import db
from coalition.dashboard.sections.counted import SHOWN
from coalition.meetings import access as meetings_access
from coalition.meetings import queries
from coalition.meetings.models import MeetingInvitation
from coalition.meetings.occurrences import occurrences_of
from coalition.meetings.rsvp.models import Rsvp

HORIZON = timedelta(days=60)  # how far ahead the home page looks


@dataclass(frozen=True)
class Reply:
    """One invitation the reader answers (their own or their organization's), for one date."""

    invitation: MeetingInvitation
    occurrence: object
    rsvp: Rsvp | None
    open: bool  # the date still takes answers


@dataclass(frozen=True)
class MyDate:
    """An upcoming date the reader may see, with the answers the reader gives for it."""

    occurrence: object
    replies: list


@dataclass(frozen=True)
class Unanswered:
    """An organizer's upcoming date: invitees, and how many have not answered."""

    occurrence: object
    invited: int
    missing: int


@dataclass(frozen=True)
class Organizing:
    """The dates ahead the reader organizes: the next few, how many, and every RSVP still
    missing over all of them (one invitee's answer for one date)."""

    shown: list  # Unanswered
    dates: int
    missing: int


@dataclass(frozen=True)
class MeetingCards:
    dates: list  # MyDate, the next few
    date_count: int  # every date ahead the reader may see
    owed: list  # Reply with no answer yet, the next few not already among `dates`
    owed_count: int  # every date still waiting for the reader's answer
    owed_above: int  # of them, those `dates` already offers to answer
    organizing: Organizing


def meeting_cards(viewer, now):
    """The three meeting cards of the home page, read together."""
    upcoming = queries.occurrences_between(
        now,
        now + HORIZON,
        include_cancelled=False,
        visible_to=lambda meeting: meetings_access.can_view_meeting(viewer, meeting),
    )
    invitations = _my_invitations(viewer)
    answers = _answers_to(invitations, now)
    by_meeting = {}
    for invitation in invitations:
        by_meeting.setdefault(invitation.meeting_id, []).append(invitation)
    dates = [
        MyDate(o, [_reply(i, o, answers, now) for i in by_meeting.get(o.meeting.id, [])])
        for o in upcoming[:SHOWN]
    ]
    owed = _owed(invitations, answers, now)
    # A date already answerable among "your upcoming meetings" is not offered twice.
    offered = {_reply_key(r) for date in dates for r in date.replies if r.open and not r.rsvp}
    rest = [reply for reply in owed if _reply_key(reply) not in offered]
    managed = [o for o in upcoming if meetings_access.can_manage_meeting(viewer, o.meeting)]
    return MeetingCards(
        dates, len(upcoming), rest[:SHOWN], len(owed), len(owed) - len(rest), _organizing(managed)
    )


def _reply_key(reply):
    return reply.invitation.id, reply.occurrence.original_start


def _reply(invitation, occurrence, answers, now):
    rsvp = answers.get((invitation.meeting_id, invitation.invitee_key, occurrence.original_start))
    return Reply(invitation, occurrence, rsvp, occurrence.takes_answers(now))


def _my_invitations(viewer):
    """Invitations to the reader, and to the organizations they speak for, with their
    meetings and organizations, in one query."""
    return db.session.scalars(
        db.select(MeetingInvitation)
        .where(queries.invitations_clause(viewer))
        .options(
            db.joinedload(MeetingInvitation.meeting),
            db.joinedload(MeetingInvitation.organization),
        )
        .order_by(MeetingInvitation.id)
    ).all()


def _answers_to(invitations, now):
    """{(meeting id, respondent key, original start): Rsvp} of these invitations' dates
    still to come."""
    if not invitations:
        return {}
    rows = db.session.scalars(
        db.select(Rsvp).where(
            Rsvp.meeting_id.in_({i.meeting_id for i in invitations}),
            Rsvp.respondent_key.in_({i.invitee_key for i in invitations}),
            Rsvp.occurrence_start >= now - HORIZON,  # a moved date keeps its original start
        )
    )
    return {(row.meeting_id, row.respondent_key, row.occurrence_start): row for row in rows}


def _owed(invitations, answers, now):
    """Every date ahead that takes answers and has none from the reader, soonest first."""
    meetings = {i.meeting_id: i.meeting for i in invitations}
    exceptions = queries.exceptions_by_meeting(list(meetings))
    owed = []
    for invitation in invitations:
        dates = occurrences_of(
            invitation.meeting, exceptions[invitation.meeting_id], after=now, before=now + HORIZON
        )
        for occurrence in dates:
            key = (invitation.meeting_id, invitation.invitee_key, occurrence.original_start)
            if occurrence.takes_answers(now) and key not in answers:
                owed.append(Reply(invitation, occurrence, None, True))
    return sorted(owed, key=lambda reply: (reply.occurrence.start, reply.invitation.id))


def _organizing(occurrences):
    """How many invitees have not answered each date, from two grouped counts over every
    date (the total counts them all); the first few dates listed."""
    meeting_ids = {o.meeting.id for o in occurrences}
    if not meeting_ids:
        return Organizing([], 0, 0)
    invited = dict(
        db.session.execute(
            db.select(MeetingInvitation.meeting_id, func.count(MeetingInvitation.id))
            .where(MeetingInvitation.meeting_id.in_(meeting_ids))
            .group_by(MeetingInvitation.meeting_id)
        ).all()
    )
    starts = [o.original_start for o in occurrences]
    answered = {
        (meeting_id, start): count
        for meeting_id, start, count in db.session.execute(
            db.select(Rsvp.meeting_id, Rsvp.occurrence_start, func.count(Rsvp.id))
            .where(
                Rsvp.meeting_id.in_(meeting_ids),
                Rsvp.occurrence_start.between(min(starts), max(starts)),
            )
            .group_by(Rsvp.meeting_id, Rsvp.occurrence_start)
        ).all()
    }
    rows = []
    for occurrence in occurrences:
        total = invited.get(occurrence.meeting.id, 0)
        given = answered.get((occurrence.meeting.id, occurrence.original_start), 0)
        rows.append(Unanswered(occurrence, total, max(total - given, 0)))
    return Organizing(rows[:SHOWN], len(rows), sum(row.missing for row in rows))
