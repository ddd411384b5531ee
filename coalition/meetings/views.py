"""Meetings' home: upcoming meetings (a list or a month), a meeting's page, and the blueprint
every sub-feature's pages nest under."""

from datetime import UTC, datetime, timedelta

from flask import Blueprint, abort, render_template, request
from flask_login import current_user

from coalition.meetings import access as meetings_access
from coalition.meetings import changes, display, queries
from coalition.meetings.calendar.views import bp as calendar_bp
from coalition.meetings.models import Meeting
from coalition.meetings.monthview import month_grid, neighbours, parse_month
from coalition.meetings.record.views import bp as record_bp
from coalition.meetings.rsvp import access as rsvp_access
from coalition.meetings.rsvp import meeting_invitations
from coalition.meetings.rsvp.organizer_views import bp as invitations_bp
from coalition.meetings.rsvp.views import bp as rsvp_bp
from coalition.meetings.series.views import bp as series_bp
from coalition.web import authz

# No prefix: the sub-features' blueprints keep their own URLs (/rsvp, /feeds, /account...).
bp = Blueprint("meetings", __name__)
bp.register_blueprint(series_bp)
bp.register_blueprint(calendar_bp)
bp.register_blueprint(rsvp_bp)
bp.register_blueprint(invitations_bp)
bp.register_blueprint(record_bp)
display.register(bp)
changes.register(bp)
UPCOMING_DAYS = 90
PAST_SHOWN = 6


def _visible(meeting):
    """Visible to the viewer, and of the committee asked for (?committee=ID) if any."""
    wanted = request.args.get("committee", type=int)
    if wanted is not None and meeting.committee_id != wanted:
        return False
    return meetings_access.can_view_meeting(current_user, meeting)


@bp.route("/meetings/")
@authz.require(authz.can_view_workspace)
def index():
    """Upcoming meetings as a list, or one month as a calendar grid."""
    if request.args.get("view") == "month":
        month = parse_month(request.args.get("month"))
        if month is None:
            abort(404)
        start, end = month
        occurrences = queries.occurrences_between(start, end, visible_to=_visible)
        prev_month, next_month = neighbours(start)
        return render_template(
            "meetings/month.html",
            grid=month_grid(start, occurrences),
            month=start,
            prev_month=prev_month,
            next_month=next_month,
        )
    now = datetime.now(UTC)
    occurrences = queries.occurrences_between(
        now, now + timedelta(days=UPCOMING_DAYS), visible_to=_visible
    )
    return render_template(
        "meetings/index.html",
        occurrences=occurrences,
        days=UPCOMING_DAYS,
        committees=queries.schedulable_committees(current_user, all_committees=True),
        chosen=request.args.get("committee", type=int),
    )


@bp.route("/meetings/<int:meeting_id>")
@authz.require(authz.is_member)
def detail(meeting_id):
    """A meeting's page: when, where, agenda, its next occurrences, calendar choices."""
    meeting = authz.load_and_check(Meeting, meeting_id, meetings_access.can_view_meeting)
    now = datetime.now(UTC)
    upcoming = queries.meeting_occurrences(meeting, after=now)[:12]
    past = queries.past_dates(meeting, now)[::-1]
    all_past = request.args.get("past") == "all"
    mine = [
        invitation
        for invitation in meeting_invitations.invitations_of(meeting)
        if rsvp_access.can_answer_for(current_user, invitation)
    ]
    return render_template(
        "meetings/detail.html",
        meeting=meeting,
        upcoming=upcoming,
        past=past if all_past else past[:PAST_SHOWN],
        more_past=len(past) - PAST_SHOWN if not all_past else 0,
        mine=mine,
    )
