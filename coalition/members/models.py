"""People who belong to the coalition; a person may hold an account."""

from flask_login import UserMixin
from sqlalchemy import func

from coalition.dbtypes import UTCDateTime, utcnow
from coalition.extensions import db

ROLE_MEMBER = "member"
ROLE_COORDINATOR = "coordinator"
ROLES = (ROLE_MEMBER, ROLE_COORDINATOR)


class Person(UserMixin, db.Model):
    """A member of the coalition; with a password hash they can log in."""

    __tablename__ = "person"

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(200), nullable=False)
    pronouns = db.Column(db.String(40))
    email = db.Column(db.String(320), unique=True)
    password_hash = db.Column(db.String(255))
    role = db.Column(db.String(20), nullable=False, default=ROLE_MEMBER)
    language = db.Column(db.String(10))
    timezone = db.Column(db.String(64))
    directory_consent = db.Column(db.Boolean, nullable=False, default=False)
    deactivated_at = db.Column(UTCDateTime())
    # Bumped to end every session at once (logout everywhere, password or role change).
    session_generation = db.Column(db.Integer, nullable=False, default=1)
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)

    __table_args__ = (db.CheckConstraint("role IN ('member', 'coordinator')", name="role"),)

    @property
    def has_account(self):
        return self.password_hash is not None

    @property
    def is_active(self):
        return self.deactivated_at is None

    @property
    def is_coordinator(self):
        return self.role == ROLE_COORDINATOR

    def get_id(self):
        return f"{self.id}:{self.session_generation}"

    def __repr__(self):
        return f"<Person {self.id} {self.name!r}>"


def normalize_email(email):
    """Emails are compared case-insensitively and without surrounding spaces."""
    return (email or "").strip().lower() or None


def find_person_by_email(email):
    """Return the person with this email, ignoring case, or None."""
    normalized = normalize_email(email)
    if normalized is None:
        return None
    return db.session.scalar(db.select(Person).where(func.lower(Person.email) == normalized))
