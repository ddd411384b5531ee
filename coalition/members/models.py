"""People and partner organizations of the coalition; a person may hold an account.

Sensitive fields (lived experience, access needs) live on Person; who may read them is
decided in coalition/members/access.py, never here.
"""

from datetime import date

from flask_login import UserMixin
from sqlalchemy import func

from coalition.core.dbtypes import UTCDateTime, utcnow
from coalition.core.extensions import db
from coalition.members.sectors import sector_display_name

ROLE_MEMBER = "member"
ROLE_COORDINATOR = "coordinator"
ROLES = (ROLE_MEMBER, ROLE_COORDINATOR)

# How a person is linked to an organization. Primary delegates and alternates speak for it.
AFFILIATION_PRIMARY = "primary"
AFFILIATION_ALTERNATE = "alternate"
AFFILIATION_STAFF = "staff"
AFFILIATION_ROLES = (AFFILIATION_PRIMARY, AFFILIATION_ALTERNATE, AFFILIATION_STAFF)
DELEGATE_ROLES = (AFFILIATION_PRIMARY, AFFILIATION_ALTERNATE)

# The recruitment pipeline, in order.
STATUS_IDENTIFIED = "identified"
STATUS_CONTACTED = "contacted"
STATUS_COMMITTED = "committed"
STATUS_ACTIVE = "active"
STATUS_LAPSED = "lapsed"
STATUSES = (STATUS_IDENTIFIED, STATUS_CONTACTED, STATUS_COMMITTED, STATUS_ACTIVE, STATUS_LAPSED)
PIPELINE_STATUSES = (STATUS_IDENTIFIED, STATUS_CONTACTED, STATUS_COMMITTED)


def _in(values):
    return "(" + ", ".join(f"'{value}'" for value in values) + ")"


class Person(UserMixin, db.Model):
    """A member of the coalition; with a password hash they can log in."""

    __tablename__ = "person"

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(200), nullable=False, index=True)
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
    # Sensitive: coordinators and the person only (authz.can_view_sensitive).
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

    __table_args__ = (db.CheckConstraint("role IN ('member', 'coordinator')", name="role"),)
    __mapper_args__ = {"version_id_col": version}

    @property
    def has_account(self):
        return self.password_hash is not None

    @property
    def is_active(self):
        return self.deactivated_at is None

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


