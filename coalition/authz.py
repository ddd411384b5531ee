"""Who may do what: the one place views and templates ask.

Views load the object first (404 when it does not exist), then ask a predicate here
(403 when refused). Templates receive this module as `authz` and ask the same questions,
so a link is shown exactly when following it is allowed.
"""

from functools import wraps

from flask import abort
from flask_login import current_user
from sqlalchemy import false, or_, true

from coalition.extensions import db, login_manager
from coalition.members.models import ROLE_COORDINATOR, Person

# Aggregate counts about people below this are shown as "fewer than 3" (DESIGN.md, section 4).
SMALLEST_SHOWN_COUNT = 3


def is_member(user):
    """Anyone logged in with an active account."""
    return bool(user and user.is_authenticated and user.is_active)


def is_coordinator(user):
    """Coordinators run the coalition and see everything."""
    return is_member(user) and user.role == ROLE_COORDINATOR


def can_manage_accounts(user):
    """Change roles, deactivate and reactivate accounts."""
    return is_coordinator(user)


def can_view_person(viewer, person):
    """Name and organization: coordinators, the person, and the consenting directory."""
    if not is_member(viewer):
        return False
    return is_coordinator(viewer) or viewer.id == person.id or person.directory_consent


def visible_people_clause(viewer):
    """can_view_person as an SQL condition on Person, for lists, searches and exports."""
    if is_coordinator(viewer):
        return true()
    if not is_member(viewer):
        return false()
    return or_(Person.directory_consent.is_(True), Person.id == viewer.id)


def can_view_contact(viewer, person):
    """Email and phone: coordinators, the person, and members where the person consented."""
    if is_coordinator(viewer) or (is_member(viewer) and viewer.id == person.id):
        return True
    return can_view_person(viewer, person) and person.contact_consent


def can_view_sensitive(viewer, person):
    """Lived experience and access needs: coordinators and the person only."""
    return is_coordinator(viewer) or (is_member(viewer) and viewer.id == person.id)


def can_edit_person(viewer, person):
    """A person edits their own profile; coordinators edit anyone's."""
    return can_view_sensitive(viewer, person)


def can_create_person(user):
    """Add someone to the coalition's records."""
    return is_coordinator(user)


def can_export_sensitive(viewer, person):
    """Sensitive fields leave the app only for a coordinator, and only if the person agreed."""
    return is_coordinator(viewer) and person.sensitive_export_consent


def can_show_people_count(count):
    """A count of people is shown as a number only from 3 up, so no one is singled out."""
    return count >= SMALLEST_SHOWN_COUNT


# --- Organizations, recruitment, import and export -----------------------------------


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


def can_view_recruitment(user):
    """The pipeline and the representation page: every member."""
    return is_member(user)


def can_manage_sectors(user):
    """Add, rename, retire sectors and set their targets."""
    return is_coordinator(user)


def can_import(user):
    """Bring people and organizations in from a spreadsheet."""
    return is_coordinator(user)


def can_export(user):
    """Download the list one sees (each row and field filtered as on the page)."""
    return is_member(user)


def can_view_directory(user):
    """The people list (what it shows is filtered by can_view_person)."""
    return is_member(user)


def can_view_timeline(user):
    """Timeline entries; entries linked to hidden sources are filtered by the timeline."""
    return is_member(user)


def can_view_workspace(user):
    """Committees, meetings and messaging areas (their objects add their own checks)."""
    return is_member(user)


def require(predicate):
    """View decorator: 403 unless predicate(current_user) holds.

    Anonymous visitors are sent to the login page instead, so an emailed link still works
    after logging in.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not predicate(current_user):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def get_or_404(model, object_id):
    """Load one object by primary key or answer 404."""
    obj = db.session.get(model, object_id)
    if obj is None:
        abort(404)
    return obj


def check(allowed):
    """Answer 403 unless allowed."""
    if not allowed:
        abort(403)


def load_and_check(model, object_id, predicate):
    """Load (404), then ask predicate(current_user, obj) (403); return the object."""
    obj = get_or_404(model, object_id)
    check(predicate(current_user, obj))
    return obj


def can_invite(viewer, person):
    """Send or resend an account invitation to a person."""
    return is_coordinator(viewer)


def can_view_outbox(user):
    """The outbox's status, with bodies masked."""
    return is_coordinator(user)


def can_manage_outbox(user):
    """Retry or cancel queued email."""
    return is_coordinator(user)


def can_schedule_meeting(user):
    """Create meetings (chairs for their committees arrive with committees)."""
    return is_coordinator(user)


def can_view_meeting(viewer, meeting):
    """Coalition-wide meetings are open to every member (committee meetings: later)."""
    return is_member(viewer)


def can_manage_meeting(viewer, meeting):
    """Change, move or cancel a meeting."""
    return is_coordinator(viewer)


def can_view_rsvp_names(viewer, meeting):
    """Who answered what, with names and needs: organizers (members see counts only)."""
    return can_manage_meeting(viewer, meeting)


def can_answer_for(viewer, invitation):
    """Answer an invitation while logged in: the invited person, or the invited
    organization's delegates (its primary delegate and alternates)."""
    if not is_member(viewer):
        return False
    if invitation.person_id is not None:
        return invitation.person_id == viewer.id
    return invitation.organization_id in delegate_organization_ids(viewer)
