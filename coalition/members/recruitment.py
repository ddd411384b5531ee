"""The coalition framework: sectors and their targets, representation, the pipeline."""

from dataclasses import dataclass

from sqlalchemy import and_, case, func

from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused, EditConflict
from coalition.core.extensions import db
from coalition.members.languages import language_name
from coalition.members.listing import PAGE_SIZE, count_rows
from coalition.members.organizations.models import (
    PIPELINE_STATUSES,
    STATUS_ACTIVE,
    Organization,
    OrganizationLanguage,
    organization_sector,
)
from coalition.members.organizations.services import with_summary
from coalition.members.organizations.stages import STAGE_ORDER
from coalition.members.people.models import Person, PersonLanguage
from coalition.members.sectors import PRELOADED_SECTORS, Sector, active_sectors
from coalition.web.i18n import _l, _ln

# --- The pipeline ----------------------------------------------------------------------


@dataclass(frozen=True)
class PipelineFilters:
    """Whose relationships, which sector, which stage."""

    owner_id: int | None = None
    sector_id: int | None = None
    stage: str = ""


def _filtered(query, filters, *, with_stage=True):
    if filters.owner_id:
        query = query.where(Organization.owner_id == filters.owner_id)
    if filters.sector_id:
        query = query.where(Organization.sectors.any(Sector.id == filters.sector_id))
    if with_stage and filters.stage:
        query = query.where(Organization.status == filters.stage)
    return query


def overdue_clause(today):
    """Still being recruited, with a follow-up date already past."""
    return and_(Organization.follow_up_on < today, Organization.status.in_(PIPELINE_STATUSES))


def pipeline_page(filters, today, *, page=1):
    """Organizations in the pipeline, overdue follow-ups first, then by stage and date."""
    query = _filtered(db.select(Organization), filters).order_by(
        case((overdue_clause(today), 0), else_=1),
        STAGE_ORDER,
        Organization.follow_up_on.is_(None),
        Organization.follow_up_on,
        func.lower(Organization.name),
    )
    offset = (page - 1) * PAGE_SIZE
    organizations = db.session.scalars(with_summary(query).limit(PAGE_SIZE).offset(offset)).all()
    return organizations, count_rows(query)


def stage_counts(filters, today):
    """{stage: number of organizations} and the number overdue, under the same filters."""
    query = _filtered(
        db.select(Organization.status, func.count()), filters, with_stage=False
    ).group_by(Organization.status)
    counts = dict(db.session.execute(query).all())
    overdue = db.session.scalar(
        _filtered(db.select(func.count(Organization.id)), filters, with_stage=False).where(
            overdue_clause(today)
        )
    )
    return counts, overdue


def relationship_owners(visible):
    """People who own a relationship, by name, among those `visible` (an authz clause) allows."""
    owners = db.select(Organization.owner_id).where(Organization.owner_id.is_not(None))
    return db.session.scalars(
        db.select(Person).where(Person.id.in_(owners), visible).order_by(Person.name)
    ).all()


# --- Representation --------------------------------------------------------------------


@dataclass(frozen=True)
class SectorStanding:
    """One sector against its target."""

    sector: Sector
    active: int
    in_pipeline: int

    @property
    def target(self):
        return self.sector.target_active

    @property
    def gap(self):
        return max(self.target - self.active, 0)


@dataclass(frozen=True)
class LanguageCoverage:
    code: str
    name: str
    organizations: int
    people: int


def sector_standings():
    """Every sector in use: its target, how many partners are active and how many coming."""
    rows = db.session.execute(
        db.select(organization_sector.c.sector_id, Organization.status, func.count())
        .join(Organization, Organization.id == organization_sector.c.organization_id)
        .group_by(organization_sector.c.sector_id, Organization.status)
    ).all()
    active, coming = {}, {}
    for sector_id, status, count in rows:
        if status == STATUS_ACTIVE:
            active[sector_id] = count
        elif status in PIPELINE_STATUSES:
            coming[sector_id] = coming.get(sector_id, 0) + count
    return [
        SectorStanding(sector, active.get(sector.id, 0), coming.get(sector.id, 0))
        for sector in active_sectors()
    ]


