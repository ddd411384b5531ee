"""Meetings: a single meeting or a recurring series, its changed occurrences, its invitations."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from coalition.core.dbtypes import UTCDateTime, utcnow
from coalition.core.extensions import db

STATUS_SCHEDULED = "scheduled"
STATUS_CANCELLED = "cancelled"
MAX_RSVP_CLOSES_HOURS = 720  # 30 days


class Meeting(db.Model):
    """A meeting, or a series of them when `rrule` is set; times are stored in UTC."""

    __tablename__ = "meeting"

    id = db.Column(db.Integer, primary_key=True)
    # Calendar clients recognise an event by its UID: it never changes.
    uid = db.Column(db.String(255), nullable=False, unique=True)
    title = db.Column(db.String(200), nullable=False)
    description = db.Column(db.Text, nullable=False, default="")
    agenda = db.Column(db.Text, nullable=False, default="")
    start_at = db.Column(UTCDateTime(), nullable=False)  # the first occurrence
    end_at = db.Column(UTCDateTime(), nullable=False)
    timezone = db.Column(db.String(64), nullable=False)
    rrule = db.Column(db.String(300))
    # End of the last occurrence (the series' end), so a date range is one indexed query.
    last_end_at = db.Column(UTCDateTime(), nullable=False)
    location = db.Column(db.String(300), nullable=False, default="")
    online_link = db.Column(db.String(500), nullable=False, default="")
    accessibility = db.Column(db.String(500), nullable=False, default="")
    interpretation = db.Column(db.String(300), nullable=False, default="")
    # People (headcounts, not answers) each date can hold; None: no limit.
    capacity = db.Column(db.Integer)
    # Answers to each date close this many hours before it starts; None: when it starts.
    rsvp_closes_hours_before = db.Column(db.Integer)
    # None for a coalition-wide meeting; else the committee whose chairs manage it.
    committee_id = db.Column(
        db.Integer, db.ForeignKey("committee.id", ondelete="SET NULL"), index=True
    )
    status = db.Column(db.String(20), nullable=False, default=STATUS_SCHEDULED)
    # Raised on every change that matters (time, place, link, cancellation), per RFC 5546.
    sequence = db.Column(db.Integer, nullable=False, default=0)
    # Set when "this and following" split a series: the earlier part this one continues.
    split_from_id = db.Column(db.Integer, db.ForeignKey("meeting.id", ondelete="SET NULL"))
    created_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    updated_at = db.Column(UTCDateTime(), nullable=False, default=utcnow, onupdate=utcnow)
    version = db.Column(db.Integer, nullable=False, default=1)

    created_by = db.relationship("Person")
    committee = db.relationship("Committee")
    exceptions = db.relationship(
        "OccurrenceException", back_populates="meeting", cascade="all, delete-orphan", lazy="raise"
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        db.CheckConstraint("status IN ('scheduled', 'cancelled')", name="status"),
        db.CheckConstraint("end_at > start_at", name="ends_after_start"),
        db.CheckConstraint(
            f"rsvp_closes_hours_before BETWEEN 0 AND {MAX_RSVP_CLOSES_HOURS}", name="rsvp_closes"
        ),
        db.Index("ix_meeting_span", "start_at", "last_end_at"),
    )

    @property
    def zone(self):
        return ZoneInfo(self.timezone)

    @property
    def local_start(self):
        return self.start_at.astimezone(self.zone)

    @property
    def duration(self):
        return self.end_at - self.start_at

    @property
    def is_series(self):
        return bool(self.rrule)

    @property
    def is_cancelled(self):
        return self.status == STATUS_CANCELLED


class OccurrenceException(db.Model):
    """One occurrence of a series that was cancelled or moved, keyed by its original start."""

    __tablename__ = "occurrence_exception"

    id = db.Column(db.Integer, primary_key=True)
    meeting_id = db.Column(
        db.Integer, db.ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False
    )
    original_start = db.Column(UTCDateTime(), nullable=False)
    cancelled = db.Column(db.Boolean, nullable=False, default=False)
    start_at = db.Column(UTCDateTime())  # the new times, when moved
    end_at = db.Column(UTCDateTime())
    location = db.Column(db.String(300))
    sequence = db.Column(db.Integer, nullable=False, default=0)
    updated_at = db.Column(UTCDateTime(), nullable=False, default=utcnow, onupdate=utcnow)

    meeting = db.relationship("Meeting", back_populates="exceptions")

    __table_args__ = (db.UniqueConstraint("meeting_id", "original_start"),)


class MeetingInvitation(db.Model):
    """A person or an organization invited to a meeting (or a whole series)."""

    __tablename__ = "meeting_invitation"

    id = db.Column(db.Integer, primary_key=True)
    meeting_id = db.Column(
        db.Integer, db.ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False
    )
    person_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="CASCADE"))
    organization_id = db.Column(db.Integer, db.ForeignKey("organization.id", ondelete="CASCADE"))
    # "person:12" or "organization:4": one invitation per invitee per meeting, enforced here.
    invitee_key = db.Column(db.String(40), nullable=False)
    invited_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)

    meeting = db.relationship("Meeting")
    person = db.relationship("Person", foreign_keys=[person_id])
    invited_by = db.relationship("Person", foreign_keys=[invited_by_id])
    organization = db.relationship("Organization")

    __table_args__ = (
        db.UniqueConstraint("meeting_id", "invitee_key"),
        db.CheckConstraint("(person_id IS NULL) <> (organization_id IS NULL)", name="one_invitee"),
    )

    @property
    def invitee_name(self):
        return self.person.name if self.person_id else self.organization.name


MAX_MEETING_LENGTH = timedelta(hours=12)
