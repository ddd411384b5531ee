"""After a meeting: its minutes (with immutable revisions), attendance, decisions, action items.

Each belongs to one date of a meeting: (meeting_id, occurrence_start), the date's original
start in UTC, as answers do.
"""

from coalition.core.dbtypes import UTCDateTime, utcnow
from coalition.core.extensions import db
from coalition.revisions.models import RevisionedText


class Minutes(db.Model):
    """One date's minutes: the text is revisioned (coalition/revisions), every save kept."""

    __tablename__ = "minutes"

    id = db.Column(db.Integer, primary_key=True)
    meeting_id = db.Column(
        db.Integer, db.ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False
    )
    occurrence_start = db.Column(UTCDateTime(), nullable=False)
    text_id = db.Column(
        db.Integer, db.ForeignKey("revisioned_text.id"), nullable=False, unique=True
    )
    published_at = db.Column(UTCDateTime())
    # The revision that was published: readers see it and later ones, never earlier drafts.
    published_number = db.Column(db.Integer)
    published_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    updated_at = db.Column(UTCDateTime(), nullable=False, default=utcnow, onupdate=utcnow)
    version = db.Column(db.Integer, nullable=False, default=1)

    meeting = db.relationship("Meeting")
    revisioned = db.relationship(RevisionedText, lazy="joined", innerjoin=True)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (db.UniqueConstraint("meeting_id", "occurrence_start"),)

    @property
    def text(self):
        return self.revisioned.text

    @property
    def revision_number(self):
        """The revision the text comes from: an edit made from an older one is merged."""
        return self.revisioned.current_number

    @property
    def published(self):
        return self.published_at is not None


class Attendance(db.Model):
    """Whether an invitee (person or organization) came to one date, and how many came."""

    __tablename__ = "attendance"

    id = db.Column(db.Integer, primary_key=True)
    meeting_id = db.Column(
        db.Integer, db.ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False
    )
    occurrence_start = db.Column(UTCDateTime(), nullable=False)
    # The invitation's invitee_key, as on answers: one row per invitee and date.
    attendee_key = db.Column(db.String(40), nullable=False)
    person_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="CASCADE"), index=True)
    organization_id = db.Column(
        db.Integer, db.ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    present = db.Column(db.Boolean, nullable=False, default=False)
    headcount = db.Column(db.Integer, nullable=False, default=0)
    recorded_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    recorded_at = db.Column(UTCDateTime(), nullable=False, default=utcnow, onupdate=utcnow)

    __table_args__ = (
        db.UniqueConstraint("meeting_id", "occurrence_start", "attendee_key"),
        db.CheckConstraint("(person_id IS NULL) <> (organization_id IS NULL)", name="one_attendee"),
        db.CheckConstraint("headcount >= 0 AND headcount <= 200", name="headcount"),
    )


class Decision(db.Model):
    """Something the meeting decided, as the minutes record it."""

    __tablename__ = "meeting_decision"

    id = db.Column(db.Integer, primary_key=True)
    meeting_id = db.Column(
        db.Integer, db.ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False
    )
    occurrence_start = db.Column(UTCDateTime(), nullable=False)
    text = db.Column(db.String(1000), nullable=False)
    recorded_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)

    meeting = db.relationship("Meeting")

    __table_args__ = (db.Index("ix_meeting_decision_date", "meeting_id", "occurrence_start"),)


class ActionItem(db.Model):
    """A task the meeting gave someone, with a due date; shown on its owner's dashboard."""

    __tablename__ = "action_item"

    id = db.Column(db.Integer, primary_key=True)
    meeting_id = db.Column(
        db.Integer, db.ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False
    )
    occurrence_start = db.Column(UTCDateTime(), nullable=False)
    text = db.Column(db.String(1000), nullable=False)
    owner_id = db.Column(
        db.Integer, db.ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
    )
    due_on = db.Column(db.Date)
    done_at = db.Column(UTCDateTime())
    recorded_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)

    meeting = db.relationship("Meeting")
    owner = db.relationship("Person", foreign_keys=[owner_id])

    __table_args__ = (db.Index("ix_action_item_date", "meeting_id", "occurrence_start"),)

    @property
    def done(self):
        return self.done_at is not None
