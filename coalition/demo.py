"""The demo coalition: a realistic pre-arrest diversion coalition to explore.

Idempotent: people are matched by email, organizations by name and timeline entries by
title, so running it again adds only what is missing. Organizations, their delegates and
the profiles people shared are in demo_members.py.
"""

from datetime import date, timedelta

from coalition.auth.services import set_password
from coalition.demo_members import seed_members
from coalition.extensions import db
from coalition.members.models import ROLE_COORDINATOR, ROLE_MEMBER, Person, find_person_by_email
from coalition.timeline.models import TimelineEntry
from coalition.timeline.services import record_entry

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

# (days ago, kind, title, what happened, lessons learned)
DEMO_TIMELINE = [
    (
        240,
        "milestone",
        "Coalition founded with 14 partner organizations",
        "Treatment providers, the police department, two congregations and the public defender "
        "signed the founding letter.",
        "",
    ),
    (
        150,
        "win",
        "City council funds a six-month diversion pilot",
        "The council approved $180,000 for case management and peer navigators.",
        "Testimony from people with lived experience moved two undecided members.",
    ),
    (
        75,
        "loss",
        "County budget cuts two peer navigator positions",
        "The county's final budget did not renew the peer navigator grant.",
        "We engaged the budget committee too late; start in the spring next year.",
    ),
    (
        20,
        "milestone",
        "First 25 referrals from patrol officers",
        "Officers made 25 referrals to case management in the pilot's first month.",
        "",
    ),
]


def seed_demo():
    """Create what is missing of the demo coalition; return how many records were added."""
    created = _seed_people()
    created += seed_members(find_person_by_email(DEMO_PEOPLE[0][2]))
    created += _seed_timeline()
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


def _seed_timeline():
    created = 0
    coordinator = find_person_by_email(DEMO_PEOPLE[0][2])
    existing = set(db.session.scalars(db.select(TimelineEntry.title)))
    for days_ago, kind, title, body, lessons in DEMO_TIMELINE:
        if title in existing:
            continue
        record_entry(
            kind,
            title,
            date.today() - timedelta(days=days_ago),
            body=body,
            lessons=lessons,
            actor=coordinator,
        )
        created += 1
    return created
