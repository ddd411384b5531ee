"""How the timeline shows entries about organizations and offers them to credit, and the
funder report's members and sectors (registered when the app starts)."""

from flask import url_for

from coalition.core.extensions import db
from coalition.members.organizations import access as organizations_access
from coalition.members.organizations.models import STATUS_ACTIVE, Organization
from coalition.members.people.models import Person
from coalition.members.recruitment.representation import sector_standings
from coalition.timeline.report import ReportSection, register_report_section
from coalition.timeline.sources import SourceLink, SourceResolver, register_source
from coalition.web.i18n import _l, _ln


class OrganizationSource(SourceResolver):
    """Organizations on the timeline: titles, links and who may see them, one query each."""

    label = _l("Organization")

    def visible_ids(self, ids, viewer):
        if not organizations_access.can_view_organizations(viewer):
            return set()
        return set(db.session.scalars(db.select(Organization.id).where(Organization.id.in_(ids))))

    def links(self, ids):
        rows = db.session.execute(
            db.select(Organization.id, Organization.name).where(Organization.id.in_(ids))
        ).all()
        return {
            organization_id: SourceLink(
                name, url_for("members.organizations.detail", organization_id=organization_id)
            )
            for organization_id, name in rows
        }

    def choices(self, viewer):
        if not organizations_access.can_view_organizations(viewer):
            return []
        query = db.select(Organization.id, Organization.name).order_by(Organization.name_search)
        return list(db.session.execute(query))


def members_report(viewer, start, end):
    """Members and the sectors their organizations represent, as of today (counts only)."""
    if not organizations_access.can_view_organizations(viewer):
        return None
    active = db.session.scalar(
        db.select(db.func.count(Organization.id)).where(Organization.status == STATUS_ACTIVE)
    )
    people = db.session.scalar(db.select(db.func.count(Person.id)).where(Person.is_active))
    standings = [s for s in sector_standings() if s.active or s.target]
    return ReportSection(
        title=str(_l("Members and the sectors they represent")),
        headers=[str(_l("Sector")), str(_l("Active organizations")), str(_l("Target"))],
        rows=[[s.sector.display_name, str(s.active), str(s.target)] for s in standings],
        summary=[
            str(
                _ln(
                    "%(num)d active partner organization",
                    "%(num)d active partner organizations",
                    active,
                )
            ),
            str(_ln("%(num)d member", "%(num)d members", people)),
        ],  # fmt: skip
        empty=str(_l("No sectors yet.")),
    )


def register_organization_source(state=None):
    """Teach the timeline about organizations (called once, when the blueprint registers)."""
    register_source("organization", OrganizationSource())
    register_report_section("members", 20, members_report)
