"""Partner organizations: members of the coalition in their own right, with their sectors,
languages, the people linked to them, their commitments and their stage history.

People and sectors are named by string: they live in members/people/ and members/sectors.py.
"""

from datetime import date

from coalition.core.dbtypes import UTCDateTime, one_of, utcnow
from coalition.core.extensions import db
from coalition.core.search_keys import keep_search_key, search_key_column

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


class Organization(db.Model):
    """A partner organization: a member of the coalition in its own right."""

    __tablename__ = "organization"

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(200), nullable=False, unique=True)
    name_search = search_key_column("name")
    description = db.Column(db.Text, nullable=False, default="")
    website = db.Column(db.String(300))
    communities_served = db.Column(db.Text, nullable=False, default="")
    contact_email = db.Column(db.String(320))
    # The interface language (en, es...) of emails to the contact address and of the pages
    # behind their links; NULL: the coalition's. `languages` are the ones it serves in.
    language = db.Column(db.String(10))
    status = db.Column(db.String(20), nullable=False, default=STATUS_IDENTIFIED, index=True)
    joined_on = db.Column(db.Date)
    owner_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"), index=True)
    follow_up_on = db.Column(db.Date, index=True)
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    version = db.Column(db.Integer, nullable=False)

    owner = db.relationship("Person")
    sectors = db.relationship("Sector", secondary=organization_sector, order_by="Sector.name")
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

    __table_args__ = (one_of("status", STATUSES),)
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


keep_search_key(Organization.name, "name_search")


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
        one_of("role", AFFILIATION_ROLES),
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
