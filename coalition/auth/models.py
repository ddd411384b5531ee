"""A browser session of an account, so that logging out ends that one copy of the cookie."""

from coalition.core.dbtypes import UTCDateTime, utcnow
from coalition.core.extensions import db


class LoginSession(db.Model):
    """One login on one device: the cookie carries its key, the database its SHA-256.

    Sessions live in signed cookies (no state in process memory), so a copy of a cookie
    would outlive a logout; this row is what a logout ends. Logging out everywhere ends them
    all at once through the person's session generation.
    """

    __tablename__ = "login_session"

    id = db.Column(db.Integer, primary_key=True)
    person_id = db.Column(
        db.Integer, db.ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
    )
    key_hash = db.Column(db.String(64), nullable=False, unique=True)
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    ended_at = db.Column(UTCDateTime())
