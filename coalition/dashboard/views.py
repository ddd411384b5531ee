"""The home page: what needs the viewer's attention, from every area."""

from datetime import UTC, datetime, timedelta

from flask import Blueprint, render_template
from flask_login import current_user
from sqlalchemy import text

from coalition.committees.goals import access as goals_access
from coalition.committees.goals.services import board
from coalition.core.extensions import db
from coalition.core.timezones import coalition_date
from coalition.meetings import access as meetings_access
from coalition.meetings.queries import occurrences_between
from coalition.meetings.record.actions import open_items_of
from coalition.members.people.services import affiliations_of
from coalition.members.recruitment import access as recruitment_access
from coalition.members.recruitment.representation import sector_standings
from coalition.messaging.review.services import waiting_for as drafts_waiting_for
from coalition.timeline.queries import latest as latest_entries

bp = Blueprint("dashboard", __name__)


@bp.route("/")
def home():
    """Logged in: the dashboard. Otherwise: a welcome page that leads to the login."""
    if not current_user.is_authenticated:
        return render_template("dashboard/welcome.html")
    entries = latest_entries(current_user, limit=5)
    now = datetime.now(UTC)
    upcoming = occurrences_between(
        now,
        now + timedelta(days=60),
        include_cancelled=False,
        visible_to=lambda meeting: meetings_access.can_view_meeting(current_user, meeting),
    )[:5]
    gaps = []
    if recruitment_access.can_view_recruitment(current_user):
        gaps = [standing for standing in sector_standings() if standing.gap]
    return render_template(
        "dashboard/home.html",
        entries=entries,
        upcoming=upcoming,
        affiliations=affiliations_of(current_user),
        gaps=gaps,
        action_items=open_items_of(current_user),
        drafts_to_review=drafts_waiting_for(current_user),
        goals_at_risk=_goals_at_risk(coalition_date(now)),
        today=coalition_date(now),
    )


def _goals_at_risk(today):
    """Goals the viewer sees that are overdue or stalled, computed from their dates."""
    return [
        goal
        for goal in board()
        if (goal.is_overdue(today) or goal.is_stalled(today))
        and goals_access.can_view_goal(current_user, goal)
    ]


@bp.route("/healthz")
def healthz():
    """Liveness and database check for load balancers and monitors."""
    db.session.execute(text("SELECT 1"))
    return "ok\n", 200, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}
