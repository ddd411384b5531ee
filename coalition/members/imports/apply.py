"""Writing checked import rows: bulk inserts for new records, the ORM for updated ones.

Called by services.run_import inside the caller's transaction; nothing here commits.
"""

from sqlalchemy import insert, update
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import flag_modified

from coalition.core.dbtypes import utcnow
from coalition.core.extensions import db
from coalition.core.timezones import coalition_today
from coalition.members.languages import replace_languages
from coalition.members.organizations.models import (
    AFFILIATION_ALTERNATE,
    AFFILIATION_PRIMARY,
    AFFILIATION_STAFF,
    STATUS_ACTIVE,
    STATUS_IDENTIFIED,
    Affiliation,
    Organization,
    OrganizationLanguage,
    StatusChange,
    organization_sector,
)
from coalition.members.organizations.stages import record_becoming_active, record_stage
from coalition.members.people.models import ROLE_MEMBER, Person, PersonLanguage
from coalition.members.sectors import Sector

CHUNK = 500
PERSON_FIELDS = (
    "name",
    "email",
    "pronouns",
    "phone",
    "preferred_language",
    "directory_consent",
    "contact_consent",
)
ORGANIZATION_FIELDS = (
    "name",
    "description",
    "website",
    "contact_email",
    "communities_served",
    "joined_on",
    "follow_up_on",
)


def batched(items, size):
    """Lists of at most `size` items (itertools.batched arrives with Python 3.12)."""
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _insert_returning_ids(model, rows):
    if not rows:
        return []
    statement = insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(db.session.scalars(statement, rows))


# --- People ----------------------------------------------------------------------------


def people(new, matching, actor):
    """Create the new people, update the matching ones, link both to their organizations."""
    now = utcnow()
    ids = _insert_returning_ids(Person, [_person_row(values, now) for values in new])
    languages = [
        {"person_id": person_id, "code": code}
        for person_id, values in zip(ids, new, strict=True)
        for code in values.get("languages", ())
    ]
    if languages:
        db.session.execute(insert(PersonLanguage), languages)
    links = [
        (person_id, values["organization"], values.get("organization_role", AFFILIATION_STAFF))
        for person_id, values in zip(ids, new, strict=True)
        if values.get("organization")
    ]
    links += _update_people({result.match_id: result.values for result in matching})
    _link(links, now)


def _person_row(values, now):
    row = {name: values.get(name) for name in PERSON_FIELDS}
    row.update(
        directory_consent=bool(values.get("directory_consent")),
        contact_consent=bool(values.get("contact_consent")),
        sensitive_export_consent=False,
        access_needs="",
        role=ROLE_MEMBER,
        session_generation=1,
        created_at=now,
        version=1,
    )
    return row


def _update_people(values_by_id):
    links = []
    for chunk in batched(values_by_id, CHUNK):
        found = db.session.scalars(
            db.select(Person).where(Person.id.in_(chunk)).options(selectinload(Person.languages))
        )
        for person in found:
            values = values_by_id[person.id]
            for name in PERSON_FIELDS:
                if name in values:
                    setattr(person, name, values[name])
            if "languages" in values:
                replace_languages(person.languages, values["languages"], PersonLanguage)
            flag_modified(person, "name")
            if values.get("organization"):
                role = values.get("organization_role", AFFILIATION_STAFF)
                links.append((person.id, values["organization"], role))
    db.session.flush()
    return links


def _one_primary_each(links):
    """{(person, organization): role}, the first primary delegate named for an organization
    kept, any later one made an alternate; and the organizations that get a primary."""
    final, primaries = {}, {}
    for person_id, organization_id, role in links:
        is_primary = role == AFFILIATION_PRIMARY
        if is_primary and primaries.setdefault(organization_id, person_id) != person_id:
            role = AFFILIATION_ALTERNATE
        final[(person_id, organization_id)] = role
    return final, primaries


