"""The home page: what needs the reader, from every area; and the reader's own lists.

Each card's data comes from one function in `sections/`; this module only assembles them,
so a card can be read, tested and changed on its own.
"""

from datetime import UTC, datetime

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import text

from coalition.core.extensions import db
from coalition.core.timezones import coalition_date
from coalition.dashboard.sections import coordination, work
from coalition.dashboard.sections.meetings import meeting_cards
from coalition.meetings import access as meetings_access
from coalition.meetings import queries
from coalition.meetings.rsvp import answers as answering
from coalition.meetings.rsvp import doors
from coalition.meetings.rsvp.forms import ChoiceForm
from coalition.meetings.rsvp.limits import per_account, per_client
from coalition.members.people.services import affiliations_of
from coalition.timeline.queries import latest as latest_entries
from coalition.web import authz
from coalition.web.form_cycle import submit

bp = Blueprint("dashboard", __name__)


@bp.route("/")
def home():
    """Logged in: what needs the reader. Otherwise: a welcome page that leads to the login."""
    if not current_user.is_authenticated:
        return render_template("dashboard/welcome.html")
    reader = current_user._get_current_object()
    now = datetime.now(UTC)
    today = coalition_date(now)
    return render_template(
        "dashboard/home.html",
        meetings=meeting_cards(reader, now),
        organizes=meetings_access.can_schedule_meeting(reader),
        drafts_to_review=work.drafts_to_review(reader),
        proposals=work.proposals_without_position(reader, now),
        action_items=work.action_items(reader),
        join_requests=work.join_requests(reader),
        goals_at_risk=coordination.goals_at_risk(reader, today),
        gaps=coordination.sector_gaps(reader),
        follow_ups=coordination.follow_ups_due(reader, today),
        feedback=coordination.new_feedback(reader),
        failed_emails=coordination.failed_emails(reader),
        affiliations=affiliations_of(reader),
        entries=latest_entries(reader, limit=5),
        today=today,
    )


@bp.route("/my/action-items")
@authz.require(authz.is_member)
def action_items():
    """Every open action item the reader owns, soonest due first."""
    return render_template(
        "dashboard/action_items.html",
        action_items=work.all_action_items(current_user),
        today=coalition_date(datetime.now(UTC)),
    )


@bp.route("/my/invitations/<int:invitation_id>/dates/<key>", methods=["POST"])
@per_account
@per_client
@authz.require(authz.is_member)
def answer(invitation_id, key):
    """One click from the home page: yes, maybe or no for one date, as the RSVP page records
    it (the same confirmation email, the same row the organizers read)."""
    door = doors.by_session(invitation_id)
    occurrence = queries.date_of(door.invitation.meeting, key)
    if occurrence is None:
        abort(404)
    form = ChoiceForm()
    if not form.validate_on_submit():
        flash(_("Choose yes, maybe or no."), "error")
    else:
        submit(
            None,
            lambda: answering.record_choice(door.invitation, occurrence, form.answer.data,
                                             link=door.change, answered_by=door.answered_by),
            success=_("Your answer for %(title)s is saved. A confirmation is on its way by email.",
                      title=door.invitation.meeting.title),
        )  # fmt: skip
    return redirect(url_for(".home"))  # the top of the page, where the confirmation shows


@bp.route("/healthz")
def healthz():
    """Liveness and database check for load balancers and monitors."""
    db.session.execute(text("SELECT 1"))
    return "ok\n", 200, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}
