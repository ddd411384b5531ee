"""Reading and changing people: the directory, pick lists, profiles."""

from dataclasses import dataclass

from sqlalchemy.orm import contains_eager, selectinload
from sqlalchemy.orm.attributes import flag_modified

from coalition.core.audit import record_audit
from coalition.core.errors import ActionRefused, EditConflict
from coalition.core.extensions import db
from coalition.core.search_keys import key_contains
from coalition.members.committee_rosters import committee_table
from coalition.members.languages import replace_languages
from coalition.members.listing import PAGE_SIZE, count_rows
from coalition.members.organizations.models import Affiliation, Organization
from coalition.members.people.models import (
    Person,
    PersonLanguage,
    find_person_by_email,
    normalize_email,
)
from coalition.members.sectors import Sector
from coalition.web.i18n import _l

SENSITIVE_FIELDS = (
    "access_needs",
    "lived_experience",
    "directory_consent",
    "contact_consent",
    "sensitive_export_consent",
)
PEOPLE_ORDER = {
    "name": (Person.name_search, Person.id),
    "-name": (Person.name_search.desc(), Person.id.desc()),
    "new": (Person.created_at.desc(), Person.id.desc()),
}


@dataclass(frozen=True)
class PeopleFilters:
    """What the directory was asked for: a name, a language, a sector, an order."""

    q: str = ""
    language: str = ""
    sector_id: int | None = None
    committee_id: int | None = None
    sort: str = "name"


def people_query(visible, filters, rosters):
    """Active people matching the filters, among those `visible`
    (members.access.visible_people_clause) allows; the committee filter reads only rosters
    `rosters` (committee_rosters.visible_rosters_clause) allows, so it never tells who sits
    on a committee the viewer may not see into."""
    query = db.select(Person).where(Person.is_active, visible)
    if filters.q:
        query = query.where(key_contains(Person.name_search, filters.q))
    if filters.language:
        query = query.where(Person.languages.any(PersonLanguage.code == filters.language))
    if filters.sector_id:
        in_sector = Organization.sectors.any(Sector.id == filters.sector_id)
        query = query.where(Person.affiliations.any(Affiliation.organization.has(in_sector)))
    if filters.committee_id:
        query = query.where(Person.id.in_(_members_of(filters.committee_id, rosters)))
    return query.order_by(*PEOPLE_ORDER.get(filters.sort, PEOPLE_ORDER["name"]))


def _members_of(committee_id, rosters):
    committees, memberships = committee_table("committee"), committee_table("committee_membership")
    return (
        db.select(memberships.c.person_id)
        .join(committees, committees.c.id == memberships.c.committee_id)
        .where(memberships.c.committee_id == committee_id, rosters)
    )


def active_committees(rosters):
    """(id, name) of active committees whose members the viewer may list (`rosters`:
    committee_rosters.visible_rosters_clause), for filters, by name."""
    committees = committee_table("committee")
    return db.session.execute(
        db.select(committees.c.id, committees.c.name)
        .where(committees.c.active.is_(True), rosters)
        .order_by(committees.c.name)
    ).all()


def people_to_pick(visible, *, with_email=False, with_account=False):
    """Active people the viewer may see (`visible`: members.access.visible_people_clause), by name:
    the one query behind every pick list that names people."""
    query = db.select(Person).where(Person.is_active, visible)
    if with_email:
        query = query.where(Person.email.is_not(None))
    if with_account:
        query = query.where(Person.password_hash.is_not(None))
    return db.session.scalars(query.order_by(Person.name_search, Person.id)).all()


def with_details(query):
    """Load languages and organizations with the people, in a fixed number of queries."""
    return query.options(
        selectinload(Person.languages),
        selectinload(Person.affiliations).selectinload(Affiliation.organization),
    )


def directory_page(visible, rosters, filters=None, *, page=1):
    """One page of people the viewer may list, with the total count (see people_query)."""
    query = people_query(visible, filters or PeopleFilters(), rosters)
    people = db.session.scalars(
        with_details(query).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
    ).all()
    return people, count_rows(query)


def affiliations_of(person):
    """A person's places in organizations, with the organizations, by organization name."""
    return db.session.scalars(
        db.select(Affiliation)
        .join(Affiliation.organization)
        .where(Affiliation.person_id == person.id)
        .options(contains_eager(Affiliation.organization))
        .order_by(Organization.name_search)
    ).all()


def claim_email(person, email):
    """Refuse an email that belongs to someone else (emails are unique, ignoring case)."""
    other = find_person_by_email(email)
    if other is not None and other.id != person.id:
        raise ActionRefused(_l("Another person already uses this email."), field="email")


def _apply_profile(person, data):
    for name, value in data.items():
        if name == "languages":
            replace_languages(person.languages, value, PersonLanguage)
        elif name == "email":
            person.email = normalize_email(value)
        else:
            setattr(person, name, value)


def create_person(data, actor):
    """Add a person to the coalition's records (no account until they are invited)."""
    person = Person()
    claim_email(person, data.get("email"))
    _apply_profile(person, data)
    db.session.add(person)
    db.session.flush()
    record_audit(actor, "person.created", person)
    return person


def update_person(person, data, based_on_version, actor):
    """Save a profile edited from `based_on_version`; refuse if someone saved since."""
    if str(person.version) != str(based_on_version):
        raise EditConflict(person)
    claim_email(person, data.get("email"))
    before = {name: getattr(person, name) for name in SENSITIVE_FIELDS}
    _apply_profile(person, data)
    flag_modified(person, "name")  # every save moves the version, even a languages-only one
    db.session.flush()
    changed = [name for name in SENSITIVE_FIELDS if getattr(person, name) != before[name]]
    if changed and actor.id != person.id:
        record_audit(actor, "person.sensitive_changed", person, ", ".join(changed))
    return person
