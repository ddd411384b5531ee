"""Representation: each sector against its target, the languages covered, and lived
experience taking part (shown as "fewer than 3" below 3 by the page)."""

from dataclasses import dataclass

from sqlalchemy import func

from coalition.core.extensions import db
from coalition.members.languages import language_name
from coalition.members.organizations.models import (
    PIPELINE_STATUSES,
    STATUS_ACTIVE,
    Organization,
    OrganizationLanguage,
    organization_sector,
)
from coalition.members.people.models import Person, PersonLanguage
from coalition.members.sectors import Sector, active_sectors
from coalition.web.i18n import sorted_by_name


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
            .where(Person.is_active)
            .group_by(PersonLanguage.code)
        ).all()
    )
    coverage = [
        LanguageCoverage(code, language_name(code), served.get(code, 0), spoken.get(code, 0))
        for code in set(served) | set(spoken)
    ]
    return sorted_by_name(coverage, name=lambda language: language.name)


def lived_experience_count():
    """How many people in the coalition said they have lived experience."""
    return db.session.scalar(
        db.select(func.count(Person.id)).where(Person.lived_experience.is_(True), Person.is_active)
    )