class PersonLanguage(db.Model):
    """A language a person speaks (a code from members.languages)."""

    __tablename__ = "person_language"

    person_id = db.Column(
        db.Integer, db.ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    code = db.Column(db.String(10), primary_key=True, index=True)


organization_sector = db.Table(
    "organization_sector",
    db.Column(
        "organization_id",
        db.Integer,
        db.ForeignKey("organization.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    # RESTRICT: a sector in use cannot be deleted, only retired.
    db.Column(
        "sector_id",
        db.Integer,
        db.ForeignKey("sector.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    ),
)


class Sector(db.Model):
    """A part of the community the coalition recruits from, with a target of active partners."""

    __tablename__ = "sector"

    id = db.Column(db.Integer, primary_key=True)
    key = db.Column(db.String(40), unique=True)  # set on preloaded sectors only
    name = db.Column(db.String(120), nullable=False, unique=True)
    target_active = db.Column(db.Integer, nullable=False, default=1)
    retired_at = db.Column(UTCDateTime())
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    version = db.Column(db.Integer, nullable=False)

    __table_args__ = (db.CheckConstraint("target_active >= 0", name="target_active"),)
    __mapper_args__ = {"version_id_col": version}

    @property
    def display_name(self):
        return sector_display_name(self.key, self.name)

    @property
    def is_retired(self):
        return self.retired_at is not None

    def __repr__(self):
        return f"<Sector {self.id} {self.name!r}>"


class Organization(db.Model):
    """A partner organization: a member of the coalition in its own right."""

    __tablename__ = "organization"

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(200), nullable=False, unique=True)
    description = db.Column(db.Text, nullable=False, default="")
    website = db.Column(db.String(300))
    communities_served = db.Column(db.Text, nullable=False, default="")
    contact_email = db.Column(db.String(320))
    status = db.Column(db.String(20), nullable=False, default=STATUS_IDENTIFIED, index=True)
    joined_on = db.Column(db.Date)
    owner_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"), index=True)
    follow_up_on = db.Column(db.Date, index=True)
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    version = db.Column(db.Integer, nullable=False)

    owner = db.relationship("Person")
    sectors = db.relationship("Sector", secondary=organization_sector, order_by=Sector.name)
    languages = db.relationship(
        "OrganizationLanguage", cascade="all, delete-orphan", order_by="OrganizationLanguage.code"
    )
    affiliations = db.relationship(
        "Affiliation", back_populates="organization", cascade="all, delete-orphan"
    )
    commitments = db.relationship(
        "Commitment",
        cascade="all, delete-orphan",
        order_by="(Commitment.committed_on.desc(), Commitment.id.desc())",
    )
    status_changes = db.relationship(
        "StatusChange", cascade="all, delete-orphan", order_by="StatusChange.id.desc()"
    )

    __table_args__ = (db.CheckConstraint(f"status IN {_in(STATUSES)}", name="status"),)
    __mapper_args__ = {"version_id_col": version}

    @property
    def language_codes(self):
        return [language.code for language in self.languages]

    def is_overdue(self, today=None):
        """A follow-up date in the past, while the organization is still being recruited."""
        today = today or date.today()
        return (
            self.follow_up_on is not None
            and self.follow_up_on < today
            and self.status in PIPELINE_STATUSES
        )

    def __repr__(self):
        return f"<Organization {self.id} {self.name!r}>"


class OrganizationLanguage(db.Model):
    """A language an organization serves its community in."""

    __tablename__ = "organization_language"

    organization_id = db.Column(
        db.Integer, db.ForeignKey("organization.id", ondelete="CASCADE"), primary_key=True
    )
    code = db.Column(db.String(10), primary_key=True, index=True)


class Affiliation(db.Model):
    """A person's place in an organization: primary delegate, alternate or staff."""

    __tablename__ = "affiliation"

    id = db.Column(db.Integer, primary_key=True)
    person_id = db.Column(
        db.Integer, db.ForeignKey("person.id", ondelete="CASCADE"), nullable=False
    )
    organization_id = db.Column(
        db.Integer, db.ForeignKey("organization.id", ondelete="CASCADE"), nullable=False, index=True
    )
    role = db.Column(db.String(20), nullable=False, default=AFFILIATION_STAFF)
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)

    person = db.relationship("Person", back_populates="affiliations")
    organization = db.relationship("Organization", back_populates="affiliations")

    __table_args__ = (
        db.UniqueConstraint("person_id", "organization_id"),
        db.CheckConstraint(f"role IN {_in(AFFILIATION_ROLES)}", name="role"),
    )

    @property
    def speaks_for_organization(self):
        return self.role in DELEGATE_ROLES


class StatusChange(db.Model):
    """One move in the recruitment pipeline: who moved it, when, from where to where."""

    __tablename__ = "status_change"

    id = db.Column(db.Integer, primary_key=True)
    organization_id = db.Column(
        db.Integer, db.ForeignKey("organization.id", ondelete="CASCADE"), nullable=False, index=True
    )
    from_status = db.Column(db.String(20))
    to_status = db.Column(db.String(20), nullable=False)
    changed_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    changed_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)

    changed_by = db.relationship("Person")


class Commitment(db.Model):
    """Something an organization committed to, and when."""

    __tablename__ = "commitment"

    id = db.Column(db.Integer, primary_key=True)
    organization_id = db.Column(
        db.Integer, db.ForeignKey("organization.id", ondelete="CASCADE"), nullable=False, index=True
    )
    text = db.Column(db.String(1000), nullable=False)
    committed_on = db.Column(db.Date, nullable=False)
    recorded_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)


def normalize_email(email):
    """Emails are compared case-insensitively and without surrounding spaces."""
    return (email or "").strip().lower() or None


def find_person_by_email(email):
    """Return the person with this email, ignoring case, or None."""
    normalized = normalize_email(email)
    if normalized is None:
        return None
    return db.session.scalar(db.select(Person).where(func.lower(Person.email) == normalized))
