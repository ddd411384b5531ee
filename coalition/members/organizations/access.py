"""Who sees and changes partner organizations, speaks for them, and moves their stage
(DESIGN.md section 4), asked through the mechanism in `coalition/web/authz.py`."""

from coalition.web.authz import is_coordinator, is_member


def delegate_organization_ids(user):
    """Ids of the organizations a person speaks for (primary delegate or alternate)."""
    if not is_member(user):
        return set()
    return {a.organization_id for a in user.affiliations if a.speaks_for_organization}


def is_delegate_of(user, organization):
    """The person is the organization's primary delegate or an alternate (staff are not)."""
    return organization.id in delegate_organization_ids(user)


def can_view_organizations(user):
    """The organizations directory and profiles: every member."""
    return is_member(user)


def can_view_organization(viewer, organization):
    """One organization's profile: every member (invitees later see only its name)."""
    return can_view_organizations(viewer)


def can_edit_organization(viewer, organization):
    """Coordinators, and the organization's own delegates."""
    return is_coordinator(viewer) or is_delegate_of(viewer, organization)


def can_manage_organizations(user):
    """Add organizations; set their sectors, owner and follow-up; name their people."""
    return is_coordinator(user)


def can_move_stage(viewer, organization):
    """Coordinators, and the member who owns the relationship with the organization."""
    if is_coordinator(viewer):
        return True
    return is_member(viewer) and organization.owner_id == viewer.id
