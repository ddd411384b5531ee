"""Goals, coalition-wide or a committee's: indicator readings and milestones.

Who may see or change them is decided in coalition/committees/goals/access.py, never here.
"""

from datetime import timedelta

from coalition.core.dbtypes import UTCDateTime, one_of, utcnow
from coalition.core.extensions import db

GOAL_PROPOSED = "proposed"
GOAL_ACTIVE = "active"
GOAL_ACHIEVED = "achieved"
GOAL_DROPPED = "dropped"
GOAL_STATUSES = (GOAL_PROPOSED, GOAL_ACTIVE, GOAL_ACHIEVED, GOAL_DROPPED)
STALLED_AFTER = timedelta(days=30)


class Goal(db.Model):
    """A coalition-wide goal, or one owned by a committee, with an indicator or milestones."""

    __tablename__ = "goal"

    id = db.Column(db.Integer, primary_key=True)
    committee_id = db.Column(
        db.Integer, db.ForeignKey("committee.id", ondelete="CASCADE"), index=True
    )
    title = db.Column(db.String(200), nullable=False)
    why = db.Column(db.Text, nullable=False, default="")
    status = db.Column(db.String(10), nullable=False, default=GOAL_PROPOSED, index=True)
    target_date = db.Column(db.Date)
    owner_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    indicator = db.Column(db.String(200))  # "officers trained"; None: tracked by milestones
    indicator_target = db.Column(db.Integer)
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    version = db.Column(db.Integer, nullable=False)

    committee = db.relationship("Committee")
    owner = db.relationship("Person")
    updates = db.relationship(
        "GoalUpdate",
        cascade="all, delete-orphan",
        order_by="(GoalUpdate.recorded_on.desc(), GoalUpdate.id.desc())",
    )
    milestones = db.relationship("Milestone", cascade="all, delete-orphan", order_by="Milestone.id")

    __table_args__ = (one_of("status", GOAL_STATUSES),)
    __mapper_args__ = {"version_id_col": version}

    @property
    def has_indicator(self):
        return bool(self.indicator and self.indicator_target)

    @property
    def current_value(self):
        return self.updates[0].value if self.updates else 0

    @property
    def progress(self):
        """(done, of): indicator value and target, or milestones done and planned."""
        if self.has_indicator:
            return min(self.current_value, self.indicator_target), self.indicator_target
        return sum(1 for m in self.milestones if m.done_on), len(self.milestones)

    @property
    def is_open(self):
        return self.status in (GOAL_PROPOSED, GOAL_ACTIVE)

    def is_overdue(self, today):
        return self.is_open and self.target_date is not None and self.target_date < today

    def last_progress_on(self):
        dates = [u.recorded_on for u in self.updates[:1]]
        dates += [m.done_on for m in self.milestones if m.done_on]
        return max(dates) if dates else self.created_at.date()

    def is_stalled(self, today):
        """Active and no progress recorded for 30 days."""
        return self.status == GOAL_ACTIVE and today - self.last_progress_on() > STALLED_AFTER


class GoalUpdate(db.Model):
    """A dated reading of a goal's indicator."""

    __tablename__ = "goal_update"

    id = db.Column(db.Integer, primary_key=True)
    goal_id = db.Column(
        db.Integer, db.ForeignKey("goal.id", ondelete="CASCADE"), nullable=False, index=True
    )
    value = db.Column(db.Integer, nullable=False)
    note = db.Column(db.String(500), nullable=False, default="")
    recorded_on = db.Column(db.Date, nullable=False)
    recorded_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))

    recorded_by = db.relationship("Person")


class Milestone(db.Model):
    """A step towards a goal; done when it has a date."""

    __tablename__ = "milestone"

    id = db.Column(db.Integer, primary_key=True)
    goal_id = db.Column(
        db.Integer, db.ForeignKey("goal.id", ondelete="CASCADE"), nullable=False, index=True
    )
    title = db.Column(db.String(200), nullable=False)
    done_on = db.Column(db.Date)
