"""Who may do what: the one place views and templates ask.

Views load the object first (404 when it does not exist), then ask a predicate here
(403 when refused). Templates receive this module as `authz` and ask the same questions,
so a link is shown exactly when following it is allowed.
"""

from functools import wraps

from flask import abort
from flask_login import current_user

from coalition.extensions import db, login_manager
from coalition.members.models import ROLE_COORDINATOR


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


def can_view_contact(viewer, person):
    """Email and phone: coordinators and the person (consented sharing comes with members)."""
    return is_coordinator(viewer) or (is_member(viewer) and viewer.id == person.id)


def can_view_sensitive(viewer, person):
    """Lived experience and access needs: coordinators and the person only."""
    return is_coordinator(viewer) or (is_member(viewer) and viewer.id == person.id)


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
