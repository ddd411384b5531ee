"""The demo coalition's year on the timeline: wins, losses with their lessons, setbacks and
milestones, written by members and linked to goals, committees and the partners they credit,
beside what the coalition's tools noted (a partner lapsing, a proposal adopted, meetings held).

Idempotent: written entries are matched by title, automatic ones by their unique key.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from coalition.committees.goals.models import Goal
from coalition.committees.models import Committee
from coalition.core.extensions import db
from coalition.members.organizations.models import Organization
from coalition.members.people.models import find_person_by_email
from coalition.timeline.models import TimelineEntry
from coalition.timeline.services import EntryData, add_entry, record_event

MARISOL = "marisol.vega@example.org"
DARNELL = "darnell.brooks@example.org"
ANA = "ana.torres@example.org"
TRAINING_GOAL = "Train 120 patrol officers in diversion referrals"
CRISIS_GOAL = "Open a 24-hour crisis drop-off center"
SPANISH_GOAL = "Spanish materials for every program"


@dataclass(frozen=True)
class Moment:
    days_ago: int
    kind: str
    title: str
    author: str
    happened: str
    lessons: str = ""
    next_steps: str = ""
    goals: tuple = ()
    committees: tuple = ()
    credits: tuple = ()
    source_url: str = ""
    extra: dict = field(default_factory=dict)


DEMO_MOMENTS = [
    Moment(
        350,
        "milestone",
        "Coalition founded with 14 partner organizations",
        MARISOL,
        "Treatment providers, the police department, two congregations and the public defender "
        "signed the founding letter.",
        credits=("Second Chance Reentry Collaborative", "Grace Fellowship Church"),
    ),
    Moment(
        320,
        "setback",
        "Police union declines to endorse the pilot",
        DARNELL,
        "The union's board voted not to endorse diversion referrals before seeing data.",
        "Officers want to hear from officers: lead with the sergeants who already refer people.",
        "Invite two sergeants to the next roundtable and share the first month's numbers.",
        committees=("Law Enforcement Engagement",),
        credits=("Riverside Police Department",),
    ),
    Moment(
        290,
        "win",
        "City council funds a six-month diversion pilot",
        MARISOL,
        "The council approved **$180,000** for case management and peer navigators.",
        "Testimony from people with lived experience moved two undecided members.",
        committees=("Policy and Funding",),
        credits=("Second Chance Reentry Collaborative", "Riverside Harm Reduction Project"),
        source_url="https://example.org/council/2025-budget-vote",
    ),
    Moment(
        250,
        "milestone",
        "First sergeants trained in diversion referrals",
        DARNELL,
        "Twelve sergeants finished the referral training; each now coaches a shift.",
        goals=(TRAINING_GOAL,),
        committees=("Law Enforcement Engagement",),
        credits=("Riverside Police Department",),
    ),
    Moment(
        220,
        "loss",
        "Crisis center site rejected by the zoning board",
        MARISOL,
        "The zoning board turned down the first site after neighbours objected at the hearing.",
        "We met the neighbourhood association only after the hearing was scheduled. Meet "
        "neighbours first, with people who use the services beside us.",
        "Hold two open houses near the second site before filing.",
        goals=(CRISIS_GOAL,),
        committees=("Community Outreach",),
    ),
    Moment(
        190,
        "win",
        "Spanish-language intake forms in every partner office",
        ANA,
        "Intake forms and the referral card now exist in Spanish, reviewed by the advisory "
        "committee.",
        goals=(SPANISH_GOAL,),
        credits=("Iglesia Nueva Esperanza",),
    ),
    Moment(
        160,
        "setback",
        "Treatment waitlist doubles over the summer",
        MARISOL,
        "Referrals arrived faster than New Directions could admit people; the wait reached "
        "three weeks.",
        "A referral is only as good as the bed behind it: capacity has to grow with referrals.",
        "Ask the county for two more counsellor positions in the next budget.",
        credits=("New Directions Treatment Center",),
    ),
    Moment(
        120,
        "milestone",
        "Crisis center operator contracted",
        MARISOL,
        "The county signed a two-year contract with an operator for the drop-off center.",
        goals=(CRISIS_GOAL,),
        committees=("Policy and Funding",),
    ),
    Moment(
        75,
        "loss",
        "County budget cuts two peer navigator positions",
        MARISOL,
        "The county's final budget did not renew the peer navigator grant.",
        "We engaged the budget committee too late; start in the spring next year.",
        "Meet each budget committee member before March, with two navigators.",
        committees=("Policy and Funding",),
        credits=("Riverside Harm Reduction Project",),
    ),
    Moment(
        45,
        "win",
        "Businesses sign the welcome pledge",
        DARNELL,
        "Eighteen downtown businesses pledged to call the diversion line before 911 for "
        "non-emergencies.",
        credits=("Main Street Business Association",),
        committees=("Community Outreach",),
    ),
    Moment(
        20,
        "milestone",
        "First 25 referrals from patrol officers",
        MARISOL,
        "Officers made 25 referrals to case management in the pilot's first month.",
        goals=(TRAINING_GOAL,),
        credits=("Riverside Police Department", "Second Chance Reentry Collaborative"),
    ),
]


def seed_timeline():
    """The year's written entries and a partner lapsing; return how many were added."""
    existing = set(db.session.scalars(db.select(TimelineEntry.title)))
    created = 0
    for moment in DEMO_MOMENTS:
        if moment.title not in existing:
            add_entry(_data(moment), find_person_by_email(moment.author))
            created += 1
    created += _haven_house_lapsed()
    db.session.flush()
    return created


def _ids(model, column, names):
    return list(db.session.scalars(db.select(model.id).where(column.in_(names))))


def _data(moment):
    links = [("goal", i) for i in _ids(Goal, Goal.title, moment.goals)]
    links += [("committee", i) for i in _ids(Committee, Committee.name, moment.committees)]
    links += [("organization", i) for i in _ids(Organization, Organization.name, moment.credits)]
    return EntryData(
        kind=moment.kind,
        title=moment.title,
        occurred_on=date.today() - timedelta(days=moment.days_ago),
        happened=moment.happened,
        lessons=moment.lessons,
        next_steps=moment.next_steps,
        source_url=moment.source_url,
        links=links,
    )


def _haven_house_lapsed():
    """The tools' note that Haven House is no longer an active partner (written once)."""
    haven = db.session.scalar(db.select(Organization).filter_by(name="Haven House Shelter"))
    if haven is None:
        return 0
    before = db.session.scalar(db.select(db.func.count(TimelineEntry.id)))
    record_event(
        "setback",
        date.today() - timedelta(days=100),
        source=("organization", haven.id, haven.name),
        event="lapsed-1",
    )
    return db.session.scalar(db.select(db.func.count(TimelineEntry.id))) - before
