"""Who reads and answers participants' feedback (anyone may write it)."""

from coalition.committees.access import advisory_committee_ids, committee_roles
from coalition.web.authz import is_coordinator, is_member


def can_read_feedback(user):
    """Notes and responses: coordinators and the participant advisory committee."""
    if is_coordinator(user):
        return True
    return is_member(user) and bool(set(committee_roles(user)) & advisory_committee_ids())
