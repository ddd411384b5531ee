"""Recording an invitee's answers (yes, maybe, no, headcount, needs) and reading them back."""

from collections import Counter
from dataclasses import dataclass

from sqlalchemy.dialects import postgresql, sqlite

from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.meetings import queries
from coalition.meetings.display import moment_in_zone
from coalition.meetings.models import Meeting
from coalition.meetings.rsvp import waitlist
from coalition.meetings.rsvp.models import ANSWER_NO, ANSWERS, MAX_HEADCOUNT, Rsvp
from coalition.meetings.rsvp.reach import recipients
from coalition.outbox.mail import queue_email
from coalition.web.i18n import _l


@dataclass(frozen=True)
class Answer:
    """What an invitee says about one or more dates."""

    answer: str
    headcount: int = 1
    names: str = ""
    needs: str = ""
    note: str = ""


@dataclass(frozen=True)
class ChangeLink:
    """Where the one who answered changes the answer, for their own confirmation email."""

    url: str
    person_id: int | None  # whose it is; None: the organization's contact address
    personal: bool = True  # a personal link (masked in the outbox); else the logged-in page


def record_answer(invitation, occurrences, answer, *, link, answered_by=None):
    """Save the answer for each occurrence (one row per respondent and date) and confirm it.

    `link` (a ChangeLink) goes only in the confirmation of the one it belongs to: another
    delegate's copy never carries someone else's personal link.

    An upsert on the unique (meeting, date, respondent) key: twenty submissions at once,
    from the link and from a delegate, still leave one row per date.
    """
    _check(answer, occurrences)
    meeting = _lock_meeting(invitation.meeting_id)
    now = utcnow()
    previous = answers_of(invitation)
    for occurrence in occurrences:
        start = occurrence.original_start
        values = {
            "meeting_id": invitation.meeting_id,
            "invitation_id": invitation.id,
            "respondent_key": invitation.invitee_key,
            "occurrence_start": occurrence.original_start,
            "answer": answer.answer,
            "headcount": 0 if answer.answer == ANSWER_NO else answer.headcount,
            "names": answer.names.strip(),
            "needs": answer.needs.strip(),
            "note": answer.note.strip(),
            "answered_by_id": answered_by.id if answered_by is not None else None,
            "updated_at": now,
            "waitlisted_at": waitlist.waitlist_place(
                meeting, invitation, start, answer, previous.get(start), now
            ),
        }
        db.session.execute(_upsert(values))
    db.session.flush()
    for occurrence in occurrences:
        waitlist.promote_waitlist(meeting, occurrence.original_start)
    _confirm(invitation, occurrences, answer, link)


def record_choice(invitation, occurrence, choice, *, link, answered_by=None):
    """Change only yes, maybe or no for one date: the home page's one click and the RSVP
    page's per-date form both record through here, so the same click records the same row.

    The date's headcount, names, needs and note stay. A date not answered yet starts from
    what the invitee usually answers (as the page's form for every date does): "yes" on a
    new date of a series still says "three of us, Spanish interpretation" to the organizers.
    """
    given = answers_of(invitation)
    before = given.get(occurrence.original_start) or usual_answer(
        given, queries.meeting_occurrences(invitation.meeting, after=queries.now())
    )
    if before is None:
        answer = Answer(answer=choice)
    else:
        headcount = before.headcount if choice == ANSWER_NO else max(before.headcount, 1)
        answer = Answer(choice, headcount, before.names, before.needs, before.note)
    record_answer(invitation, [occurrence], answer, link=link, answered_by=answered_by)


def _lock_meeting(meeting_id):
    """Answers to one meeting take turns, so two can never both take the last seats."""
    return db.session.scalar(db.select(Meeting).where(Meeting.id == meeting_id).with_for_update())


def _check(answer, occurrences):
    if answer.answer not in ANSWERS:
        raise ActionRefused(_l("Choose yes, maybe or no."), field="answer")
    if not 0 <= answer.headcount <= MAX_HEADCOUNT:
        raise ActionRefused(
            _l("Between 0 and %(max)d people can come for one invitation.", max=MAX_HEADCOUNT),
            field="headcount",
        )
    now = utcnow()
    if not occurrences or any(o.start <= now or o.cancelled for o in occurrences):
        raise ActionRefused(_l("This date has passed or is cancelled: answers are closed."))
    closed = [o for o in occurrences if not o.takes_answers(now)]
    if closed:
        meeting = closed[0].meeting
        raise ActionRefused(
            _l(
                "Answers for this date closed on %(when)s. Nothing was changed.",
                when=moment_in_zone(closed[0].answers_close_at, meeting.zone),
            )
        )


def _upsert(values):
    insert = (
        postgresql.insert if db.session.get_bind().dialect.name == "postgresql" else (sqlite.insert)
    )
    statement = insert(Rsvp).values(**values)
    changing = {
        key: value
        for key, value in values.items()
        if key not in ("meeting_id", "occurrence_start", "respondent_key")
    }
    return statement.on_conflict_do_update(
        index_elements=["meeting_id", "occurrence_start", "respondent_key"], set_=changing
    )


def _confirm(invitation, occurrences, answer, link):
    meeting = invitation.meeting
    waiting = {start for start, row in answers_of(invitation).items() if row.waitlisted}
    for person, organization, name, address in recipients(invitation):
        own = link if link.person_id == (person.id if person is not None else None) else None
        queue_email(
            kind="rsvp_confirmation",
            person=person,
            organization=organization,
            to_address=address,
            to_name=name,
            subject=_l("Your answer for %(title)s", title=meeting.title),
            template="rsvp_confirmation",
            context={
                "meeting": meeting,
                "answer": answer,
                "occurrences": occurrences,
                "waiting": waiting,
                "link": own.url if own is not None else None,
                "personal": own is not None and own.personal,
                "invitee": invitation.invitee_name,
            },
            personal_links=[own.url] if own is not None and own.personal else [],
        )


def answers_of(invitation):
    """{original start: Rsvp} for one invitee."""
    rows = db.session.scalars(
        db.select(Rsvp).filter_by(
            meeting_id=invitation.meeting_id, respondent_key=invitation.invitee_key
        )
    )
    return {row.occurrence_start: row for row in rows}


def usual_answer(answers, occurrences):
    """The answer most of these dates share (the earliest date's on a tie), or None.

    One date changed to "no" must not make the form for every date start from "no", nor
    drop the names and needs the other dates still carry.
    """
    given = [answers[o.original_start] for o in occurrences if o.original_start in answers]
    if not given:
        return None

    def shape(row):
        return (row.answer, row.headcount, row.names, row.needs)

    counts = Counter(shape(row) for row in given)
    most = max(counts.values())
    return next(row for row in given if counts[shape(row)] == most)
