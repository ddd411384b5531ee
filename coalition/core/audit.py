"""The audit log: who changed what sensitive thing, and when."""

from coalition.core.dbtypes import UTCDateTime, utcnow
from coalition.core.extensions import db


class AuditEvent(db.Model):
    """One sensitive change, kept for accountability."""

    __tablename__ = "audit_event"

    id = db.Column(db.Integer, primary_key=True)
    actor_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    action = db.Column(db.String(60), nullable=False)
    target_type = db.Column(db.String(40))
    target_id = db.Column(db.Integer)
    detail = db.Column(db.String(500), nullable=False, default="")
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow, index=True)

    actor = db.relationship("Person")


def record_audit(actor, action, target=None, detail=""):
    """Add an audit event in the caller's transaction."""
    event = AuditEvent(
        actor=actor,
        action=action,
        target_type=target.__tablename__ if target is not None else None,
        target_id=target.id if target is not None else None,
        detail=detail,
    )
    db.session.add(event)
    return event
