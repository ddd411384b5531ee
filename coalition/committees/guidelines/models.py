"""The operating guidelines' sections and what a revision of one is besides its text.

Who may see or change them is decided in coalition/committees/guidelines/access.py.
"""

from sqlalchemy.orm import foreign

from coalition.core.extensions import db
from coalition.revisions.models import Revision, RevisionedText


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
