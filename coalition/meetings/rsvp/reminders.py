"""Reminders before each date to those who said yes or maybe; each is sent at most once.

`flask --app wsgi meetings send-reminders` runs from cron (and in run-scheduled): a
reminder carries an idempotency key (meeting, date, invitee, address), so running twice,
or on two machines at once, sends nothing twice.
"""

from datetime import timedelta

from flask import current_app
from sqlalchemy.exc import IntegrityError

from coalition.core.dbtypes import utcnow
from coalition.core.extensions import db
from coalition.meetings.occurrences import occurrence_key
from coalition.meetings.queries import occurrences_between
from coalition.meetings.rsvp.models import ANSWER_MAYBE, ANSWER_YES, Rsvp
from coalition.meetings.rsvp.reach import recipients
from coalition.outbox.mail import queue_email
from coalition.web.i18n import _l


def send_reminders(now=None):
    """Queue reminders for dates starting within the reminder window; return how many."""
    now = now or utcnow()
    window = timedelta(hours=current_app.config["MEETING_REMINDER_HOURS"])
    sent = 0
    for occurrence in occurrences_between(now, now + window, include_cancelled=False):
        if occurrence.start <= now:
            continue
        for rsvp in _coming(occurrence):
            sent += _remind(rsvp, occurrence)
    return sent


def _coming(occurrence):
    return db.session.scalars(
        db.select(Rsvp)
        .where(
            Rsvp.meeting_id == occurrence.meeting.id,
            Rsvp.occurrence_start == occurrence.original_start,
            Rsvp.answer.in_((ANSWER_YES, ANSWER_MAYBE)),
        )
        .options(db.joinedload(Rsvp.invitation))
    ).all()


def _remind(rsvp, occurrence):
    meeting = occurrence.meeting
    count = 0
    for person, organization, name, address in recipients(rsvp.invitation):
        key = (
            f"reminder:{meeting.id}:{occurrence_key(occurrence.original_start)}:"
            f"{rsvp.respondent_key}:{address.lower()}"
        )
        try:
            with db.session.begin_nested():  # another machine may have queued it a moment ago
                queued = queue_email(
                    kind="meeting_reminder",
                    person=person,
                    organization=organization,
                    to_address=address,
                    to_name=name,
                    subject=_l("Reminder: %(title)s", title=meeting.title),
                    template="meeting_reminder",
                    idempotency_key=key,
                    context={"meeting": meeting, "occurrence": occurrence, "rsvp": rsvp},
                )
        except IntegrityError:
            continue
        count += queued is not None
    return count
