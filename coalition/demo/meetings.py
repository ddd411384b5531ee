"""The demo's meeting life: answers with headcounts and needs, a full training with a waiting
list, and past meetings with minutes, attendance, decisions and action items.

Idempotent: each meeting is filled only while it has no answers (or no minutes) yet.
"""

from datetime import UTC, date, datetime, time, timedelta

from coalition.core.extensions import db
from coalition.meetings.models import Meeting
from coalition.meetings.queries import meeting_occurrences
from coalition.meetings.record import actions, attendance, minutes
from coalition.meetings.record.models import Minutes
from coalition.meetings.recurrence import MONTHLY_BY_WEEKDAY, Recurrence
from coalition.meetings.rsvp.meeting_invitations import invitations_of
from coalition.meetings.rsvp.models import Rsvp
from coalition.meetings.series.services import MeetingDetails
from coalition.members.people.models import find_person_by_email

ROUNDTABLE = "Partners' roundtable"
TRAINING = "Training: recovery-centered language for officers"
QUARTERLY = "Coalition quarterly meeting"
KICK_OFF = "Kick-off with the police department"

# Answers to the quarterly meeting's next date: (answer, headcount, who, needs), by invitee order.
QUARTERLY_ANSWERS = [
    ("yes", 3, "Darnell, Keisha, Luis", "Spanish interpretation for one person"),
    ("yes", 2, "Rev. Ruth Okafor and a volunteer", ""),
    ("maybe", 1, "", "Step-free entrance"),
    ("yes", 4, "Outreach team", "ASL interpreter"),
    ("no", 0, "", ""),
    ("yes", 1, "", ""),
]

MINUTES_TEXT = """## Present
Partners from reentry, harm reduction, faith communities and the police department.

## Referrals
- {referrals} people were referred to case management this month instead of being arrested.
- Peer navigators met most of them within a day.

## Discussion
People with lived experience on the participant advisory committee asked that outreach
materials say "people who use drugs", not "addicts". Everyone agreed.
"""

DECISIONS = [
    "Use recovery-centered language in every flyer and press release.",
    "Ask the city council for a second peer navigator in the next budget.",
]

# (text, owner's email, due in days from the meeting; negative values are overdue today)
ACTION_ITEMS = [
    ("Draft the referral data summary for the council", "darnell.brooks@example.org", 21),
    ("Translate the outreach flyer into Spanish", "ana.torres@example.org", 14),
    ("Book the library room for the next forum", "marisol.vega@example.org", 10),
    # The coordinator carries more than the home page's card lists, so it links to them all.
    ("Send partners this month's referral numbers", "marisol.vega@example.org", 5),
    ("Ask the housing authority to name a delegate", "marisol.vega@example.org", 12),
    ("Confirm the peer trainers for the officers' training", "marisol.vega@example.org", 18),
]


