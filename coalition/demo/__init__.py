"""The demo coalition: a realistic pre-arrest diversion coalition to explore.

Idempotent: people are matched by email, organizations by name and timeline entries by
title, so running it again adds only what is missing. Organizations, their delegates and
the profiles people shared are in members.py.
"""

from datetime import date, time, timedelta

from coalition.auth.services import set_password
from coalition.committees.models import Committee
from coalition.core.extensions import db
from coalition.demo.committees import STEERING, seed_committees
from coalition.demo.meetings import extra_meetings, seed_meeting_records
from coalition.demo.members import seed_members
from coalition.demo.messaging import seed_drafts
from coalition.demo.outbox import seed_outbox
from coalition.demo.timeline import seed_timeline
from coalition.meetings.models import Meeting
from coalition.meetings.occurrences import original_starts
from coalition.meetings.recurrence import MONTHLY_BY_WEEKDAY, Recurrence
from coalition.meetings.rsvp.meeting_invitations import add_invitations
from coalition.meetings.series.services import (
    MeetingDetails,
    cancel_occurrence,
    move_occurrence,
    schedule_meeting,
)
from coalition.members.organizations.models import Organization
from coalition.members.people.models import (
    ROLE_COORDINATOR,
    ROLE_MEMBER,
    Person,
    find_person_by_email,
)

COORDINATOR_PASSWORD = "river-lantern-harbor"
MEMBER_PASSWORD = "maple-harbor-sunrise"

# (name, pronouns, email, role, interface language, in the directory, has a login)
DEMO_PEOPLE = [
    ("Marisol Vega", "she/her", "marisol.vega@example.org", ROLE_COORDINATOR, "en", True, True),
    ("Darnell Brooks", "he/him", "darnell.brooks@example.org", ROLE_MEMBER, "en", True, True),
    ("Ana Lucía Torres", "ella", "ana.torres@example.org", ROLE_MEMBER, "es", True, True),
    ("Rev. Ruth Okafor", "she/her", "ruth.okafor@example.org", ROLE_MEMBER, "en", True, False),
    ("Lt. Kevin Marsh", "he/him", "kevin.marsh@example.org", ROLE_MEMBER, "en", True, False),
    ("Priya Natarajan", "she/they", "priya.natarajan@example.org", ROLE_MEMBER, "en", True, False),
    ("Tomás Reyes", "él", "tomas.reyes@example.org", ROLE_MEMBER, "es", False, False),
    ("Jamal Carter", "he/him", "jamal.carter@example.org", ROLE_MEMBER, "en", True, False),
    ("Linh Nguyen", "she/her", "linh.nguyen@example.org", ROLE_MEMBER, "en", False, False),
]

DEMO_LOGINS = [
    ("marisol.vega@example.org", COORDINATOR_PASSWORD, "coordinator"),
    ("darnell.brooks@example.org", MEMBER_PASSWORD, "member"),
    ("ana.torres@example.org", MEMBER_PASSWORD, "member (es)"),
]


def seed_demo():
    """Create what is missing of the demo coalition; return how many records were added."""
    created = _seed_people()
    created += seed_members(find_person_by_email(DEMO_PEOPLE[0][2]))
    created += seed_committees()
    created += _seed_meetings()
    db.session.flush()
    created += seed_meeting_records()
    created += seed_drafts()
    created += seed_outbox()
    created += seed_timeline()  # last: its entries link to goals, committees and partners
    db.session.flush()
    return created


def _seed_people():
    created = 0
    for name, pronouns, email, role, language, listed, has_login in DEMO_PEOPLE:
        if find_person_by_email(email) is not None:
            continue
        person = Person(
            name=name,
            pronouns=pronouns,
            email=email,
            role=role,
            language=language,
            directory_consent=listed,
        )
        db.session.add(person)
        if has_login:
            password = COORDINATOR_PASSWORD if role == ROLE_COORDINATOR else MEMBER_PASSWORD
            set_password(person, password)
        created += 1
    db.session.flush()
    return created


def _nth_weekday(year, month, weekday, nth):
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _next_month_nth(weekday, nth):
    today = date.today()
    year, month = (today.year, today.month + 1) if today.month < 12 else (today.year + 1, 1)
    return _nth_weekday(year, month, weekday, nth)


