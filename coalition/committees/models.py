"""Committees, their memberships and join requests.

Who may see or change any of this is decided in coalition/committees/access.py, never here.
"""

from coalition.core.dbtypes import UTCDateTime, one_of, utcnow
from coalition.core.extensions import db

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

    __table_args__ = (one_of("kind", COMMITTEE_KINDS),)
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
        one_of("role", MEMBERSHIP_ROLES),
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

    __table_args__ = (one_of("status", REQUEST_STATUSES),)
