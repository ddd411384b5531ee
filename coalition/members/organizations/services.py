"""Reading and changing partner organizations: the directory, profiles, people, commitments.

An organization's stage in the pipeline and its history are in stages.py."""

from dataclasses import dataclass

from flask import current_app
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import flag_modified

from coalition.core.audit import record_audit
from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused, EditConflict
from coalition.core.extensions import db
from coalition.core.matching import other_with_name
from coalition.core.search_keys import key_contains
from coalition.members.committee_rosters import committee_table
from coalition.members.languages import replace_languages
from coalition.members.listing import PAGE_SIZE, count_rows
from coalition.members.organizations.models import (
    AFFILIATION_ALTERNATE,
    AFFILIATION_PRIMARY,
    AFFILIATION_ROLES,
    Affiliation,
    Commitment,
    Organization,
    OrganizationLanguage,
)
from coalition.members.organizations.stages import STAGE_ORDER, record_stage
from coalition.members.people.models import Person, find_person_by_email, normalize_email
from coalition.members.sectors import Sector
from coalition.web.i18n import _l

ORGANIZATION_ORDER = {
    "name": (Organization.name_search, Organization.id),
    "-name": (Organization.name_search.desc(), Organization.id.desc()),
    "stage": (STAGE_ORDER, Organization.name_search),
    "joined": (Organization.joined_on.is_(None), Organization.joined_on.desc(), Organization.id),
}


@dataclass(frozen=True)
class OrganizationFilters:
    """What the organizations directory was asked for."""

    q: str = ""
    sector_id: int | None = None
    status: str = ""
    language: str = ""
    sort: str = "name"


def organizations_query(filters):
    """Organizations matching the filters (every member may read every profile)."""
    query = db.select(Organization)
    if filters.q:
        query = query.where(key_contains(Organization.name_search, filters.q))
    if filters.sector_id:
        query = query.where(Organization.sectors.any(Sector.id == filters.sector_id))
    if filters.status:
        query = query.where(Organization.status == filters.status)
    if filters.language:
        serves = OrganizationLanguage.code == filters.language
        query = query.where(Organization.languages.any(serves))
    return query.order_by(*ORGANIZATION_ORDER.get(filters.sort, ORGANIZATION_ORDER["name"]))


def with_summary(query):
    """Load what a list shows (sectors, languages, owner) in a fixed number of queries."""
    return query.options(
        selectinload(Organization.sectors),
        selectinload(Organization.languages),
        selectinload(Organization.owner),
    )


def organizations_page(filters=None, *, page=1):
    """One page of organizations and the total count."""
    query = organizations_query(filters or OrganizationFilters())
    offset = (page - 1) * PAGE_SIZE
    organizations = db.session.scalars(with_summary(query).limit(PAGE_SIZE).offset(offset)).all()
    return organizations, count_rows(query)


def committees_of_organization(organization, rosters):
    """(id, name) of committees where someone represents the organization, by name, among
    those whose members the viewer may list (`rosters`:
    committee_rosters.visible_rosters_clause)."""
    committees, memberships = committee_table("committee"), committee_table("committee_membership")
    return db.session.execute(
        db.select(committees.c.id, committees.c.name)
        .distinct()
        .join(memberships, memberships.c.committee_id == committees.c.id)
        .where(memberships.c.organization_id == organization.id, rosters)
        .order_by(committees.c.name)
    ).all()


def account_holders():
    """People who can log in, by name: those who may own a relationship."""
    return db.session.scalars(
        db.select(Person)
        .where(Person.password_hash.is_not(None), Person.is_active)
        .order_by(Person.name_search, Person.id)
    ).all()


def _refuse_taken_name(organization, name):
    names = db.session.execute(db.select(Organization.id, Organization.name))
    if other_with_name(names, name, organization.id) is not None:
        raise ActionRefused(_l("Another organization already has this name."), field="name")


def _apply_profile(organization, data):
    for name, value in data.items():
        if name == "sectors":
            ids = set(value or ())
            found = db.session.scalars(db.select(Sector).where(Sector.id.in_(ids))).all()
            organization.sectors = list(found) if ids else []
        elif name == "languages":
            replace_languages(organization.languages, value or (), OrganizationLanguage)
        elif name == "contact_email":
            organization.contact_email = normalize_email(value)
        elif name == "language":
            organization.language = _interface_language(value)
        else:
            setattr(organization, name, value)


def _interface_language(code):
    """One of the interface languages, or None for the coalition's."""
    if code and code not in current_app.config["LANGUAGES"]:
        raise ActionRefused(_l("Choose a language from the list."), field="language")
    return code or None


def create_organization(data, status, actor, when=None):
    """Add an organization at a stage of the pipeline; its first stage is recorded."""
    organization = Organization(status=None)
    _refuse_taken_name(organization, data["name"])
    _apply_profile(organization, data)
    db.session.add(organization)
    record_stage(organization, status, actor, when or utcnow())
    db.session.flush()
    return organization


def update_organization(organization, data, based_on_version, actor):
    """Save a profile edited from `based_on_version`; refuse if someone saved since."""
    if str(organization.version) != str(based_on_version):
        raise EditConflict(organization)
    _refuse_taken_name(organization, data["name"])
    _apply_profile(organization, data)
    flag_modified(organization, "name")  # every save moves the version
    db.session.flush()
    return organization


def add_affiliation(organization, email, role, actor):
    """Link the person with this email to the organization; one primary delegate at a time."""
    if role not in AFFILIATION_ROLES:
        raise ActionRefused(_l("Choose a role from the list."), field="role")
    person = find_person_by_email(email)
    if person is None:
        raise ActionRefused(
            _l("No one in the coalition has this email. Add the person first."), field="email"
        )
    if role == AFFILIATION_PRIMARY:
        for affiliation in organization.affiliations:
            if affiliation.role == AFFILIATION_PRIMARY and affiliation.person_id != person.id:
                affiliation.role = AFFILIATION_ALTERNATE
    affiliation = next((a for a in organization.affiliations if a.person_id == person.id), None)
    if affiliation is None:
        affiliation = Affiliation(person=person, role=role)
        organization.affiliations.append(affiliation)
    affiliation.role = role
    db.session.flush()
    record_audit(actor, "organization.person_linked", organization, f"{person.id} as {role}")
    return affiliation


def remove_affiliation(affiliation, actor):
    """Unlink a person from an organization."""
    organization = affiliation.organization
    organization.affiliations.remove(affiliation)
    db.session.flush()
    record_audit(actor, "organization.person_unlinked", organization, str(affiliation.person_id))


def add_commitment(organization, text, committed_on, actor):
    """Record something the organization committed to."""
    commitment = Commitment(text=text, committed_on=committed_on, recorded_by_id=actor.id)
    organization.commitments.append(commitment)
    db.session.flush()
    return commitment


def remove_commitment(commitment):
    """Delete a commitment recorded by mistake."""
    db.session.delete(commitment)
    db.session.flush()
