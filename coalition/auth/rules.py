"""Who manages accounts (`auth/access.py` already names the invitation and reset links)."""

from coalition.web.authz import is_coordinator


def can_manage_accounts(user):
    """Change roles, deactivate and reactivate accounts."""
    return is_coordinator(user)


def can_invite(viewer, person):
    """Send or resend an account invitation to a person."""
    return is_coordinator(viewer)