def _first_tuesday_months_ago(months):
    today = date.today()
    month_index = today.year * 12 + today.month - 1 - months
    first = date(month_index // 12, month_index % 12 + 1, 1)
    return first + timedelta(days=(1 - first.weekday()) % 7)


def extra_meetings():
    """(details, cancel nth, move nth) of a series half in the past and a full training."""
    return [
        (
            MeetingDetails(
                title=ROUNDTABLE,
                day=_first_tuesday_months_ago(5),
                start_time=time(12, 0),
                end_time=time(13, 30),
                timezone="America/Chicago",
                location="Grace Fellowship Church, Fellowship Hall",
                online_link="https://meet.example.org/roundtable",
                accessibility="Step-free entrance; lunch provided",
                interpretation="Spanish interpretation",
                agenda="- Referrals this month\n- What partners need\n- Wins and setbacks",
                recurrence=Recurrence(MONTHLY_BY_WEEKDAY, count=9),
            ),
            None,
            None,
        ),
        (
            MeetingDetails(
                title=TRAINING,
                day=date.today() + timedelta(days=16),
                start_time=time(9, 0),
                end_time=time(12, 0),
                timezone="America/Chicago",
                location="Riverside Police Department, Training Room",
                accessibility="Step-free entrance",
                description="Peer trainers with lived experience lead the session. 12 places.",
                capacity=12,
            ),
            None,
            None,
        ),
    ]


def seed_meeting_records():
    """Answers, a waiting list, and the record of past meetings; return how many were added."""
    by_title = {m.title: m for m in db.session.scalars(db.select(Meeting))}
    created = 0
    if QUARTERLY in by_title:
        created += _seed_answers(by_title[QUARTERLY], QUARTERLY_ANSWERS)
    if TRAINING in by_title:
        created += _seed_full_training(by_title[TRAINING])
    for title in (KICK_OFF, ROUNDTABLE):
        if title in by_title:
            created += _seed_records(by_title[title])
    return created


def _answered(meeting):
    return db.session.scalar(db.select(Rsvp.id).filter_by(meeting_id=meeting.id).limit(1))


def _next_date(meeting):
    upcoming = meeting_occurrences(meeting, after=datetime.now(UTC), include_cancelled=False)
    return upcoming[0] if upcoming else None


def _seed_answers(meeting, answers):
    occurrence = _next_date(meeting)
    if occurrence is None or _answered(meeting):
        return 0
    invited = [i for i in invitations_of(meeting) if i.organization_id]
    for invitation, (answer, headcount, names, needs) in zip(invited, answers, strict=False):
        db.session.add(_rsvp(invitation, occurrence, answer, headcount, names, needs))
    return min(len(invited), len(answers))


def _rsvp(invitation, occurrence, answer, headcount, names="", needs="", waitlisted_at=None):
    return Rsvp(
        meeting_id=invitation.meeting_id,
        invitation_id=invitation.id,
        respondent_key=invitation.invitee_key,
        occurrence_start=occurrence.original_start,
        answer=answer,
        headcount=headcount,
        names=names,
        needs=needs,
        waitlisted_at=waitlisted_at,
    )


def _seed_full_training(meeting):
    """Every partner wants seats; those who do not fit the 12 places wait in line."""
    occurrence = _next_date(meeting)
    if occurrence is None or _answered(meeting):
        return 0
    taken, now = 0, datetime.now(UTC)
    invited = [i for i in invitations_of(meeting) if i.organization_id]
    for place, invitation in enumerate(invited):
        headcount = 4 if place % 2 == 0 else 3
        fits = taken + headcount <= meeting.capacity
        taken += headcount if fits else 0
        waiting = None if fits else now - timedelta(hours=len(invited) - place)
        db.session.add(
            _rsvp(invitation, occurrence, "yes", headcount, "Patrol officers", "", waiting)
        )
    return len(invited)


def _seed_records(meeting):
    """Minutes (published, the latest still a draft), attendance, decisions, action items."""
    if db.session.scalar(db.select(Minutes.id).filter_by(meeting_id=meeting.id).limit(1)):
        return 0
    past = meeting_occurrences(meeting, before=datetime.now(UTC), include_cancelled=False)
    coordinator = find_person_by_email("marisol.vega@example.org")
    invited = invitations_of(meeting)
    for number, occurrence in enumerate(past):
        start = occurrence.original_start
        marks = {
            invitation.invitee_key: attendance.Mark(
                (index + number) % 4 != 0, 1 if invitation.person_id else 2 + index % 3
            )
            for index, invitation in enumerate(invited)
        }
        attendance.record_attendance(meeting, start, invited, marks, coordinator)
        text = MINUTES_TEXT.format(referrals=6 + 3 * number)
        saved = minutes.save_minutes(meeting, start, text, 0, coordinator, "First draft")
        latest = number == len(past) - 1
        if not (meeting.is_series and latest):  # the series' latest minutes are a draft
            minutes.publish(saved, occurrence, coordinator)
        actions.add_decision(meeting, start, DECISIONS[number % len(DECISIONS)], coordinator)
        _seed_items(meeting, occurrence, coordinator, latest=latest)
    return len(past)


def _seed_items(meeting, occurrence, coordinator, latest):
    """The latest date's items are open (one overdue); earlier ones are done."""
    for text, email, due_in in ACTION_ITEMS:
        owner = find_person_by_email(email)
        if owner is None:
            continue
        due = occurrence.start.date() + timedelta(days=due_in if latest else due_in - 40)
        item = actions.add_item(
            meeting, occurrence.original_start, text, owner.id, due, coordinator, tell_owner=False
        )
        if not latest:
            actions.set_done(item, True)
