"""Who sees and acts on the outbox."""

from coalition.web.authz import is_coordinator


def can_view_outbox(user):
    """The outbox's status, with bodies masked."""
    return is_coordinator(user)


def can_manage_outbox(user):
    """Retry or cancel queued email."""
    return is_coordinator(user)
