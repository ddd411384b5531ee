"""How the timeline shows entries about organizations (registered when the app starts)."""

from flask import url_for

from coalition.core.extensions import db
from coalition.members.organizations import access as organizations_access
from coalition.members.organizations.models import Organization
from coalition.timeline.sources import SourceLink, SourceResolver, register_source


class OrganizationSource(SourceResolver):
    """Organizations on the timeline: titles, links and who may see them, one query each."""

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


def register_organization_source(state=None):
    """Teach the timeline about organizations (called once, when the blueprint registers)."""
    register_source("organization", OrganizationSource())
