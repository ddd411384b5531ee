"""The page behind an invitee's personal link: the meeting, without an account.

The GET shows the meeting in its own zone and the answer form; only a POST records, since
mail scanners follow links. One link per invitee per series, reusable until it ends.
"""

from flask import (
    Blueprint,
    abort,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _

from coalition.errors import ActionRefused
from coalition.extensions import db
from coalition.meetings import calendar, ical, invitations, queries, rsvps
from coalition.meetings.calendar_views import ics_response
from coalition.meetings.forms import RsvpForm
from coalition.meetings.models import MeetingInvitation
from coalition.meetings.occurrences import parse_occurrence_key
from coalition.tokens import PURPOSE_MEETING_INVITATION, find_token
from coalition.urls import external_url

bp = Blueprint("rsvp", __name__, url_prefix="/rsvp")


@bp.after_request
def protect_token_pages(response):
    """The URL is a personal secret: no referrer, no caching."""
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


def _invitation(token):
    """The invitation behind a usable link; otherwise a page that says how to get a new one."""
    found = find_token(PURPOSE_MEETING_INVITATION, token)
    invitation = None
    if found is not None and found.object_type == MeetingInvitation.__tablename__:
        invitation = queries.invitation_with_meeting(found.object_id)
    if invitation is None:
        abort(make_response(render_template("meetings/rsvp_link_unusable.html"), 404))
    return invitation


@bp.route("/<token>")
def page(token):
    """The invited meeting in its zone, the answer form, and each date's answer."""
    invitation = _invitation(token)
    form = RsvpForm(formdata=None)
    answers = rsvps.answers_of(invitation)
    usual = rsvps.usual_answer(answers, _upcoming(invitation.meeting))
    if usual is not None:  # start from the answer most upcoming dates have
        form.answer.data, form.headcount.data = usual.answer, usual.headcount
        form.names.data, form.needs.data, form.note.data = usual.names, usual.needs, usual.note
    return _render_page(invitation, token, form, answers)


@bp.route("/<token>/calendar.ics")
def calendar_file(token):
    """The whole series as a calendar file, for this invitee."""
    invitation = _invitation(token)
    meeting = invitation.meeting
    exceptions = queries.exceptions_by_meeting([meeting.id])[meeting.id]
    data = ical.build_calendar(calendar.series_events(meeting, exceptions))
    return ics_response(data, f"meeting-{meeting.id}.ics")


def _link(token):
    return external_url("rsvp.page", token=token)


def _upcoming(meeting):
    return queries.meeting_occurrences(meeting, after=queries.now(), include_cancelled=True)[:24]


@bp.route("/<token>", methods=["POST"])
def answer_all(token):
    """Answer for every upcoming date at once (only a POST records: mail scanners GET)."""
    invitation = _invitation(token)
    form = RsvpForm()
    now = queries.now()
    upcoming = [o for o in _upcoming(invitation.meeting) if not o.cancelled]
    still_open = [o for o in upcoming if o.takes_answers(now)]
    if not still_open:  # a page left open past the last deadline
        flash(_("Answers are closed for every upcoming date. Nothing was changed."), "error")
        return redirect(url_for("rsvp.page", token=token))
    if form.validate_on_submit():
        try:
            rsvps.record_answer(invitation, still_open, _answer(form), link=_link(token))
        except ActionRefused as refused:
            db.session.rollback()
            getattr(form, refused.field or "answer").errors.append(str(refused.message))
        else:
            db.session.commit()
            flash(_saved_message(len(still_open) < len(upcoming)), "success")
            return redirect(url_for("rsvp.page", token=token))
    return _render_page(invitation, token, form), 200


def _saved_message(some_closed):
    if some_closed:
        return _(
            "Thank you: your answer is saved for every date still taking answers; dates whose "
            "answers have closed are unchanged. A confirmation is on its way by email."
        )
    return _(
        "Thank you: your answer is saved for every upcoming date. A confirmation "
        "is on its way by email."
    )


@bp.route("/<token>/dates/<key>", methods=["POST"])
def answer_one(token, key):
    """Change the answer for one date only."""
    invitation = _invitation(token)
    original = parse_occurrence_key(key)
    occurrence = next(
        (o for o in _upcoming(invitation.meeting) if o.original_start == original), None
    )
    if occurrence is None:
        abort(404)
    form = RsvpForm()
    if form.validate_on_submit():
        try:
            rsvps.record_answer(invitation, [occurrence], _answer(form), link=_link(token))
        except ActionRefused as refused:
            db.session.rollback()
            flash(str(refused.message), "error")
        else:
            db.session.commit()
            flash(_("Your answer for this date is saved."), "success")
    else:
        flash(_("Choose yes, maybe or no, and a number from 0 to 20."), "error")
    return redirect(url_for("rsvp.page", token=token))


@bp.route("/<token>/continuation", methods=["POST"])
def continuation(token):
    """The link of a split series opens the series it continues as, for the same invitee."""
    invitation = _invitation(token)
    following = queries.continuation_of(invitation)
    if following is None:
        abort(404)
    new_token = invitations.personal_token(following)
    db.session.commit()
    return redirect(url_for("rsvp.page", token=new_token))


def _answer(form):
    return rsvps.Answer(
        answer=form.answer.data,
        headcount=form.headcount.data or 0,
        names=form.names.data or "",
        needs=form.needs.data or "",
        note=form.note.data or "",
    )


def _render_page(invitation, token, form, answers=None):
    meeting = invitation.meeting
    now = queries.now()
    upcoming = _upcoming(meeting)
    answers = rsvps.answers_of(invitation) if answers is None else answers
    return render_template(
        "meetings/invitation_page.html",
        invitation=invitation,
        meeting=meeting,
        upcoming=upcoming,
        taking=[o for o in upcoming if o.takes_answers(now)],
        token=token,
        form=form,
        answers=answers,
        waitlist_places=rsvps.waitlist_places(meeting.id, answers.values()),
        continuation=queries.continuation_of(invitation),
        show_local=request.args.get("zone") == "mine",
        now=now,
    )
