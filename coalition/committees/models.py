"""Committees and memberships, goals, operating guidelines, and proposals.

Who may see or change any of this is decided in coalition/committees/access.py, never here.
"""

from datetime import timedelta

from sqlalchemy.orm import foreign

from coalition.core.dbtypes import UTCDateTime, utcnow
from coalition.core.extensions import db
from coalition.revisions.models import Revision, RevisionedText

KIND_STEERING = "steering"
KIND_WORKING = "working"
KIND_ADVISORY = "advisory"  # the participant advisory committee
COMMITTEE_KINDS = (KIND_STEERING, KIND_WORKING, KIND_ADVISORY)

ROLE_CHAIR = "chair"
ROLE_MEMBER = "member"
MEMBERSHIP_ROLES = (ROLE_CHAIR, ROLE_MEMBER)

REQUEST_PENDING = "pending"
REQUEST_APPROVED = "approved"
REQUEST_DECLINED = "declined"
REQUEST_STATUSES = (REQUEST_PENDING, REQUEST_APPROVED, REQUEST_DECLINED)

GOAL_PROPOSED = "proposed"
GOAL_ACTIVE = "active"
GOAL_ACHIEVED = "achieved"
GOAL_DROPPED = "dropped"
GOAL_STATUSES = (GOAL_PROPOSED, GOAL_ACTIVE, GOAL_ACHIEVED, GOAL_DROPPED)
STALLED_AFTER = timedelta(days=30)

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


def _in(values):
    return "(" + ", ".join(f"'{value}'" for value in values) + ")"


class Committee(db.Model):
    """A steering, working or participant advisory committee."""

    __tablename__ = "committee"

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(200), nullable=False, unique=True)
    kind = db.Column(db.String(20), nullable=False, default=KIND_WORKING)
    charge = db.Column(db.Text, nullable=False, default="")
    open_to_requests = db.Column(db.Boolean, nullable=False, default=True)
    active = db.Column(db.Boolean, nullable=False, default=True)
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    version = db.Column(db.Integer, nullable=False)

    memberships = db.relationship(
        "CommitteeMembership", back_populates="committee", cascade="all, delete-orphan"
    )

    __table_args__ = (db.CheckConstraint(f"kind IN {_in(COMMITTEE_KINDS)}", name="kind"),)
    __mapper_args__ = {"version_id_col": version}

    @property
    def is_advisory(self):
        return self.kind == KIND_ADVISORY

    def __repr__(self):
        return f"<Committee {self.id} {self.name!r}>"


class CommitteeMembership(db.Model):
    """A person on a committee, as chair or member, optionally representing an organization."""

    __tablename__ = "committee_membership"

    id = db.Column(db.Integer, primary_key=True)
    committee_id = db.Column(
        db.Integer, db.ForeignKey("committee.id", ondelete="CASCADE"), nullable=False
    )
    person_id = db.Column(
        db.Integer, db.ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
    )
    role = db.Column(db.String(10), nullable=False, default=ROLE_MEMBER)
    organization_id = db.Column(
        db.Integer, db.ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)

    committee = db.relationship("Committee", back_populates="memberships")
    person = db.relationship("Person")
    organization = db.relationship("Organization")

    __table_args__ = (
        db.UniqueConstraint("committee_id", "person_id"),
        db.CheckConstraint(f"role IN {_in(MEMBERSHIP_ROLES)}", name="role"),
    )

    @property
    def is_chair(self):
        return self.role == ROLE_CHAIR


class JoinRequest(db.Model):
    """A person asks to join an open committee; a chair or coordinator answers."""

    __tablename__ = "join_request"

    id = db.Column(db.Integer, primary_key=True)
    committee_id = db.Column(
        db.Integer, db.ForeignKey("committee.id", ondelete="CASCADE"), nullable=False, index=True
    )
    person_id = db.Column(
        db.Integer, db.ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
    )
    message = db.Column(db.Text, nullable=False, default="")
    status = db.Column(db.String(10), nullable=False, default=REQUEST_PENDING)
    response = db.Column(db.Text, nullable=False, default="")
    decided_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    decided_at = db.Column(UTCDateTime())

    committee = db.relationship("Committee")
    person = db.relationship("Person", foreign_keys=[person_id])

    __table_args__ = (db.CheckConstraint(f"status IN {_in(REQUEST_STATUSES)}", name="status"),)