def _committee_id(name):
    return db.session.scalar(db.select(Committee.id).filter_by(name=name))


def _demo_meetings():
    """(details, cancel the nth date, move the nth date) for each demo meeting."""
    library = "Riverside Public Library, Community Room"
    return [
        (
            MeetingDetails(
                title="Law Enforcement Engagement working group",
                day=_next_month_nth(3, 1),
                start_time=time(9, 0),
                end_time=time(10, 0),
                timezone="America/Chicago",
                location="Riverside Police Department, Training Room",
                online_link="https://meet.example.org/law-enforcement",
                agenda="- Referral numbers\n- Officer training schedule",
                recurrence=Recurrence(MONTHLY_BY_WEEKDAY, count=12),
                committee_id=_committee_id("Law Enforcement Engagement"),
            ),
            None,
            None,
        ),
        (
            MeetingDetails(
                committee_id=_committee_id(STEERING),
                title="Steering committee",
                day=_next_month_nth(1, 2),
                start_time=time(18, 0),
                end_time=time(19, 30),
                timezone="America/Chicago",
                location="City Hall, Room 204",
                online_link="https://meet.example.org/steering",
                accessibility="Step-free entrance",
                interpretation="Spanish interpretation on request",
                agenda="- Pilot referrals this month\n- Budget testimony plan\n- Recruitment gaps",
                recurrence=Recurrence(MONTHLY_BY_WEEKDAY, until=date.today() + timedelta(days=365)),
            ),
            3,
            2,
        ),
        (
            MeetingDetails(
                title="Coalition quarterly meeting",
                day=_next_month_nth(3, 3),
                start_time=time(17, 30),
                end_time=time(19, 30),
                timezone="America/Chicago",
                location=library,
                online_link="https://meet.example.org/quarterly",
                accessibility="Step-free entrance; ASL interpreter; quiet room",
                interpretation="Spanish interpretation",
                description="Everyone in the coalition is welcome: partners, members, neighbours.",
                recurrence=Recurrence(MONTHLY_BY_WEEKDAY, interval=3, count=4),
            ),
            None,
            None,
        ),
        (
            MeetingDetails(
                title="Kick-off with the police department",
                day=date.today() - timedelta(days=40),
                start_time=time(10, 0),
                end_time=time(11, 30),
                timezone="America/Chicago",
                location="Riverside Police Department, Training Room",
                description="How officers refer people to case management instead of arrest.",
            ),
            None,
            None,
        ),
    ]


def _seed_meetings():
    existing = set(db.session.scalars(db.select(Meeting.title)))
    coordinator = find_person_by_email(DEMO_PEOPLE[0][2])
    created = 0
    for details, cancel_nth, move_nth in _demo_meetings() + extra_meetings():
        if details.title in existing:
            continue
        meeting = schedule_meeting(details, coordinator)
        _invite_partners(meeting, coordinator)
        starts = original_starts(meeting)
        if cancel_nth is not None:
            cancel_occurrence(meeting, starts[cancel_nth], meeting.version)
        if move_nth is not None:
            moved = starts[move_nth].astimezone(meeting.zone) + timedelta(days=1)
            move_occurrence(
                meeting,
                starts[move_nth],
                MeetingDetails(
                    title=meeting.title,
                    day=moved.date(),
                    start_time=time(18, 0),
                    end_time=time(19, 30),
                    timezone=meeting.timezone,
                    location="Riverside Public Library, Room B",
                ),
                meeting.version,
            )
        created += 1
    return created


def _invite_partners(meeting, coordinator):
    """Committed and active partners, and the members with a login, are invited; to a
    meeting already held too, as they were before it (invite() refuses a past meeting)."""
    organizations = db.session.scalars(
        db.select(Organization).where(Organization.status.in_(("committed", "active")))
    ).all()
    people = [find_person_by_email(email) for email, _password, _role in DEMO_LOGINS]
    add_invitations(
        meeting,
        coordinator,
        people=[p for p in people if p is not None],
        organizations=organizations,
    )
