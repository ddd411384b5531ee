"""The demo coalition's committees, goals, charter, proposals and feedback.

Idempotent: committees, goals, sections, proposals and notes are matched by their names,
titles or text, so running it again adds only what is missing.
"""

from datetime import UTC, date, datetime, timedelta

from coalition.committees.goals.models import Goal, GoalUpdate, Milestone
from coalition.committees.guidelines.models import GuidelineSection
from coalition.committees.guidelines.services import add_section, write_revision
from coalition.committees.models import Committee, CommitteeMembership, JoinRequest
from coalition.committees.proposals.models import Position, Proposal
from coalition.committees.proposals.services import ProposalData, open_proposal
from coalition.committees.services import request_to_join
from coalition.core.extensions import db
from coalition.feedback.models import Feedback
from coalition.members.people.models import find_person_by_email
from coalition.timeline.services import record_event

STEERING = "Steering Committee"
# name: (kind, charge, open to requests, chairs' emails, members' emails)
DEMO_COMMITTEES = {
    STEERING: (
        "steering",
        "Sets the coalition's direction, keeps the operating guidelines and brings decisions "
        "to the whole coalition.",
        False,
        ["marisol.vega@example.org"],
        [
            "darnell.brooks@example.org",
            "ruth.okafor@example.org",
            "kevin.marsh@example.org",
            "priya.natarajan@example.org",
        ],
    ),
    "Law Enforcement Engagement": (
        "working",
        "Works with patrol officers and supervisors so that diversion is the first answer.",
        True,
        ["darnell.brooks@example.org"],
        ["kevin.marsh@example.org", "jamal.carter@example.org"],
    ),
    "Community Outreach": (
        "working",
        "Tells neighbours, congregations and businesses what diversion is and how to help.",
        True,
        ["ruth.okafor@example.org"],
        ["linh.nguyen@example.org", "tomas.reyes@example.org"],
    ),
    "Policy and Funding": (
        "working",
        "Testimony, budgets and grants that keep the pilot running.",
        True,
        ["priya.natarajan@example.org"],
        ["marisol.vega@example.org"],
    ),
    "Participant Advisory Committee": (
        "advisory",
        "People with lived experience of arrest, addiction or diversion advise every "
        "decision the coalition makes.",
        False,
        ["jamal.carter@example.org"],
        ["ana.torres@example.org", "tomas.reyes@example.org"],
    ),
}

CHARTER = [
    ("Purpose", "We build a pre-arrest diversion program so people get **care, not a cell**."),
    (
        "Membership",
        "Any organization that endorses our purpose may join. Each names a primary delegate "
        "and an alternate.",
    ),
    (
        "Decision-making",
        "Decisions are made by consent at coalition meetings. A member who blocks explains why.",
    ),
    ("Meetings", "The coalition meets every quarter; committees meet monthly."),
    ("Communications", "Minutes and decisions are shared within a week, in English and Spanish."),
    (
        "Conflicts of interest",
        "A member declares any financial interest in a decision and does not take part in it.",
    ),
]
ADOPTED_DECISION_TEXT = (
    "Decisions are made by consent at coalition meetings or online between meetings. "
    "A member who blocks explains why, and the steering committee looks for a way forward."
)
CLOSED_PROPOSAL = "Allow decisions online between meetings"
OPEN_PROPOSAL = "Adopt a goal: peer navigators in every district"
# (committee, who asks, message): waiting for Darnell, the committee's chair, to answer.
JOIN_REQUEST = (
    "Law Enforcement Engagement",
    "ana.torres@example.org",
    "I would like to help officers hear from people who went through diversion.",
)

FEEDBACK = [
    (
        "The intake office closes at 4 pm; people get out of work later.",
        "en",
        True,
        "acted_on",
        "The case management office now stays open until 7 pm on Tuesdays and Thursdays.",
    ),
    (
        "Los formularios solo están en inglés.",
        "es",
        True,
        "acted_on",
        "All intake forms are now in Spanish too; interpreters are available on request.",
    ),
    ("Officers should carry the peer navigator's card.", "en", False, "discussed", ""),
    ("Thank you for listening to us.", "en", True, "received", ""),
]


def seed_committees():
    """Create what is missing of the demo committees and the rest; return records added."""
    created = _seed_committees()
    created += _seed_goals()
    created += _seed_charter()
    created += _seed_proposals()
    created += _seed_feedback()
    created += _seed_join_request()
    db.session.flush()
    return created


def _seed_committees():
    existing = set(db.session.scalars(db.select(Committee.name)))
    created = 0
    for name, (kind, charge, is_open, chairs, members) in DEMO_COMMITTEES.items():
        if name in existing:
            continue
        committee = Committee(name=name, kind=kind, charge=charge, open_to_requests=is_open)
        db.session.add(committee)
        for role, emails in (("chair", chairs), ("member", members)):
            for email in emails:
                person = find_person_by_email(email)
                if person is None:
                    continue
                speaking = [a for a in person.affiliations if a.speaks_for_organization]
                db.session.add(
                    CommitteeMembership(
                        committee=committee,
                        person=person,
                        role=role,
                        organization_id=speaking[0].organization_id if speaking else None,
                    )
                )
        created += 1
    db.session.flush()
    return created


def _committee(name):
    return db.session.scalar(db.select(Committee).filter_by(name=name))


