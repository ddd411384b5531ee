"""Who reads and corrects the operating guidelines."""

from coalition.web.authz import is_coordinator, is_member


def can_view_guidelines(user):
    return is_member(user)


def can_edit_guidelines(user):
    """Editorial corrections and new sections: coordinators only (the rest goes by proposal)."""
    return is_coordinator(user)
