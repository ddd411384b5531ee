"""Who brings people and organizations in from spreadsheets (DESIGN.md section 4), asked
through the mechanism in `coalition/web/authz.py`."""

from coalition.web.authz import is_coordinator


def can_import(user):
    """Bring people and organizations in from a spreadsheet."""
    return is_coordinator(user)
