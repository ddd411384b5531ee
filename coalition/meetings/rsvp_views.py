"""The page behind an invitee's personal link: the meeting, without an account.

Answering (yes, maybe, no, headcount, needs) arrives with the RSVP issue; the page already
shows the meeting in its own zone and offers its calendar file.
"""

from flask import Blueprint, abort, render_template, request

from coalition.meetings import calendar, ical, queries
from coalition.meetings.calendar_views import ics_response
from coalition.meetings.models import MeetingInvitation
from coalition.tokens import PURPOSE_MEETING_INVITATION, find_token

bp = Blueprint("rsvp", __name__, url_prefix="/rsvp")


@bp.after_request
def protect_token_pages(response):
    """The URL is a personal secret: no referrer, no caching."""
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


def _invitation(token):
    found = find_token(PURPOSE_MEETING_INVITATION, token)
    if found is None or found.object_type != MeetingInvitation.__tablename__:
        abort(404)
    invitation = queries.invitation_with_meeting(found.object_id)
    if invitation is None:
        abort(404)
    return invitation


@bp.route("/<token>")
def page(token):
    """The invited meeting: when (in its zone), where, how to join, add to calendar."""
    invitation = _invitation(token)
    meeting = invitation.meeting
    upcoming = queries.meeting_occurrences(meeting, after=queries.now())[:12]
    return render_template(
        "meetings/invitation_page.html",
        invitation=invitation,
        meeting=meeting,
        upcoming=upcoming,
        token=token,
        show_local=request.args.get("zone") == "mine",
    )


@bp.route("/<token>/calendar.ics")
def calendar_file(token):
    """The whole series as a calendar file, for this invitee."""
    invitation = _invitation(token)
    meeting = invitation.meeting
    exceptions = queries.exceptions_by_meeting([meeting.id])[meeting.id]
    data = ical.build_calendar(calendar.series_events(meeting, exceptions))
    return ics_response(data, f"meeting-{meeting.id}.ics")
