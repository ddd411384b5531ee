"""Timeline entries: wins, losses, milestones and setbacks the coalition shares."""

from coalition.core.dbtypes import UTCDateTime, one_of, utcnow
from coalition.core.extensions import db

KIND_WIN = "win"
KIND_LOSS = "loss"
KIND_MILESTONE = "milestone"
KIND_SETBACK = "setback"
KINDS = (KIND_WIN, KIND_LOSS, KIND_MILESTONE, KIND_SETBACK)
# Losses and setbacks ask for what was learned and what comes next.
LEARNING_KINDS = (KIND_LOSS, KIND_SETBACK)
TEXT_KIND = "timeline"  # the kind of revisioned text an entry's texts are


class TimelineEntry(db.Model):
    """One moment in the coalition's history, written by a person or noticed by a feature.

    A written entry has a title and its texts ("what happened", "what we learned") kept as
    revisions. An automatic one stores only its event and source; its title is written when
    shown, in the reader's language (coalition/timeline/events.py).
    """

    __tablename__ = "timeline_entry"

    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(20), nullable=False)
    title = db.Column(db.String(300))
    occurred_on = db.Column(db.Date, nullable=False)
    happened_text_id = db.Column(
        db.Integer, db.ForeignKey("revisioned_text.id", ondelete="SET NULL")
    )
    lessons_text_id = db.Column(
        db.Integer, db.ForeignKey("revisioned_text.id", ondelete="SET NULL")
    )
    next_steps = db.Column(db.Text, nullable=False, default="")
    source_url = db.Column(db.String(500), nullable=False, default="")
    # What an automatic entry is about; the timeline imports no feature.
    source_type = db.Column(db.String(40))
    source_id = db.Column(db.Integer)
    source_title = db.Column(db.String(300))
    # Set only on automatic entries: (source_type, source_id, event) is written once.
    event = db.Column(db.String(40))
    created_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    hidden_at = db.Column(UTCDateTime())
    hidden_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    hidden_reason = db.Column(db.String(500), nullable=False, default="")
    version = db.Column(db.Integer, nullable=False)

    created_by = db.relationship("Person", foreign_keys=[created_by_id])
    hidden_by = db.relationship("Person", foreign_keys=[hidden_by_id])
    happened = db.relationship("RevisionedText", foreign_keys=[happened_text_id])
    lessons = db.relationship("RevisionedText", foreign_keys=[lessons_text_id])
    links = db.relationship(
        "TimelineLink",
        back_populates="entry",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="TimelineLink.id",
    )

    __table_args__ = (
        db.UniqueConstraint("source_type", "source_id", "event"),
        one_of("kind", KINDS),
        db.CheckConstraint("title IS NOT NULL OR event IS NOT NULL", name="title_or_event"),
        db.Index("ix_timeline_entry_occurred_on", "occurred_on"),
    )
    __mapper_args__ = {"version_id_col": version}

    @property
    def is_automatic(self):
        return self.event is not None

    @property
    def is_hidden(self):
        return self.hidden_at is not None

    @property
    def month_key(self):
        """ "2026-03": the month the entry is listed under."""
        return f"{self.occurred_on.year:04d}-{self.occurred_on.month:02d}"

    @property
    def happened_text(self):
        return self.happened.text if self.happened is not None else ""

    @property
    def lessons_text(self):
        return self.lessons.text if self.lessons is not None else ""

    def sources(self):
        """Every (type, id) the entry points at: its automatic source and its links."""
        found = [(link.source_type, link.source_id) for link in self.links]
        if self.source_type is not None:
            found.insert(0, (self.source_type, self.source_id))
        return found

    def __repr__(self):
        return f"<TimelineEntry {self.id} {self.kind} {self.event or self.title!r}>"


class TimelineLink(db.Model):
    """What a written entry links to (a goal, a meeting, a draft) or credits (an organization)."""

    __tablename__ = "timeline_link"

    id = db.Column(db.Integer, primary_key=True)
    entry_id = db.Column(
        db.Integer, db.ForeignKey("timeline_entry.id", ondelete="CASCADE"), nullable=False
    )
    source_type = db.Column(db.String(40), nullable=False)
    source_id = db.Column(db.Integer, nullable=False)

    entry = db.relationship("TimelineEntry", back_populates="links")

    __table_args__ = (
        db.UniqueConstraint("entry_id", "source_type", "source_id"),
        db.Index("ix_timeline_link_source", "source_type", "source_id"),
    )
