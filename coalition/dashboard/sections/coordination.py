"""What runs the coalition: goals at risk, sectors missing, follow-ups due, participants'
new feedback and email that could not be delivered. Each card only for those who may see
what it lists."""

from dataclasses import dataclass

from sqlalchemy import case, func

from coalition.committees.goals import access as goals_access
from coalition.committees.goals.services import board
from coalition.core.extensions import db
from coalition.feedback import access as feedback_access
from coalition.feedback.models import FEEDBACK_RECEIVED, Feedback
from coalition.members.organizations.models import PIPELINE_STATUSES, Organization
from coalition.members.recruitment import access as recruitment_access
from coalition.members.recruitment.representation import sector_standings
from coalition.outbox import access as outbox_access
from coalition.outbox.models import STATUS_FAILED, OutboxEmail
from coalition.web.authz import is_coordinator

SHOWN = 5


@dataclass(frozen=True)
class Counted:
    """The first few of a list, and how many it holds."""

    shown: list
    count: int


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
    coordinators (the reader's own first), else the reader's own. None: no card."""
    query = db.select(Organization).where(
        Organization.follow_up_on <= today, Organization.status.in_(PIPELINE_STATUSES)
    )
    if is_coordinator(viewer):
        own_first = case((Organization.owner_id == viewer.id, 0), else_=1)
        query = query.order_by(own_first)
    else:
        query = query.where(Organization.owner_id == viewer.id)
    found = db.session.scalars(
        query.options(db.joinedload(Organization.owner))
        .order_by(Organization.follow_up_on, Organization.name)
        .limit(SHOWN)
    ).all()
    if not found and not is_coordinator(viewer):
        return None
    return found


def new_feedback(viewer):
    """Participants' notes nobody has answered yet, newest first (None: no card)."""
    if not feedback_access.can_read_feedback(viewer):
        return None
    waiting = Feedback.status == FEEDBACK_RECEIVED
    count = db.session.scalar(db.select(func.count(Feedback.id)).where(waiting))
    shown = db.session.scalars(
        db.select(Feedback).where(waiting).order_by(Feedback.id.desc()).limit(SHOWN)
    ).all()
    return Counted(shown, count)


def failed_emails(viewer):
    """Email the outbox gave up on, newest first (None: no card)."""
    if not outbox_access.can_view_outbox(viewer):
        return None
    failed = OutboxEmail.status == STATUS_FAILED
    count = db.session.scalar(db.select(func.count(OutboxEmail.id)).where(failed))
    shown = db.session.scalars(
        db.select(OutboxEmail)
        .where(failed)
        .order_by(OutboxEmail.created_at.desc(), OutboxEmail.id.desc())
        .limit(SHOWN)
    ).all()
    return Counted(shown, count)