def _existing_affiliations(organization_ids):
    existing = {}
    for chunk in batched(organization_ids, CHUNK):
        rows = db.session.execute(
            db.select(Affiliation.person_id, Affiliation.organization_id, Affiliation.id).where(
                Affiliation.organization_id.in_(chunk)
            )
        )
        existing.update({(p, o): affiliation_id for p, o, affiliation_id in rows})
    return existing


def _link(links, now):
    """Affiliations from (person, organization, role); one primary delegate per organization."""
    if not links:
        return
    final, primaries = _one_primary_each(links)
    existing = _existing_affiliations({organization_id for _, organization_id in final})
    if primaries:
        db.session.execute(
            update(Affiliation)
            .where(
                Affiliation.organization_id.in_(list(primaries)),
                Affiliation.role == AFFILIATION_PRIMARY,
            )
            .values(role=AFFILIATION_ALTERNATE)
        )
    changed = [{"id": existing[k], "role": role} for k, role in final.items() if k in existing]
    added = [
        {"person_id": p, "organization_id": o, "role": role, "created_at": now}
        for (p, o), role in final.items()
        if (p, o) not in existing
    ]
    if changed:
        db.session.execute(update(Affiliation), changed)
    if added:
        db.session.execute(insert(Affiliation), added)


# --- Organizations ---------------------------------------------------------------------


def organizations(new, matching, actor):
    """Create the new organizations with their first stage; update the matching ones."""
    now, today = utcnow(), coalition_today()
    rows = [_organization_row(values, now, today) for values in new]
    ids = _insert_returning_ids(Organization, rows)
    _describe_new_organizations(list(zip(ids, new, rows, strict=True)), actor, now)
    _update_organizations({result.match_id: result.values for result in matching}, actor, now)


def _organization_row(values, now, today):
    status = values.get("status", STATUS_IDENTIFIED)
    row = {name: values.get(name) for name in ORGANIZATION_FIELDS}
    row["language"] = values.get("email_language")
    row.update(
        description=values.get("description", ""),
        communities_served=values.get("communities_served", ""),
        joined_on=values.get("joined_on") or (today if status == STATUS_ACTIVE else None),
        status=status,
        created_at=now,
        version=1,
    )
    return row


def _describe_new_organizations(pairs, actor, now):
    """Sectors, languages and first stage of new organizations; the active ones' timeline."""
    _insert_all(
        organization_sector,
        [{"organization_id": i, "sector_id": s} for i, v, _ in pairs for s in v.get("sectors", ())],
    )
    _insert_all(
        OrganizationLanguage,
        [{"organization_id": i, "code": c} for i, v, _ in pairs for c in v.get("languages", ())],
    )
    _insert_all(
        StatusChange,
        [
            {
                "organization_id": i,
                "from_status": None,
                "to_status": row["status"],
                "changed_by_id": actor.id,
                "changed_at": now,
            }
            for i, _, row in pairs
        ],
    )
    for organization_id, values, row in pairs:
        if row["status"] == STATUS_ACTIVE:
            record_becoming_active(organization_id, values["name"], 1, row["joined_on"], actor)


def _insert_all(target, rows):
    if rows:
        db.session.execute(insert(target), rows)


def _update_organizations(values_by_id, actor, now):
    for chunk in batched(values_by_id, CHUNK):
        found = db.session.scalars(
            db.select(Organization)
            .where(Organization.id.in_(chunk))
            .options(selectinload(Organization.sectors), selectinload(Organization.languages))
        )
        for organization in found:
            values = values_by_id[organization.id]
            for name in ORGANIZATION_FIELDS:
                if name in values:
                    setattr(organization, name, values[name])
            if "email_language" in values:
                organization.language = values["email_language"]
            if "sectors" in values:
                organization.sectors = list(
                    db.session.scalars(db.select(Sector).where(Sector.id.in_(values["sectors"])))
                )
            if "languages" in values:
                replace_languages(organization.languages, values["languages"], OrganizationLanguage)
            if values.get("status", organization.status) != organization.status:
                record_stage(organization, values["status"], actor, now)
            flag_modified(organization, "name")
    db.session.flush()
