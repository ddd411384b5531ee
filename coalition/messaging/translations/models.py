"""A language version of a draft: its own draft, linked to the original it translates."""

from coalition.core.extensions import db


class DraftTranslation(db.Model):
    """`translation` translates `source`, up to date with the source's `synced_revision`."""

    __tablename__ = "draft_translation"

    id = db.Column(db.Integer, primary_key=True)
    source_id = db.Column(
        db.Integer, db.ForeignKey("draft.id", ondelete="CASCADE"), nullable=False, index=True
    )
    translation_id = db.Column(
        db.Integer, db.ForeignKey("draft.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    synced_revision = db.Column(db.Integer, nullable=False)

    source = db.relationship("Draft", foreign_keys=[source_id])
    translation = db.relationship("Draft", foreign_keys=[translation_id])

    def out_of_date(self, source_revision):
        """The source has revisions this translation was not brought up to date with."""
        return source_revision > self.synced_revision
