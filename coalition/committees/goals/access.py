"""Who reads, sets and moves goals forward."""

from coalition.committees.access import can_manage_committee, can_view_committee, is_chair_of
from coalition.web.authz import is_coordinator, is_member


def can_view_goals(user):
    return is_member(user)


def can_view_goal(viewer, goal):
    if goal.committee is None:
        return is_member(viewer)
    return can_view_committee(viewer, goal.committee)


def can_create_goal(viewer, committee=None):
    """Coordinators anywhere; chairs for their own committee."""
    if committee is None:
        return is_coordinator(viewer)
    return can_manage_committee(viewer, committee)


def can_manage_goal(viewer, goal):
    """Edit, achieve or drop: coordinators and chairs of the goal's committee."""
    return is_coordinator(viewer) or is_chair_of(viewer, goal.committee)


def can_record_progress(viewer, goal):
    """Progress updates and milestones: as can_manage_goal, and the goal's owner."""
    return can_manage_goal(viewer, goal) or (is_member(viewer) and goal.owner_id == viewer.id)
