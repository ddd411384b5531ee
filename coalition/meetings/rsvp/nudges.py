"""Reminding those who have not answered one date, at most once a day per date (a day where
the coalition is).

An organizer's button on the answers page. The RsvpNudge row is written first: its unique
key (meeting, date, day) lets only one of two coordinators clicking at once go on to queue
emails; each email also carries an idempotency key with the date and the day.
"""

from flask_babel import format_time
from sqlalchemy.exc import IntegrityError

from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.core.timezones import coalition_date
from coalition.meetings.occurrences import occurrence_key
from coalition.meetings.rsvp import reach
from coalition.meetings.rsvp.meeting_invitations import invitations_of
from coalition.meetings.rsvp.models import Rsvp, RsvpNudge
from coalition.outbox.mail import queue_email
from coalition.web.i18n import _l

KIND = "rsvp_nudge"


class AlreadyReminded(ActionRefused):
    """Someone reminded them today already; the next reminder may go tomorrow."""

    def __init__(self, nudge):
        super().__init__(already_reminded_message(nudge))
        self.nudge = nudge


def already_reminded_message(nudge):
    """What the organizers read after today's reminder, the time in the viewer's zone."""
    return _l(
        "Those who have not answered were already reminded today at %(time)s; you can "
        "remind them again tomorrow.",
        time=format_time(nudge.sent_at, "short"),
    )


def last_nudge(meeting, occurrence_start):
    """The latest reminder for one date (with who sent it), or None."""
    return db.session.scalar(
        db.select(RsvpNudge)
        .filter_by(meeting_id=meeting.id, occurrence_start=occurrence_start)
        .options(db.joinedload(RsvpNudge.sent_by))
        .order_by(RsvpNudge.sent_at.desc())
        .limit(1)
    )


def reminded_today(nudge, now=None):
    """True when this reminder went out today, where the coalition is."""
    return nudge is not None and nudge.sent_on == coalition_date(now or utcnow())


def unanswered(meeting, occurrence_start, invitations=None):
    """Invitations with no answer for this date, whoever would have given it."""
    answered = set(
        db.session.scalars(
            db.select(Rsvp.respondent_key).filter_by(
                meeting_id=meeting.id, occurrence_start=occurrence_start
            )
        )
    )
    if invitations is None:
        invitations = invitations_of(meeting)
    return [invitation for invitation in invitations if invitation.invitee_key not in answered]


def remind_unanswered(meeting, occurrence, actor, *, now=None):
    """Email every invitee with no answer for this date their personal link; return the
    RsvpNudge (its sent_count is the number of emails queued)."""
    now = now or utcnow()
    if not occurrence.takes_answers(now):
        raise ActionRefused(_l("Answers for this date are closed: there is no one to remind."))
    earlier = last_nudge(meeting, occurrence.original_start)
    if reminded_today(earlier, now):
        raise AlreadyReminded(earlier)
    pending = unanswered(meeting, occurrence.original_start)
    if not pending:
        raise ActionRefused(_l("Everyone invited has answered for this date."))
    nudge = _claim_today(meeting, occurrence, actor, now)
    nudge.sent_count = _remind(pending, occurrence, now)
    db.session.flush()
    return nudge


def _claim_today(meeting, occurrence, actor, now):
    """Write today's row; if another organizer's click wrote it first, refuse."""
    nudge = RsvpNudge(
        meeting_id=meeting.id,
        occurrence_start=occurrence.original_start,
        sent_on=coalition_date(now),
        sent_at=now,
        sent_by=actor,
        sent_count=0,
    )
    try:
        with db.session.begin_nested():
            db.session.add(nudge)
    except IntegrityError:
        raise AlreadyReminded(last_nudge(meeting, occurrence.original_start)) from None
    return nudge


def _remind(pending, occurrence, now):
    """One email per address (reach.by_address), with a link for each of its invitations
    not yet answered; returns how many were queued."""
    meeting = occurrence.meeting
    count = 0
    for address_key, entries in reach.by_address(pending).items():
        person, organization, name, address = reach.addressee(entries)
        links = reach.personal_links(entries)
        key = (
            f"{KIND}:{meeting.id}:{occurrence_key(occurrence.original_start)}:"
            f"{coalition_date(now).isoformat()}:{address_key}"
        )
        queued = queue_email(
            kind=KIND,
            person=person,
            organization=organization,
            to_address=address,
            to_name=name,
            subject=_l("Will you come? %(title)s", title=meeting.title),
            template="rsvp_nudge",
            idempotency_key=key,
            context={
                "meeting": meeting,
                "occurrence": occurrence,
                "links": links,
                "link": links[0][1],
                "invitee": entries[0][0].invitee_name,
            },
            personal_links=[link for _name, link in links],
        )
        count += queued is not None
    return count
