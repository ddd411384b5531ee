"""Timeline entries: wins, losses, milestones and setbacks the coalition shares."""

from coalition.core.dbtypes import UTCDateTime, one_of, utcnow
from coalition.core.extensions import db

KIND_WIN = "win"
KIND_LOSS = "loss"
KIND_MILESTONE = "milestone"
KIND_SETBACK = "setback"
KINDS = (KIND_WIN, KIND_LOSS, KIND_MILESTONE, KIND_SETBACK)


class TimelineEntry(db.Model):
    """One moment in the coalition's history, written by hand or by a feature."""

    __tablename__ = "timeline_entry"

    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(20), nullable=False)
    title = db.Column(db.String(300), nullable=False)
    body = db.Column(db.Text, nullable=False, default="")
    lessons = db.Column(db.Text, nullable=False, default="")
    occurred_on = db.Column(db.Date, nullable=False)
    # A generic link to what the entry is about; the timeline imports no feature.
    source_type = db.Column(db.String(40))
    source_id = db.Column(db.Integer)
    source_title = db.Column(db.String(300))
    # Set only on automatic entries: (source_type, source_id, event) is written once.
    event = db.Column(db.String(40))
    created_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)

    created_by = db.relationship("Person")

    __table_args__ = (
        db.UniqueConstraint("source_type", "source_id", "event"),
        one_of("kind", KINDS),
        db.Index("ix_timeline_entry_occurred_on", "occurred_on"),
    )

    @property
    def is_automatic(self):
        return self.event is not None

    def __repr__(self):
        return f"<TimelineEntry {self.id} {self.kind} {self.title!r}>"
