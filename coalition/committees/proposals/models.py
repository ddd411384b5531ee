"""Proposals and the positions members take on them.

Who may see or take part is decided in coalition/committees/proposals/access.py, never here.
"""

from coalition.committees.goals.models import Goal
from coalition.committees.guidelines.models import GuidelineSection
from coalition.core.dbtypes import UTCDateTime, one_of, utcnow
from coalition.core.extensions import db

PROPOSAL_AMENDMENT = "amendment"
PROPOSAL_GOAL = "goal"
PROPOSAL_QUESTION = "question"
PROPOSAL_KINDS = (PROPOSAL_AMENDMENT, PROPOSAL_GOAL, PROPOSAL_QUESTION)
RULE_CONSENT = "consent"
RULE_MAJORITY = "majority"
RULES = (RULE_CONSENT, RULE_MAJORITY)
PROPOSAL_OPEN = "open"
PROPOSAL_CLOSED = "closed"
OUTCOME_ADOPTED = "adopted"
OUTCOME_BLOCKED = "blocked"
OUTCOME_REJECTED = "rejected"
OUTCOME_NO_QUORUM = "no_quorum"
OUTCOMES = (OUTCOME_ADOPTED, OUTCOME_BLOCKED, OUTCOME_REJECTED, OUTCOME_NO_QUORUM)

STANCE_AGREE = "agree"
STANCE_ABSTAIN = "abstain"
STANCE_DISAGREE = "disagree"
STANCE_BLOCK = "block"
STANCES = (STANCE_AGREE, STANCE_ABSTAIN, STANCE_DISAGREE, STANCE_BLOCK)


class Proposal(db.Model):
    """An amendment, a new goal or a question put to a committee or the whole coalition."""

    __tablename__ = "proposal"

    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(10), nullable=False)
    title = db.Column(db.String(200), nullable=False)
    body = db.Column(db.Text, nullable=False, default="")
    committee_id = db.Column(
        db.Integer, db.ForeignKey("committee.id", ondelete="CASCADE"), index=True
    )  # None: the whole coalition
    section_id = db.Column(db.Integer, db.ForeignKey("guideline_section.id", ondelete="CASCADE"))
    base_text = db.Column(db.Text)  # the section's text when the amendment was opened
    new_text = db.Column(db.Text)
    goal_id = db.Column(db.Integer, db.ForeignKey("goal.id", ondelete="CASCADE"))
    rule = db.Column(db.String(10), nullable=False, default=RULE_CONSENT)
    quorum = db.Column(db.Integer, nullable=False, default=1)
    one_voice_per_organization = db.Column(db.Boolean, nullable=False, default=False)
    closes_at = db.Column(UTCDateTime(), nullable=False, index=True)
    # Written only by `flask proposals close-due`, through a conditional UPDATE.
    status = db.Column(db.String(10), nullable=False, default=PROPOSAL_OPEN, index=True)
    outcome = db.Column(db.String(10))
    closed_at = db.Column(UTCDateTime())
    reminded_at = db.Column(UTCDateTime())
    opened_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)

    committee = db.relationship("Committee")
    section = db.relationship(GuidelineSection)
    goal = db.relationship(Goal)
    opened_by = db.relationship("Person")
    positions = db.relationship(
        "Position", back_populates="proposal", cascade="all, delete-orphan", order_by="Position.id"
    )

    __table_args__ = (
        one_of("kind", PROPOSAL_KINDS),
        one_of("rule", RULES),
        db.CheckConstraint("quorum >= 1", name="quorum"),
        one_of("status", (PROPOSAL_OPEN, PROPOSAL_CLOSED)),
    )

    def is_closed(self, now=None):
        """Closed from its closing time on, whether or not the outcome is applied yet."""
        return self.status == PROPOSAL_CLOSED or (now or utcnow()) >= self.closes_at


class Position(db.Model):
    """One person's position on a proposal; changeable until it closes."""

    __tablename__ = "position"

    id = db.Column(db.Integer, primary_key=True)
    proposal_id = db.Column(
        db.Integer, db.ForeignKey("proposal.id", ondelete="CASCADE"), nullable=False
    )
    person_id = db.Column(
        db.Integer, db.ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
    )
    stance = db.Column(db.String(10), nullable=False)
    reason = db.Column(db.Text, nullable=False, default="")
    updated_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)

    proposal = db.relationship("Proposal", back_populates="positions")
    person = db.relationship("Person")

    __table_args__ = (
        db.UniqueConstraint("proposal_id", "person_id"),
        one_of("stance", STANCES),
    )
