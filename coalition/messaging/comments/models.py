"""A comment on a draft, on a quoted passage of it, or a reply in a comment's thread."""

from coalition.core.dbtypes import UTCDateTime, utcnow
from coalition.core.extensions import db


class DraftComment(db.Model):
    """A comment on a draft, on a passage of it (the quoted words), or a reply to one."""

    __tablename__ = "draft_comment"

    id = db.Column(db.Integer, primary_key=True)
    draft_id = db.Column(
        db.Integer, db.ForeignKey("draft.id", ondelete="CASCADE"), nullable=False, index=True
    )
    # A reply points at the comment that opened its thread; threads are one level deep.
    parent_id = db.Column(
        db.Integer, db.ForeignKey("draft_comment.id", ondelete="CASCADE"), index=True
    )
    author_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    body = db.Column(db.Text, nullable=False)
    # The passage commented on, as it read then; attached while the text still holds it.
    quote = db.Column(db.Text, nullable=False, default="")
    revision_number = db.Column(db.Integer, nullable=False)
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    resolved_at = db.Column(UTCDateTime())
    resolved_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))

    author = db.relationship("Person", foreign_keys=[author_id])
    resolved_by = db.relationship("Person", foreign_keys=[resolved_by_id])

    @property
    def resolved(self):
        return self.resolved_at is not None
