"""Emailed links: random tokens stored only as hashes, one purpose and one object each.

The raw token (secrets.token_urlsafe(32)) exists only in the email; the database keeps its
SHA-256, so a leaked database cannot be replayed. Tokens expire, may be single use, and are
revoked when a newer one for the same purpose and object is issued.
"""

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import update

from coalition.core.dbtypes import UTCDateTime, utcnow
from coalition.core.extensions import db

PURPOSE_INVITATION = "invitation"
PURPOSE_PASSWORD_RESET = "password_reset"
PURPOSE_MEETING_INVITATION = "meeting_invitation"


class EmailToken(db.Model):
    """One emailed link's secret, as a hash, with its purpose, object and lifetime."""

    __tablename__ = "email_token"

    id = db.Column(db.Integer, primary_key=True)
    token_hash = db.Column(db.String(64), nullable=False, unique=True)
    purpose = db.Column(db.String(40), nullable=False)
    object_type = db.Column(db.String(40), nullable=False)
    object_id = db.Column(db.Integer, nullable=False)
    single_use = db.Column(db.Boolean, nullable=False, default=True)
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    expires_at = db.Column(UTCDateTime(), nullable=False)
    used_at = db.Column(UTCDateTime())
    revoked_at = db.Column(UTCDateTime())

    __table_args__ = (db.Index("ix_email_token_object", "purpose", "object_type", "object_id"),)

    def is_usable(self, now=None):
        now = now or utcnow()
        if self.revoked_at is not None or self.expires_at <= now:
            return False
        return not (self.single_use and self.used_at is not None)


def hash_token(raw):
    """The SHA-256 of a raw token, as stored."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def issue_token(purpose, obj, lifetime, *, single_use=True, revoke_older=True):
    """Store a new token for (purpose, obj), by default revoking older ones; return it raw."""
    if revoke_older:
        revoke_tokens(purpose, obj)
    raw = secrets.token_urlsafe(32)
    db.session.add(
        EmailToken(
            token_hash=hash_token(raw),
            purpose=purpose,
            object_type=obj.__tablename__,
            object_id=obj.id,
            single_use=single_use,
            expires_at=utcnow() + lifetime,
        )
    )
    db.session.flush()
    return raw


def revoke_tokens(purpose, obj):
    """End every live token for (purpose, obj)."""
    db.session.execute(
        update(EmailToken)
        .where(
            EmailToken.purpose == purpose,
            EmailToken.object_type == obj.__tablename__,
            EmailToken.object_id == obj.id,
            EmailToken.revoked_at.is_(None),
        )
        .values(revoked_at=utcnow())
    )


def find_token(purpose, raw):
    """The usable token for this purpose and raw value, or None."""
    token = find_any_token(purpose, raw)
    if token is None or not token.is_usable():
        return None
    return token


def find_any_token(purpose, raw):
    """The token for this purpose and raw value even if used, expired or revoked, or None:
    whom a dead link was sent to, so its page speaks their language. Never a way in."""
    if not raw or len(raw) > 200:
        return None
    return db.session.scalar(
        db.select(EmailToken).where(
            EmailToken.token_hash == hash_token(raw), EmailToken.purpose == purpose
        )
    )


def consume_token(token):
    """Mark a single-use token used; False when another request used it first."""
    result = db.session.execute(
        update(EmailToken)
        .where(EmailToken.id == token.id, EmailToken.used_at.is_(None))
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


INVITATION_LIFETIME = timedelta(days=7)
PASSWORD_RESET_LIFETIME = timedelta(hours=1)
