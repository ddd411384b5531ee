"""The SQL clause the home page filters proposals with names exactly the proposals
can_take_part allows, for each kind of reader."""

from datetime import UTC, datetime

from flask_login import AnonymousUserMixin

from coalition.committees.proposals.access import can_take_part, take_part_clause
from coalition.committees.proposals.models import Proposal
from coalition.core.extensions import db
from coalition.members.people.models import Person


def test_the_clause_and_the_predicate_agree(
    app, create_person, create_coordinator, create_committee, create_proposal
):
    coordinator = create_coordinator()
    chair, member, outsider = create_person(), create_person(), create_person()
    gone = create_person(deactivated_at=datetime(2026, 1, 1, tzinfo=UTC))
    open_one = create_committee(chairs=[chair], members=[member, gone], open_to_requests=True)
    closed_one = create_committee(chairs=[outsider])
    created = [
        create_proposal(coordinator),
        create_proposal(coordinator, open_one),
        create_proposal(coordinator, closed_one),
    ]
    ids = [proposal.id for proposal in created]
    readers = [coordinator, chair, member, outsider, gone]
    agreed = {}
    for reader in [*readers, None]:
        with app.app_context():
            viewer = db.session.get(Person, reader.id) if reader else AnonymousUserMixin()
            proposals = db.session.scalars(db.select(Proposal).where(Proposal.id.in_(ids))).all()
            allowed = {p.id for p in proposals if can_take_part(viewer, p)}
            matched = set(
                db.session.scalars(
                    db.select(Proposal.id).where(Proposal.id.in_(ids), take_part_clause(viewer))
                )
            )
            assert matched == allowed, reader and reader.name
            agreed[reader and reader.id] = allowed
    # The readers differ, so the comparison covers both answers.
    assert agreed[coordinator.id] == {ids[0]}
    assert agreed[member.id] == {ids[0], ids[1]}
    assert agreed[outsider.id] == {ids[0], ids[2]}
    assert agreed[gone.id] == agreed[None] == set()
