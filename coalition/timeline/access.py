"""Who reads, writes, edits and hides timeline entries."""

from coalition.web.authz import is_coordinator, is_member


def can_view_timeline(user):
    """Timeline entries; entries linked to hidden sources are filtered by the timeline."""
    return is_member(user)


def can_add_timeline_entry(user):
    """Every member may record a win, a loss, a milestone or a setback."""
    return is_member(user)


def can_edit_timeline_entry(user, entry):
    """The author and coordinators edit what people wrote; the tools' entries stay as written."""
    if entry.is_automatic or not is_member(user):
        return False
    return is_coordinator(user) or entry.created_by_id == user.id


def can_hide_timeline_entry(user, entry=None):
    """Coordinators hide an entry (with a reason) and show it again."""
    return is_coordinator(user)


def can_see_hidden_timeline_entries(user):
    """Hidden entries stay readable to coordinators, with why they were hidden."""
    return is_coordinator(user)
