"""Goals: create, edit (stale saves refused), progress, milestones, achieve or drop."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import selectinload

from coalition.committees.goals.models import (
    GOAL_ACHIEVED,
    GOAL_ACTIVE,
    GOAL_DROPPED,
    GOAL_PROPOSED,
    Goal,
    GoalUpdate,
    Milestone,
)
from coalition.core.errors import ActionRefused, EditConflict
from coalition.core.extensions import db
from coalition.timeline.services import record_event
from coalition.web.i18n import _l


@dataclass
class GoalData:
    title: str
    why: str
    target_date: date | None
    owner_id: int | None
    indicator: str | None
    indicator_target: int | None


def create_goal(data, committee, actor, status=GOAL_ACTIVE):
    goal = Goal(committee=committee, status=status, **vars(data))
    db.session.add(goal)
    db.session.flush()
    return goal


def update_goal(goal, data, version, actor):
    """Save an edit made from `version`; a newer saved version refuses it (EditConflict)."""
    if str(goal.version) != str(version):
        raise EditConflict(goal)
    for name, value in vars(data).items():
        setattr(goal, name, value)
    db.session.flush()
    return goal


def record_progress(goal, value, recorded_on, note, actor):
    if not goal.has_indicator:
        raise ActionRefused(_l("This goal is tracked by milestones."), field="value")
    update = GoalUpdate(value=value, recorded_on=recorded_on, note=note, recorded_by_id=actor.id)
    goal.updates.append(update)
    db.session.flush()
    return update


def add_milestone(goal, title):
    milestone = Milestone(title=title)
    goal.milestones.append(milestone)
    db.session.flush()
    return milestone


def complete_milestone(milestone, on):
    milestone.done_on = milestone.done_on or on
    db.session.flush()


TIMELINE_KINDS = {GOAL_ACHIEVED: "win", GOAL_DROPPED: "setback"}


def change_status(goal, status, on, actor):
    """Activate, achieve or drop; achieving and dropping write a timeline entry once."""
    allowed = {
        GOAL_PROPOSED: (GOAL_ACTIVE, GOAL_DROPPED),
        GOAL_ACTIVE: (GOAL_ACHIEVED, GOAL_DROPPED),
        GOAL_ACHIEVED: (),
        GOAL_DROPPED: (GOAL_ACTIVE,),
    }
    if status not in allowed[goal.status]:
        raise ActionRefused(_l("A goal cannot move to that status from where it is."))
    goal.status = status
    db.session.flush()
    if status in TIMELINE_KINDS:
        # The event, not a sentence: the timeline writes it in each reader's language.
        record_event(
            TIMELINE_KINDS[status],
            on,
            source=("goal", goal.id, goal.title),
            event=status,
            actor=actor,
        )
    return goal


def board(committee_id=None):
    """Goals (optionally one committee's) with their updates and milestones, open ones first."""
    query = (
        db.select(Goal)
        .options(
            selectinload(Goal.updates),
            selectinload(Goal.milestones),
            selectinload(Goal.committee),
            selectinload(Goal.owner),
        )
        .order_by(Goal.target_date.is_(None), Goal.target_date, Goal.id)
    )
    if committee_id is not None:
        query = query.where(Goal.committee_id == committee_id)
    goals = db.session.scalars(query).all()
    return sorted(goals, key=lambda goal: not goal.is_open)
