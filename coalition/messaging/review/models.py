"""Sign-off rules, reviewers' decisions (each on one revision) and a draft's publication."""

from coalition.core.dbtypes import UTCDateTime, one_of, utcnow
from coalition.core.extensions import db

APPROVED = "approved"
CHANGES_REQUESTED = "changes_requested"
DECISIONS = (APPROVED, CHANGES_REQUESTED)


class DraftSignoffRule(db.Model):
    """A draft needs at least `minimum` approvals from members of `committee`."""

    __tablename__ = "draft_signoff_rule"

    id = db.Column(db.Integer, primary_key=True)
    draft_id = db.Column(
        db.Integer, db.ForeignKey("draft.id", ondelete="CASCADE"), nullable=False, index=True
    )
    committee_id = db.Column(
        db.Integer, db.ForeignKey("committee.id", ondelete="CASCADE"), nullable=False
    )
    minimum = db.Column(db.Integer, nullable=False, default=1)

    committee = db.relationship("Committee")

    __table_args__ = (
        db.UniqueConstraint("draft_id", "committee_id"),
        db.CheckConstraint("minimum >= 1", name="minimum_positive"),
    )


class DraftDecision(db.Model):
    """A reviewer's approval or request for changes, on one revision of the draft's text.

    A new revision leaves it behind: only decisions on the current revision count.
    """

    __tablename__ = "draft_decision"

    id = db.Column(db.Integer, primary_key=True)
    draft_id = db.Column(
        db.Integer, db.ForeignKey("draft.id", ondelete="CASCADE"), nullable=False, index=True
    )
    person_id = db.Column(
        db.Integer, db.ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
    )
    revision_number = db.Column(db.Integer, nullable=False)
    decision = db.Column(db.String(20), nullable=False)
    note = db.Column(db.Text, nullable=False, default="")
    decided_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)

    person = db.relationship("Person")

    __table_args__ = (
        db.UniqueConstraint("draft_id", "person_id", "revision_number"),
        one_of("decision", DECISIONS),
    )

    @property
    def approved(self):
        return self.decision == APPROVED


class DraftPublication(db.Model):
    """Who published a draft, when, and where (an address or a venue)."""

    __tablename__ = "draft_publication"

    id = db.Column(db.Integer, primary_key=True)
    draft_id = db.Column(
        db.Integer, db.ForeignKey("draft.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    published_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    published_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    place = db.Column(db.String(500), nullable=False)  # an address or a venue
    revision_number = db.Column(db.Integer, nullable=False)

    published_by = db.relationship("Person")
