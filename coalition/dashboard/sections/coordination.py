"""What runs the coalition: goals at risk, sectors missing, follow-ups due, participants'
new feedback and email that could not be delivered. Each card only for those who may see
what it lists."""

from sqlalchemy import case

from coalition.committees.goals import access as goals_access
from coalition.committees.goals.services import board
from coalition.core.extensions import db
from coalition.dashboard.sections.counted import first_and_count
from coalition.feedback import access as feedback_access
from coalition.feedback.models import FEEDBACK_RECEIVED, Feedback
from coalition.members.organizations.models import PIPELINE_STATUSES, Organization
from coalition.members.recruitment import access as recruitment_access
from coalition.members.recruitment.representation import sector_standings
from coalition.outbox import access as outbox_access
from coalition.outbox.models import STATUS_FAILED, OutboxEmail
from coalition.web.authz import is_coordinator


def goals_at_risk(viewer, today):
    """Goals the reader sees that are overdue or stalled, computed from their dates."""
    return [
        goal
        for goal in board()
        if (goal.is_overdue(today) or goal.is_stalled(today))
        and goals_access.can_view_goal(viewer, goal)
    ]


def sector_gaps(viewer):
    """Sectors below their target of active organizations."""
    if not recruitment_access.can_view_recruitment(viewer):
        return []
    return [standing for standing in sector_standings() if standing.gap]


def follow_ups_due(viewer, today):
    """Organizations still being recruited whose follow-up date has come: every one for
    coordinators (the reader's own first), else the reader's own; the first few and how
    many. None: no card."""
    query = db.select(Organization).where(
        Organization.follow_up_on <= today, Organization.status.in_(PIPELINE_STATUSES)
    )
    order = (Organization.follow_up_on, Organization.name_search)
    if is_coordinator(viewer):
        order = (case((Organization.owner_id == viewer.id, 0), else_=1), *order)
    else:
        query = query.where(Organization.owner_id == viewer.id)
    found = first_and_count(query, order, options=(db.joinedload(Organization.owner),))
    if not found.count and not is_coordinator(viewer):
        return None
    return found


def new_feedback(viewer):
    """Participants' notes nobody has answered yet, newest first (None: no card)."""
    if not feedback_access.can_read_feedback(viewer):
        return None
    waiting = db.select(Feedback).where(Feedback.status == FEEDBACK_RECEIVED)
    return first_and_count(waiting, (Feedback.id.desc(),))


def failed_emails(viewer):
    """Email the outbox gave up on, newest first (None: no card)."""
    if not outbox_access.can_view_outbox(viewer):
        return None
    failed = db.select(OutboxEmail).where(OutboxEmail.status == STATUS_FAILED)
    return first_and_count(failed, (OutboxEmail.created_at.desc(), OutboxEmail.id.desc()))
