"""The recruitment pipeline, and the sectors coordinators add, rename, retire and delete."""

from dataclasses import dataclass

from sqlalchemy import and_, case, func

from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused, EditConflict
from coalition.core.extensions import db
from coalition.core.matching import other_with_name
from coalition.members.listing import PAGE_SIZE, count_rows
from coalition.members.organizations.models import (
    PIPELINE_STATUSES,
    Organization,
    organization_sector,
)
from coalition.members.organizations.services import with_summary
from coalition.members.organizations.stages import STAGE_ORDER
from coalition.members.people.models import Person
from coalition.members.sectors import Sector
from coalition.web.i18n import _l, _ln, collation_key

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
        Organization.name_search,
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
        db.select(Person)
        .where(Person.id.in_(owners), visible)
        .order_by(Person.name_search, Person.id)
    ).all()


# --- Sectors ---------------------------------------------------------------------------


def all_sectors():
    """Every sector, retired ones included, by name."""
    sectors = db.session.scalars(db.select(Sector)).all()
    return sorted(
        sectors, key=lambda sector: (sector.is_retired, collation_key(sector.display_name))
    )


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
    names = db.session.execute(db.select(Sector.id, Sector.name))
    if other_with_name(names, name, sector.id) is not None:
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
