"""Recording answers (yes, maybe, no, headcount, needs) and reading them for organizers."""

from collections import Counter
from dataclasses import dataclass

from sqlalchemy.dialects import postgresql, sqlite

from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.meetings.display import moment_in_zone
from coalition.meetings.invitations import recipients
from coalition.meetings.models import Meeting
from coalition.meetings.rsvp_models import ANSWER_NO, ANSWER_YES, ANSWERS, MAX_HEADCOUNT, Rsvp
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
            "waitlisted_at": _waitlist_place(
                meeting, invitation, start, answer, previous.get(start), now
            ),
        }
        db.session.execute(_upsert(values))
    db.session.flush()
    for occurrence in occurrences:
        promote_waitlist(meeting, occurrence.original_start)
    _confirm(invitation, occurrences, answer, link)


def _lock_meeting(meeting_id):
    """Answers to one meeting take turns, so two can never both take the last seats."""
    return db.session.scalar(db.select(Meeting).where(Meeting.id == meeting_id).with_for_update())


def seats_taken(meeting_id, start, *, except_key=None):
    """People holding a confirmed seat for one date."""
    # populate_existing: rows loaded earlier in this request were just changed by an upsert.
    query = (
        db.select(Rsvp)
        .where(Rsvp.meeting_id == meeting_id, Rsvp.occurrence_start == start)
        .execution_options(populate_existing=True)
    )
    return sum(row.seats for row in db.session.scalars(query) if row.respondent_key != except_key)


def _waitlist_place(meeting, invitation, start, answer, previous, now):
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
    for person, name, address in recipients(row.invitation):
        queue_email(
            kind="rsvp_confirmation",
            person=person,
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
    for person, name, address in recipients(invitation):
        own = link if link.person_id == (person.id if person is not None else None) else None
        queue_email(
            kind="rsvp_confirmation",
            person=person,
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


@dataclass
class Summary:
    """The organizer's view of one date."""

    rows: list  # (invitation, Rsvp or None), by invitee name
    counts: Counter
    headcount: int
    needs: list
    sectors_present: list
    sectors_missing: list


def summary(invitations, occurrence_start, all_sectors):
    """Answers to one date, by invitee, with totals, needs and the sectors coming."""
    rows = db.session.scalars(
        db.select(Rsvp).where(
            Rsvp.occurrence_start == occurrence_start,
            Rsvp.invitation_id.in_([invitation.id for invitation in invitations]),
        )
    ).all()
    by_invitation = {row.invitation_id: row for row in rows}
    pairs = [(invitation, by_invitation.get(invitation.id)) for invitation in invitations]
    counts = Counter(row.answer if row else "none" for _invitation, row in pairs)
    coming = [(inv, row) for inv, row in pairs if row and row.seats]
    counts["waitlisted"] = sum(1 for _inv, row in pairs if row and row.waitlisted)
    present = {
        sector.id: sector
        for inv, _row in coming
        if inv.organization_id
        for sector in inv.organization.sectors
    }
    return Summary(
        rows=pairs,
        counts=counts,
        headcount=sum(row.headcount for _inv, row in coming),
        needs=[(inv.invitee_name, row.needs) for inv, row in pairs if row and row.needs],
        sectors_present=sorted(present.values(), key=lambda s: s.display_name),
        sectors_missing=[s for s in all_sectors if s.id not in present],
    )


def answers_table(result):
    """(header, rows) of a Summary for a spreadsheet."""
    header = ["Invitee", "Kind", "Answer", "Waiting list", "People", "Who", "Needs", "Note"]
    rows = []
    for invitation, row in result.rows:
        kind = "organization" if invitation.organization_id else "person"
        if row is None:
            rows.append([invitation.invitee_name, kind, "", "", "", "", "", ""])
            continue
        rows.append(
            [
                invitation.invitee_name,
                kind,
                row.answer,
                "yes" if row.waitlisted else "",
                row.headcount,
                row.names,
                row.needs,
                row.note,
            ]
        )
    return header, rows
