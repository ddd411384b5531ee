"""Outbox rows, notification preferences and digest items."""

from coalition.core.dbtypes import UTCDateTime, utcnow
from coalition.core.extensions import db

STATUS_QUEUED = "queued"
STATUS_SENDING = "sending"
STATUS_SENT = "sent"
STATUS_FAILED = "failed"
STATUS_CANCELLED = "cancelled"
STATUSES = (STATUS_QUEUED, STATUS_SENDING, STATUS_SENT, STATUS_FAILED, STATUS_CANCELLED)


class OutboxEmail(db.Model):
    """One email waiting for, or done with, delivery."""

    __tablename__ = "outbox_email"

    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(40), nullable=False)
    person_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    to_name = db.Column(db.String(200), nullable=False, default="")
    to_address = db.Column(db.String(320), nullable=False)
    subject = db.Column(db.String(300), nullable=False)
    text_body = db.Column(db.Text, nullable=False)
    html_body = db.Column(db.Text, nullable=False)
    # The text body with every personal link replaced, for coordinators' eyes.
    masked_body = db.Column(db.Text, nullable=False)
    headers = db.Column(db.JSON, nullable=False, default=dict)
    attachments = db.Column(db.JSON, nullable=False, default=list)
    message_id = db.Column(db.String(255), nullable=False, unique=True)
    idempotency_key = db.Column(db.String(200), unique=True)
    status = db.Column(db.String(20), nullable=False, default=STATUS_QUEUED)
    attempts = db.Column(db.Integer, nullable=False, default=0)
    next_attempt_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    lease_expires_at = db.Column(UTCDateTime())
    claimed_by = db.Column(db.String(100))
    last_error = db.Column(db.String(1000))
    sent_at = db.Column(UTCDateTime())
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    # Retries give up a day after this; a coordinator's "retry" starts a new day.
    retry_window_start = db.Column(UTCDateTime(), nullable=False, default=utcnow)

    person = db.relationship("Person")

    __table_args__ = (
        db.Index("ix_outbox_email_due", "status", "next_attempt_at"),
        db.CheckConstraint(
            "status IN ('queued', 'sending', 'sent', 'failed', 'cancelled')", name="status"
        ),
    )


class NotificationPreference(db.Model):
    """How one person wants one kind of optional email."""

    __tablename__ = "notification_preference"

    id = db.Column(db.Integer, primary_key=True)
    person_id = db.Column(
        db.Integer, db.ForeignKey("person.id", ondelete="CASCADE"), nullable=False
    )
    kind = db.Column(db.String(40), nullable=False)
    delivery = db.Column(db.String(20), nullable=False)

    __table_args__ = (db.UniqueConstraint("person_id", "kind"),)


class DigestItem(db.Model):
    """A notification held for the person's next daily digest."""

    __tablename__ = "digest_item"

    id = db.Column(db.Integer, primary_key=True)
    person_id = db.Column(
        db.Integer, db.ForeignKey("person.id", ondelete="CASCADE"), nullable=False
    )
    kind = db.Column(db.String(40), nullable=False)
    subject = db.Column(db.String(300), nullable=False)
    summary = db.Column(db.Text, nullable=False, default="")
    link = db.Column(db.String(1000))
    idempotency_key = db.Column(db.String(200), unique=True)
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    digest_email_id = db.Column(db.Integer, db.ForeignKey("outbox_email.id", ondelete="SET NULL"))

    person = db.relationship("Person")

    __table_args__ = (db.Index("ix_digest_item_pending", "person_id", "digest_email_id"),)
