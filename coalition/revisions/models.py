"""A revisioned text and its immutable revisions.

Owners (a guideline section, a date's minutes, later drafts and timeline entries) point at
their text with `text_id`; what only one kind of owner says about a revision (a guideline's
"editorial" mark, the proposal that adopted it) lives in the owner's own table, keyed by the
revision, so this module knows nothing of committees or meetings.
"""

from coalition.core.dbtypes import UTCDateTime, utcnow
from coalition.core.extensions import db


class RevisionedText(db.Model):
    """One text: its current revision (number and text) and a version for optimistic locking."""

    __tablename__ = "revisioned_text"

    id = db.Column(db.Integer, primary_key=True)
    # Which kind of owner holds it ("guideline", "minutes", ...), for readers of this table alone.
    kind = db.Column(db.String(30), nullable=False)
    # The current revision: its number (0 before the first) and, so pages need no join, its text.
    current_number = db.Column(db.Integer, nullable=False, default=0)
    text = db.Column(db.Text, nullable=False, default="")
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    version = db.Column(db.Integer, nullable=False)

    revisions = db.relationship(
        "Revision",
        back_populates="revisioned",
        order_by="Revision.number.desc()",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
    )

    __mapper_args__ = {"version_id_col": version}


class Revision(db.Model):
    """One saved text, never changed afterwards: who saved it, when, why, and from what."""

    __tablename__ = "text_revision"

    id = db.Column(db.Integer, primary_key=True)
    text_id = db.Column(
        db.Integer, db.ForeignKey("revisioned_text.id", ondelete="CASCADE"), nullable=False
    )
    number = db.Column(db.Integer, nullable=False)
    text = db.Column(db.Text, nullable=False)
    summary = db.Column(db.String(500), nullable=False, default="")
    author_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    # The number of the revision the writer started from (None: written with no base, as
    # the first text or an adopted amendment), and of the one a restore brought back.
    based_on = db.Column(db.Integer)
    restored_from = db.Column(db.Integer)

    revisioned = db.relationship("RevisionedText", back_populates="revisions")
    author = db.relationship("Person")

    __table_args__ = (db.UniqueConstraint("text_id", "number"),)