def _seed_goals():
    existing = set(db.session.scalars(db.select(Goal.title)))
    today = date.today()
    created = 0
    if "Train 120 patrol officers in diversion referrals" not in existing:
        goal = Goal(
            title="Train 120 patrol officers in diversion referrals",
            why="Officers can only divert people if they know how and whom to call.",
            status="active",
            committee=_committee("Law Enforcement Engagement"),
            owner=find_person_by_email("darnell.brooks@example.org"),
            indicator="officers trained",
            indicator_target=120,
            target_date=today + timedelta(days=120),
        )
        for days_ago, value in ((60, 12), (30, 28), (6, 40)):
            goal.updates.append(
                GoalUpdate(value=value, recorded_on=today - timedelta(days=days_ago))
            )
        db.session.add(goal)
        created += 1
    if "Open a 24-hour crisis drop-off center" not in existing:
        goal = Goal(
            title="Open a 24-hour crisis drop-off center",
            why="Officers need somewhere to bring people at night other than jail.",
            status="active",
            target_date=today - timedelta(days=10),
            owner=find_person_by_email("marisol.vega@example.org"),
        )
        goal.milestones = [
            Milestone(title="Site chosen", done_on=today - timedelta(days=80)),
            Milestone(title="Operator contracted", done_on=today - timedelta(days=50)),
            Milestone(title="Doors open"),
        ]
        db.session.add(goal)
        created += 1
    if "Spanish materials for every program" not in existing:
        goal = Goal(
            title="Spanish materials for every program",
            status="active",
            committee=_committee("Community Outreach"),
            indicator="programs with Spanish materials",
            indicator_target=8,
            created_at=datetime.now(UTC) - timedelta(days=90),
        )
        goal.updates.append(GoalUpdate(value=3, recorded_on=today - timedelta(days=45)))
        db.session.add(goal)
        created += 1
    db.session.flush()
    return created


def _seed_charter():
    existing = set(db.session.scalars(db.select(GuidelineSection.title)))
    coordinator = find_person_by_email("marisol.vega@example.org")
    created = 0
    for title, text in CHARTER:
        if title not in existing:
            add_section(title, text, coordinator)
            created += 1
    meetings = db.session.scalar(db.select(GuidelineSection).filter_by(title="Meetings"))
    if meetings is not None and len(meetings.revisions) == 1:
        write_revision(
            meetings,
            "The coalition meets every quarter; committees meet every month.",
            coordinator,
            editorial=True,
            note="Wording",
        )
    return created


def _seed_proposals():
    existing = set(db.session.scalars(db.select(Proposal.title)))
    coordinator = find_person_by_email("marisol.vega@example.org")
    created = 0
    if CLOSED_PROPOSAL not in existing:
        section = db.session.scalar(db.select(GuidelineSection).filter_by(title="Decision-making"))
        closed_at = datetime.now(UTC) - timedelta(days=3)
        proposal = Proposal(
            kind="amendment",
            title=CLOSED_PROPOSAL,
            body="Waiting three months for a quarterly meeting slows us down.",
            section=section,
            base_text=section.text,
            new_text=ADOPTED_DECISION_TEXT,
            rule="consent",
            quorum=3,
            closes_at=closed_at,
            status="closed",
            outcome="adopted",
            closed_at=closed_at,
            opened_by=coordinator,
        )
        for email, stance, reason in (
            ("marisol.vega@example.org", "agree", ""),
            ("darnell.brooks@example.org", "agree", "Officers' schedules make meetings hard."),
            ("ana.torres@example.org", "abstain", ""),
            ("ruth.okafor@example.org", "disagree", "I prefer to decide face to face."),
        ):
            proposal.positions.append(
                Position(person=find_person_by_email(email), stance=stance, reason=reason)
            )
        db.session.add(proposal)
        db.session.flush()
        write_revision(
            section,
            ADOPTED_DECISION_TEXT,
            coordinator,
            editorial=False,
            note=CLOSED_PROPOSAL,
            proposal=proposal,
        )
        record_event(
            "milestone",
            closed_at.date(),
            source=("proposal", proposal.id, proposal.title),
            event="adopted",
        )
        created += 1
    if OPEN_PROPOSAL not in existing:
        from coalition.committees.goals.services import GoalData

        open_proposal(
            ProposalData(
                kind="goal",
                title=OPEN_PROPOSAL,
                body="Peer navigators meet people where officers find them.",
                rule="majority",
                quorum=3,
                one_voice_per_organization=True,
                closes_at=datetime.now(UTC) + timedelta(days=5),
                goal=GoalData(
                    "Peer navigators in every district",
                    "People trust someone who has been there.",
                    date.today() + timedelta(days=365),
                    None,
                    "districts with a peer navigator",
                    6,
                ),
            ),
            None,
            coordinator,
        )
        created += 1
    return created


def _seed_feedback():
    existing = set(db.session.scalars(db.select(Feedback.body)))
    coordinator = find_person_by_email("marisol.vega@example.org")
    created = 0
    for body, language, publish, status, response in FEEDBACK:
        if body in existing:
            continue
        db.session.add(
            Feedback(
                body=body,
                language=language,
                may_publish=publish,
                status=status,
                response=response,
                responded_by_id=coordinator.id if response else None,
                responded_at=datetime.now(UTC) if response else None,
            )
        )
        created += 1
    return created


def _seed_join_request():
    """A request to join waiting for its chair, as the member's own request leaves it."""
    name, email, message = JOIN_REQUEST
    committee = db.session.scalar(db.select(Committee).filter_by(name=name))
    person = find_person_by_email(email)
    if committee is None or person is None:
        return 0
    asked = db.select(JoinRequest.id).filter_by(committee_id=committee.id, person_id=person.id)
    if db.session.scalar(asked.limit(1)) is not None:
        return 0
    request_to_join(committee, person, message)
    return 1
