"""Who reads and who keeps the list of terms the language check flags."""

from coalition.web.authz import is_coordinator, is_member


def can_read_language_terms(user):
    """Every member may read the list and check a text against it."""
    return is_member(user)


def can_check_language(user):
    """The "check a text" page: any member."""
    return is_member(user)


def can_edit_language_terms(user):
    """Coordinators add, edit, deactivate and turn terms on again."""
    return is_coordinator(user)
