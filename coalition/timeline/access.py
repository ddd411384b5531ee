"""Who reads the timeline."""

from coalition.web.authz import is_member


def can_view_timeline(user):
    """Timeline entries; entries linked to hidden sources are filtered by the timeline."""
    return is_member(user)
