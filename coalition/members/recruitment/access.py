"""Who reads the pipeline and representation, and who manages sectors (DESIGN.md section 4),
asked through the mechanism in `coalition/web/authz.py`. Moving an organization's stage is
organizations' rule (`can_move_stage`)."""

from coalition.web.authz import is_coordinator, is_member


def can_view_recruitment(user):
    """The pipeline and the representation page: every member."""
    return is_member(user)


def can_manage_sectors(user):
    """Add, rename, retire sectors and set their targets."""
    return is_coordinator(user)