def languages_covered():
    """Languages active partners serve in and members speak, by name."""
    served = dict(
        db.session.execute(
            db.select(OrganizationLanguage.code, func.count())
            .join(Organization, Organization.id == OrganizationLanguage.organization_id)
            .where(Organization.status == STATUS_ACTIVE)
            .group_by(OrganizationLanguage.code)
        ).all()
    )
    spoken = dict(
        db.session.execute(
            db.select(PersonLanguage.code, func.count())
            .join(Person, Person.id == PersonLanguage.person_id)
            .where(Person.deactivated_at.is_(None))
            .group_by(PersonLanguage.code)
        ).all()
    )
    coverage = [
        LanguageCoverage(code, language_name(code), served.get(code, 0), spoken.get(code, 0))
        for code in set(served) | set(spoken)
    ]
    return sorted(coverage, key=lambda language: language.name.casefold())


def lived_experience_count():
    """How many people in the coalition said they have lived experience."""
    return db.session.scalar(
        db.select(func.count(Person.id)).where(
            Person.lived_experience.is_(True), Person.deactivated_at.is_(None)
        )
    )


# --- Sectors ---------------------------------------------------------------------------


def all_sectors():
    """Every sector, retired ones included, by name."""
    sectors = db.session.scalars(db.select(Sector)).all()
    return sorted(sectors, key=lambda sector: (sector.is_retired, sector.display_name.casefold()))


def sector_usage():
    """{sector id: number of organizations in it}."""
    return dict(
        db.session.execute(
            db.select(organization_sector.c.sector_id, func.count()).group_by(
                organization_sector.c.sector_id
            )
        ).all()
    )


def _refuse_taken_name(sector, name):
    other = db.session.scalar(
        db.select(Sector.id).where(func.lower(Sector.name) == name.strip().lower())
    )
    if other is not None and other != sector.id:
        raise ActionRefused(_l("Another sector already has this name."), field="name")


def add_sector(name, target_active):
    """Add a sector for the coalition to recruit from."""
    sector = Sector(name=name, target_active=target_active)
    _refuse_taken_name(sector, name)
    db.session.add(sector)
    db.session.flush()
    return sector


def update_sector(sector, name, target_active, version):
    """Rename a sector or change its target, edited from `version`; a newer save refuses it."""
    if str(sector.version) != str(version):
        raise EditConflict(sector)
    _refuse_taken_name(sector, name)
    sector.name = name
    sector.target_active = target_active
    db.session.flush()


def retire_sector(sector):
    """Stop offering a sector; organizations keep it, the representation page drops it."""
    sector.retired_at = sector.retired_at or utcnow()
    db.session.flush()


def restore_sector(sector):
    """Offer a retired sector again."""
    sector.retired_at = None
    db.session.flush()


def delete_sector(sector):
    """Delete a sector no organization uses; one in use can only be retired."""
    used = sector_usage().get(sector.id, 0)
    if used:
        raise ActionRefused(
            _ln(
                "%(num)d organization is in this sector, so it cannot be deleted. "
                "Retire it instead.",
                "%(num)d organizations are in this sector, so it cannot be deleted. "
                "Retire it instead.",
                used,
            )
        )
    db.session.delete(sector)
    db.session.flush()


def ensure_preloaded_sectors():
    """Add any preloaded sector that is missing (matched by key); return how many were added."""
    keys = set(db.session.scalars(db.select(Sector.key).where(Sector.key.is_not(None))))
    names = {name.lower() for name in db.session.scalars(db.select(Sector.name))}
    added = 0
    for key, stored, _shown in PRELOADED_SECTORS:
        if key in keys or stored.lower() in names:
            continue
        db.session.add(Sector(key=key, name=stored, target_active=1))
        added += 1
    db.session.flush()
    return added
