"""Committee home, goals board, proposal and guidelines pages: constant SQL query counts."""

from datetime import UTC, date, datetime, timedelta

import pytest

from coalition.committees.goals.models import Goal, GoalUpdate, Milestone
from coalition.committees.guidelines import services as guidelines
from coalition.committees.models import CommitteeMembership
from coalition.committees.proposals.models import Position, Proposal
from coalition.core.extensions import db
from coalition.feedback.models import Feedback
from coalition.members.organizations.models import Affiliation, Organization
from coalition.members.people.models import Person
from coalition.members.sectors import Sector

STANCES = ("agree", "abstain", "disagree", "block")


def _grow(app, ids, n, start):
    """n more members (with organizations), goals, positions, revisions and notes."""
    with app.app_context():
        sectors = db.session.scalars(db.select(Sector)).all()
        for number in range(start, start + n):
            person = Person(name=f"Grown {number}", email=f"grown{number}@example.org")
            organization = Organization(name=f"Grown Org {number}", sectors=sectors[:2])
            db.session.add_all([person, organization])
            db.session.flush()
            db.session.add_all(
                [
                    Affiliation(person=person, organization=organization, role="primary"),
                    CommitteeMembership(
                        committee_id=ids["committee"],
                        person_id=person.id,
                        organization_id=organization.id,
                    ),
                    Position(
                        proposal_id=ids["proposal"],
                        person_id=person.id,
                        stance=STANCES[number % 4],
                        reason="Because.",
                    ),
                    Feedback(body=f"Note {number}"),
                ]
            )
            goal = Goal(
                committee_id=ids["committee"],
                title=f"Goal {number}",
                status="active",
                owner_id=person.id,
                indicator="people",
                indicator_target=10,
                target_date=date(2020, 1, 1),
            )
            goal.updates.append(GoalUpdate(value=number % 10, recorded_on=date(2026, 1, 1)))
            goal.milestones.append(Milestone(title="Step"))
            db.session.add(goal)
            section = db.session.get(guidelines.GuidelineSection, ids["section"])
            guidelines.write_revision(section, f"Text {number}", person, editorial=number % 2 == 0)
        db.session.commit()


@pytest.fixture
def setting(app, create_person, create_committee, create_section):
    chair = create_person()
    committee = create_committee(chairs=[chair])
    section = create_section("Decision-making")
    with app.app_context():
        proposal = Proposal(
            kind="amendment",
            title="Majority",
            committee_id=committee.id,
            section_id=section.id,
            base_text="a",
            new_text="b",
            one_voice_per_organization=True,
            closes_at=datetime.now(UTC) + timedelta(days=2),
        )
        db.session.add(proposal)
        db.session.commit()
        ids = {"committee": committee.id, "section": section.id, "proposal": proposal.id}
    return chair, ids


PAGES = [
    "/committees/",
    "/committees/{committee}",
    "/committees/goals/",
    "/committees/proposals/",
    "/committees/proposals/{proposal}",
    "/committees/guidelines/",
    "/committees/guidelines/{section}/history",
    "/committees/guidelines/{section}/diff",
]


@pytest.mark.parametrize("page", PAGES)
def test_committee_pages_queries_do_not_grow(app, client, count_queries, setting, page):
    chair, ids = setting
    client.login(chair)
    url = page.format(**ids)
    _grow(app, ids, 2, 0)
    with count_queries() as small:
        assert client.get(url).status_code == 200
    _grow(app, ids, 25, 2)
    with count_queries() as large:
        assert client.get(url).status_code == 200
    assert large.count == small.count, url


def test_feedback_notes_queries_do_not_grow(
    app, client, count_queries, setting, create_coordinator
):
    _, ids = setting
    client.login(create_coordinator())
    counts = []
    for n, start in ((2, 0), (25, 2)):
        _grow(app, ids, n, start)
        with count_queries() as queries:
            assert client.get("/feedback/notes").status_code == 200
        counts.append(queries.count)
    assert counts[0] == counts[1]
