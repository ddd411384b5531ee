"""People of the coalition; a person may hold an account.

Sensitive fields (lived experience, access needs) live on Person; who may read them is
decided in coalition/members/access.py, never here. A person's places in organizations
(`affiliations`) are organizations' models, named by string.
"""

from flask_login import UserMixin
from sqlalchemy import func
from sqlalchemy.ext.hybrid import hybrid_property

from coalition.core.dbtypes import UTCDateTime, one_of, utcnow
from coalition.core.extensions import db
from coalition.core.matching import email_key
from coalition.core.search_keys import keep_search_key, search_key_column

ROLE_MEMBER = "member"
ROLE_COORDINATOR = "coordinator"
ROLES = (ROLE_MEMBER, ROLE_COORDINATOR)


class Person(UserMixin, db.Model):
    """A member of the coalition; with a password hash they can log in."""

    __tablename__ = "person"

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(200), nullable=False, index=True)
    name_search = search_key_column("name")
    pronouns = db.Column(db.String(40))
    email = db.Column(db.String(320), unique=True)
    phone = db.Column(db.String(40))
    password_hash = db.Column(db.String(255))
    role = db.Column(db.String(20), nullable=False, default=ROLE_MEMBER)
    # The interface language (en or es); preferred_language is the one they like to be
    # spoken to in, which may be any language (and may call for interpretation).
    language = db.Column(db.String(10))
    preferred_language = db.Column(db.String(10))
    timezone = db.Column(db.String(64))
    # Sensitive: coordinators and the person only (members.access.can_view_sensitive).
    access_needs = db.Column(db.Text, nullable=False, default="")
    lived_experience = db.Column(db.Boolean)  # None: not said
    directory_consent = db.Column(db.Boolean, nullable=False, default=False)
    contact_consent = db.Column(db.Boolean, nullable=False, default=False)
    sensitive_export_consent = db.Column(db.Boolean, nullable=False, default=False)
    deactivated_at = db.Column(UTCDateTime())
    # Bumped to end every session at once (logout everywhere, password or role change).
    session_generation = db.Column(db.Integer, nullable=False, default=1)
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    # Optimistic locking: every edit form carries the version it was based on.
    version = db.Column(db.Integer, nullable=False)

    languages = db.relationship(
        "PersonLanguage", cascade="all, delete-orphan", order_by="PersonLanguage.code"
    )
    affiliations = db.relationship(
        "Affiliation", back_populates="person", cascade="all, delete-orphan"
    )

    __table_args__ = (one_of("role", ROLES),)
    __mapper_args__ = {"version_id_col": version}

    @property
    def has_account(self):
        return self.password_hash is not None

    @hybrid_property
    def is_active(self):
        """Not deactivated; `Person.is_active` in a query is the one filter every list of
        people to invite, ask or notify shares."""
        return self.deactivated_at is None

    @is_active.inplace.expression
    @classmethod
    def _is_active_expression(cls):
        return cls.deactivated_at.is_(None)

    @property
    def is_coordinator(self):
        return self.role == ROLE_COORDINATOR

    @property
    def language_codes(self):
        return [language.code for language in self.languages]

    def get_id(self):
        return f"{self.id}:{self.session_generation}"

    def __repr__(self):
        return f"<Person {self.id} {self.name!r}>"


keep_search_key(Person.name, "name_search")


class PersonLanguage(db.Model):
    """A language a person speaks (a code from members.languages)."""

    __tablename__ = "person_language"

    person_id = db.Column(
        db.Integer, db.ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    code = db.Column(db.String(10), primary_key=True, index=True)


def normalize_email(email):
    """Emails are stored and compared as core.matching.email_key: trimmed, lower case, NFC."""
    return email_key(email)


def find_person_by_email(email):
    """Return the person with this email, ignoring case, or None."""
    normalized = normalize_email(email)
    if normalized is None:
        return None
    return db.session.scalar(db.select(Person).where(func.lower(Person.email) == normalized))