class Goal(db.Model):
    """A coalition-wide goal, or one owned by a committee, with an indicator or milestones."""

    __tablename__ = "goal"

    id = db.Column(db.Integer, primary_key=True)
    committee_id = db.Column(
        db.Integer, db.ForeignKey("committee.id", ondelete="CASCADE"), index=True
    )
    title = db.Column(db.String(200), nullable=False)
    why = db.Column(db.Text, nullable=False, default="")
    status = db.Column(db.String(10), nullable=False, default=GOAL_PROPOSED, index=True)
    target_date = db.Column(db.Date)
    owner_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    indicator = db.Column(db.String(200))  # "officers trained"; None: tracked by milestones
    indicator_target = db.Column(db.Integer)
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    version = db.Column(db.Integer, nullable=False)

    committee = db.relationship("Committee")
    owner = db.relationship("Person")
    updates = db.relationship(
        "GoalUpdate",
        cascade="all, delete-orphan",
        order_by="(GoalUpdate.recorded_on.desc(), GoalUpdate.id.desc())",
    )
    milestones = db.relationship("Milestone", cascade="all, delete-orphan", order_by="Milestone.id")

    __table_args__ = (db.CheckConstraint(f"status IN {_in(GOAL_STATUSES)}", name="status"),)
    __mapper_args__ = {"version_id_col": version}

    @property
    def has_indicator(self):
        return bool(self.indicator and self.indicator_target)

    @property
    def current_value(self):
        return self.updates[0].value if self.updates else 0

    @property
    def progress(self):
        """(done, of): indicator value and target, or milestones done and planned."""
        if self.has_indicator:
            return min(self.current_value, self.indicator_target), self.indicator_target
        return sum(1 for m in self.milestones if m.done_on), len(self.milestones)

    @property
    def is_open(self):
        return self.status in (GOAL_PROPOSED, GOAL_ACTIVE)

    def is_overdue(self, today):
        return self.is_open and self.target_date is not None and self.target_date < today

    def last_progress_on(self):
        dates = [u.recorded_on for u in self.updates[:1]]
        dates += [m.done_on for m in self.milestones if m.done_on]
        return max(dates) if dates else self.created_at.date()

    def is_stalled(self, today):
        """Active and no progress recorded for 30 days."""
        return self.status == GOAL_ACTIVE and today - self.last_progress_on() > STALLED_AFTER


class GoalUpdate(db.Model):
    """A dated reading of a goal's indicator."""

    __tablename__ = "goal_update"

    id = db.Column(db.Integer, primary_key=True)
    goal_id = db.Column(
        db.Integer, db.ForeignKey("goal.id", ondelete="CASCADE"), nullable=False, index=True
    )
    value = db.Column(db.Integer, nullable=False)
    note = db.Column(db.String(500), nullable=False, default="")
    recorded_on = db.Column(db.Date, nullable=False)
    recorded_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))

    recorded_by = db.relationship("Person")


class Milestone(db.Model):
    """A step towards a goal; done when it has a date."""

    __tablename__ = "milestone"

    id = db.Column(db.Integer, primary_key=True)
    goal_id = db.Column(
        db.Integer, db.ForeignKey("goal.id", ondelete="CASCADE"), nullable=False, index=True
    )
    title = db.Column(db.String(200), nullable=False)
    done_on = db.Column(db.Date)


class GuidelineSection(db.Model):
    """One section of the operating guidelines; its text is revisioned (coalition/revisions)."""

    __tablename__ = "guideline_section"

    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(200), nullable=False, unique=True)
    position = db.Column(db.Integer, nullable=False, default=0)
    text_id = db.Column(
        db.Integer, db.ForeignKey("revisioned_text.id"), nullable=False, unique=True
    )

    revisioned = db.relationship(RevisionedText, lazy="joined", innerjoin=True)
    # Newest first, each with what only guidelines say about it (editorial, proposal).
    revisions = db.relationship(
        "GuidelineRevision",
        secondary=Revision.__table__,
        primaryjoin=lambda: GuidelineSection.text_id == foreign(Revision.text_id),
        secondaryjoin=lambda: foreign(Revision.id) == GuidelineRevision.revision_id,
        order_by=lambda: Revision.number.desc(),
        viewonly=True,
    )

    @property
    def text(self):
        """The adopted text, as now."""
        return self.revisioned.text

    @property
    def version(self):
        """What an edit form carries: a save from an older version is stale."""
        return self.revisioned.version


class GuidelineRevision(db.Model):
    """What a guideline revision is besides its text: an editorial correction, or adopted by
    a proposal. The text, author, time and note are the revision's (coalition/revisions)."""

    __tablename__ = "guideline_revision"

    id = db.Column(db.Integer, primary_key=True)
    revision_id = db.Column(
        db.Integer,
        db.ForeignKey("text_revision.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    )
    editorial = db.Column(db.Boolean, nullable=False, default=False)
    proposal_id = db.Column(db.Integer, db.ForeignKey("proposal.id", ondelete="SET NULL"))

    revision = db.relationship(Revision, lazy="joined", innerjoin=True)

    number = property(lambda self: self.revision.number)
    text = property(lambda self: self.revision.text)
    note = property(lambda self: self.revision.summary)
    author = property(lambda self: self.revision.author)
    created_at = property(lambda self: self.revision.created_at)


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
    section = db.relationship("GuidelineSection")
    goal = db.relationship("Goal")
    opened_by = db.relationship("Person")
    positions = db.relationship(
        "Position", back_populates="proposal", cascade="all, delete-orphan", order_by="Position.id"
    )

    __table_args__ = (
        db.CheckConstraint(f"kind IN {_in(PROPOSAL_KINDS)}", name="kind"),
        db.CheckConstraint(f"rule IN {_in(RULES)}", name="rule"),
        db.CheckConstraint("quorum >= 1", name="quorum"),
        db.CheckConstraint(f"status IN ('{PROPOSAL_OPEN}', '{PROPOSAL_CLOSED}')", name="status"),
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
        db.CheckConstraint(f"stance IN {_in(STANCES)}", name="stance"),
    )
