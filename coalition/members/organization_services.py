"""Reading and changing partner organizations: profiles, people, commitments, stages."""

from dataclasses import dataclass

from flask import current_app
from flask_babel import force_locale, gettext
from sqlalchemy import case, func
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import flag_modified

from coalition.core.audit import record_audit
from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused, EditConflict
from coalition.core.extensions import db
from coalition.core.timezones import coalition_date
from coalition.members.languages import replace_languages
from coalition.members.listing import count_rows, like_pattern
from coalition.members.organizations.models import (
    AFFILIATION_ALTERNATE,
    AFFILIATION_PRIMARY,
    AFFILIATION_ROLES,
    STATUS_ACTIVE,
    STATUSES,
    Affiliation,
    Commitment,
    Organization,
    OrganizationLanguage,
    StatusChange,
)
from coalition.members.people.models import Person, find_person_by_email, normalize_email
from coalition.members.sectors import Sector
from coalition.timeline.services import record_entry
from coalition.web.i18n import _l

PAGE_SIZE = 50
STAGE_ORDER = case(
    {status: index for index, status in enumerate(STATUSES)}, value=Organization.status
)
ORGANIZATION_ORDER = {
    "name": (func.lower(Organization.name), Organization.id),
    "-name": (func.lower(Organization.name).desc(), Organization.id.desc()),
    "stage": (STAGE_ORDER, func.lower(Organization.name)),
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
        query = query.where(Organization.name.ilike(like_pattern(filters.q), escape="\\"))
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


def account_holders():
    """People who can log in, by name: those who may own a relationship."""
    return db.session.scalars(
        db.select(Person)
        .where(Person.password_hash.is_not(None), Person.deactivated_at.is_(None))
        .order_by(Person.name)
    ).all()


def _refuse_taken_name(organization, name):
    other = db.session.scalar(
        db.select(Organization.id).where(func.lower(Organization.name) == name.strip().lower())
    )
    if other is not None and other != organization.id:
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
        else:
            setattr(organization, name, value)


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


def move_stage(organization, status, based_on_version, actor, when=None):
    """Move an organization in the pipeline and record who did it and when.

    Becoming active writes a timeline entry, once per time it becomes active.
    """
    if str(organization.version) != str(based_on_version):
        raise EditConflict(organization)
    if status not in STATUSES:
        raise ActionRefused(_l("Choose a stage from the list."), field="status")
    if status == organization.status:
        return None
    change = record_stage(organization, status, actor, when or utcnow())
    db.session.flush()
    return change


def record_stage(organization, status, actor, when):
    """Set the stage and keep its history; becoming active goes on the timeline."""
    change = StatusChange(
        from_status=organization.status, to_status=status, changed_by=actor, changed_at=when
    )
    organization.status = status
    organization.status_changes.append(change)
    if status == STATUS_ACTIVE:
        day = coalition_date(when)
        organization.joined_on = organization.joined_on or day
        db.session.flush()
        times = db.session.scalar(
            db.select(func.count()).where(
                StatusChange.organization_id == organization.id,
                StatusChange.to_status == STATUS_ACTIVE,
            )
        )
        record_becoming_active(organization.id, organization.name, times, day, actor)
    return change


def record_becoming_active(organization_id, name, times, day, actor):
    """The timeline entry for an organization's `times`-th becoming active (written once)."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        if times == 1:
            title = gettext("%(name)s became an active partner", name=name)
        else:
            title = gettext("%(name)s is an active partner again", name=name)
    return record_entry(
        "milestone",
        title,
        day,
        source=("organization", organization_id, name),
        event=f"active-{times}",
        actor=actor,
    )


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
