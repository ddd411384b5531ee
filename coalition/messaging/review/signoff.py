"""Where a draft's sign-off stands: its rules, the decisions on its current revision, its
reviewers, and which of them sit on the participant advisory committee (shown as the body).
"""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from coalition.committees.models import KIND_ADVISORY, Committee, CommitteeMembership
from coalition.core.extensions import db
from coalition.messaging.models import DraftReviewer
from coalition.messaging.review.models import (
    APPROVED,
    DraftDecision,
    DraftSignoffRule,
)


@dataclass(frozen=True)
class RuleState:
    rule: DraftSignoffRule
    approvals: int

    @property
    def met(self):
        return self.approvals >= self.rule.minimum


@dataclass(frozen=True)
class SignOff:
    """Where a draft's sign-off stands on its current revision."""

    rules: list  # [RuleState]
    decisions: list  # [DraftDecision] on the current revision, newest first
    reviewers: list  # [DraftReviewer]
    advisory_of: dict  # {person id: their participant advisory committee}

    @property
    def approvals(self):
        return [decision for decision in self.decisions if decision.approved]

    @property
    def complete(self):
        if not self.rules:
            return bool(self.approvals)
        return all(state.met for state in self.rules)


def signoff_of(draft):
    """The rules, the decisions on the current revision and the reviewers, in four queries."""
    decisions = db.session.scalars(
        select(DraftDecision)
        .where(
            DraftDecision.draft_id == draft.id,
            DraftDecision.revision_number == draft.revision_number,
        )
        .order_by(DraftDecision.decided_at.desc(), DraftDecision.id.desc())
        .options(selectinload(DraftDecision.person))
    ).all()
    reviewers = db.session.scalars(
        select(DraftReviewer)
        .where(DraftReviewer.draft_id == draft.id)
        .order_by(DraftReviewer.asked_at, DraftReviewer.id)
        .options(selectinload(DraftReviewer.person))
    ).all()
    people = {d.person_id for d in decisions} | {r.person_id for r in reviewers}
    rules = rules_of(draft)
    return SignOff(
        rules=_rule_states(rules, [d for d in decisions if d.approved]),
        decisions=decisions,
        reviewers=reviewers,
        advisory_of=advisory_committees_of(people),
    )


def rules_of(draft):
    """The draft's sign-off rules with their committees, in the order they were set."""
    return db.session.scalars(
        select(DraftSignoffRule)
        .where(DraftSignoffRule.draft_id == draft.id)
        .options(selectinload(DraftSignoffRule.committee))
        .order_by(DraftSignoffRule.id)
    ).all()


def _rule_states(rules, approvals):
    """Each rule with the approvals of its committee's members (one query for all)."""
    if not rules:
        return []
    approvers = {decision.person_id for decision in approvals}
    pairs = db.session.execute(
        select(CommitteeMembership.committee_id, CommitteeMembership.person_id).where(
            CommitteeMembership.committee_id.in_([rule.committee_id for rule in rules]),
            CommitteeMembership.person_id.in_(approvers or [0]),
        )
    ).all()
    counts = {}
    for committee_id, _person in pairs:
        counts[committee_id] = counts.get(committee_id, 0) + 1
    return [RuleState(rule, counts.get(rule.committee_id, 0)) for rule in rules]


def advisory_committees_of(person_ids):
    """{person id: the participant advisory committee they are on} among `person_ids`."""
    if not person_ids:
        return {}
    rows = db.session.execute(
        select(CommitteeMembership.person_id, Committee)
        .join(Committee, Committee.id == CommitteeMembership.committee_id)
        .where(Committee.kind == KIND_ADVISORY, CommitteeMembership.person_id.in_(person_ids))
        .order_by(Committee.id)
    ).all()
    found = {}
    for person_id, committee in rows:
        found.setdefault(person_id, committee)
    return found


def signoff_complete(draft):
    """Every rule met on the current revision (or, with no rule, one approval)."""
    approvals = db.session.scalars(
        select(DraftDecision).where(
            DraftDecision.draft_id == draft.id,
            DraftDecision.revision_number == draft.revision_number,
            DraftDecision.decision == APPROVED,
        )
    ).all()
    rules = rules_of(draft)
    if not rules:
        return bool(approvals)
    return all(state.met for state in _rule_states(rules, approvals))
