"""The answer page of an invitation, through one of two doors.

An invitee's personal link (no account): the GET shows the meeting in its own zone and the
answer form; only a POST records, since mail scanners follow links. A link answers only
while the one it was sent to may answer (links.open_link). A logged-in invitee or
delegate opens the same page through their session: no link is minted for them.

Answers are rate-limited per link (or account) and per client address (limits.py). An
invitee who lost their link asks for it again here too (lost_links.py).
"""

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _

from coalition.auth.forms import ForgotPasswordForm
from coalition.core.extensions import limiter
from coalition.meetings import queries
from coalition.meetings.calendar import events, ical
from coalition.meetings.calendar.downloads import ics_response
from coalition.meetings.occurrences import parse_occurrence_key
from coalition.meetings.rsvp import answers as answering
from coalition.meetings.rsvp import doors, meeting_invitations, waitlist
from coalition.meetings.rsvp.forms import ChoiceForm, RsvpForm
from coalition.meetings.rsvp.limits import ANSWER_LIMITS, per_account, per_client, per_link
from coalition.meetings.rsvp.lost_links import send_lost_links
from coalition.meetings.rsvp.page_zone import choose_page_zone, zone_query
from coalition.members.people.models import normalize_email
from coalition.web import authz
from coalition.web.errorpages import limit_message, limit_page, render_error
from coalition.web.form_cycle import submit
from coalition.web.i18n import _l

bp = Blueprint("rsvp", __name__, url_prefix="/rsvp")


@bp.after_request
def protect_token_pages(response):
    """An invitee's URL may be a personal secret (and the lost-link page names an address):
    no referrer, no caching."""
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


@limit_page(*ANSWER_LIMITS)
def too_many_answers(error):
    """Past an answers' limit, on the RSVP pages or the home page's one-click answer: nothing
    was recorded; say so, and the way back to the invitation."""
    values = request.view_args or {}
    if "token" in values:
        doors.read_as_recipient_of(values["token"])
        back = url_for("meetings.rsvp.page", token=values["token"])
    elif "invitation_id" in values:
        back = url_for("meetings.rsvp.signed_in_page", invitation_id=values["invitation_id"])
    else:  # no invitation to go back to
        return render_error(429)
    return render_template("meetings/rsvp/too_many.html", back=back), 429


# --- Through the emailed link ------------------------------------------------------------


@bp.route("/<secret:token>")
def page(token):
    """The invited meeting in its zone, the answer form, and each date's answer."""
    return _show(doors.by_link(token))


@bp.route("/<secret:token>/calendar.ics")
def calendar_file(token):
    """The whole series as a calendar file, for this invitee."""
    meeting = doors.by_link(token).invitation.meeting
    exceptions = queries.exceptions_by_meeting([meeting.id])[meeting.id]
    data = ical.build_calendar(events.series_events(meeting, exceptions))
    return ics_response(data, f"meeting-{meeting.id}.ics")


@bp.route("/<secret:token>", methods=["POST"])
@per_link
@per_client
def answer_all(token):
    """Answer for every upcoming date at once (only a POST records: mail scanners GET)."""
    return _answer_all(doors.by_link(token))


@bp.route("/<secret:token>/dates/<key>", methods=["POST"])
@per_link
@per_client
def answer_one(token, key):
    """Change the answer for one date only."""
    return _answer_one(doors.by_link(token), key)


@bp.route("/<secret:token>/continuation", methods=["POST"])
@per_link
@per_client
def continuation(token):
    """The link of a split series opens the series it continues as, for the same recipient."""
    door = doors.by_link(token)
    following = queries.continuation_of(door.invitation)
    if following is None:
        abort(404)
    outcome = submit(None, lambda: meeting_invitations.personal_token(following, door.answered_by))
    return redirect(url_for(".page", token=outcome.result))


# --- Through the session -----------------------------------------------------------------


@bp.route("/invitations/<int:invitation_id>")
@authz.require(authz.is_member)
def signed_in_page(invitation_id):
    """The same page for a logged-in invitee or delegate."""
    return _show(doors.by_session(invitation_id))


@bp.route("/invitations/<int:invitation_id>", methods=["POST"])
@per_account
@per_client
@authz.require(authz.is_member)
def signed_in_answer_all(invitation_id):
    """Answer every upcoming date, logged in."""
    return _answer_all(doors.by_session(invitation_id))


@bp.route("/invitations/<int:invitation_id>/dates/<key>", methods=["POST"])
@per_account
@per_client
@authz.require(authz.is_member)
def signed_in_answer_one(invitation_id, key):
    """Change one date's answer, logged in."""
    return _answer_one(doors.by_session(invitation_id), key)


# --- The form cycle, the same through both doors -----------------------------------------


def _upcoming(meeting):
    return queries.meeting_occurrences(meeting, after=queries.now(), include_cancelled=True)[:24]


def _form(door, **kwargs):
    """The answer form, in the voice of the one invited: a person's "I", an organization's "we"."""
    return RsvpForm(for_organization=door.invitation.organization_id is not None, **kwargs)


def _show(door):
    invitation = door.invitation
    form = _form(door, formdata=None)
    answers = answering.answers_of(invitation)
    usual = answering.usual_answer(answers, _upcoming(invitation.meeting))
    if usual is not None:  # start from the answer most upcoming dates have
        form.answer.data, form.headcount.data = usual.answer, usual.headcount
        form.names.data, form.needs.data, form.note.data = usual.names, usual.needs, usual.note
    return _render_page(door, form, answers)


def _answer_all(door):
    form = _form(door)
    now = queries.now()
    upcoming = [o for o in _upcoming(door.invitation.meeting) if not o.cancelled]
    still_open = [o for o in upcoming if o.takes_answers(now)]
    if not still_open:  # a page left open past the last deadline
        flash(_("Answers are closed for every upcoming date. Nothing was changed."), "error")
        return redirect(_back(door))
    outcome = submit(
        form,
        lambda: _record(door, still_open, form),
        success=_saved_message(len(still_open) < len(upcoming)),
    )
    if outcome.done:
        return redirect(_back(door))
    return _render_page(door, form), 200


def _answer_one(door, key):
    original = parse_occurrence_key(key)
    occurrence = next(
        (o for o in _upcoming(door.invitation.meeting) if o.original_start == original), None
    )
    if occurrence is None:
        abort(404)
    form = ChoiceForm()
    if not form.validate_on_submit():
        flash(_("Choose yes, maybe or no."), "error")
        return redirect(_back(door))
    # One date's form sits beside the date on the page: any refusal is flashed above it.
    submit(
        None,
        lambda: answering.record_choice(
            door.invitation,
            occurrence,
            form.answer.data,
            link=door.change,
            answered_by=door.answered_by,
        ),
        success=_("Your answer for this date is saved."),
    )
    return redirect(_back(door))


def _back(door):
    """The answer page again, in the zone it was shown in."""
    return door.page_url + zone_query(request.args.get("zone"))


def _record(door, occurrences, form):
    answer = answering.Answer(
        answer=form.answer.data,
        headcount=form.headcount.data or 0,
        names=form.names.data or "",
        needs=form.needs.data or "",
        note=form.note.data or "",
    )
    answering.record_answer(
        door.invitation, occurrences, answer, link=door.change, answered_by=door.answered_by
    )


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


def _render_page(door, form, answers=None):
    invitation = door.invitation
    meeting = invitation.meeting
    now = queries.now()
    upcoming = _upcoming(meeting)
    answers = answering.answers_of(invitation) if answers is None else answers
    zone = choose_page_zone(meeting, request.args.get("zone"))
    return render_template(
        "meetings/rsvp/page.html",
        invitation=invitation,
        meeting=meeting,
        upcoming=upcoming,
        taking=[o for o in upcoming if o.takes_answers(now)],
        door=door,
        form=form,
        answers=answers,
        waitlist_places=waitlist.waitlist_places(meeting.id, answers.values()),
        continuation=queries.continuation_of(invitation),
        last_held=_last_held(meeting, upcoming, now),
        zone=zone.shown,
        own_zone=zone.own,
        zone_query=zone_query(request.args.get("zone")),
        now=now,
    )


def _last_held(meeting, upcoming, now):
    """The last date held, read only when no date is still to come (the page says it ended)."""
    if any(not occurrence.cancelled for occurrence in upcoming):
        return None
    held = queries.past_dates(meeting, now)
    return held[-1] if held else None


# --- A lost link ---------------------------------------------------------------------------


def _address_key():
    return "lost-link:" + (normalize_email(request.form.get("email")) or "")


limit_message(
    _l(
        "Links were asked for several times in a short while. Please wait before asking "
        "again, and look for the links already sent (check the spam folder too)."
    ),
    "lost-link-address",
    "lost-link-email",
)


@bp.route("/lost", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"], scope="lost-link-address")
@limiter.limit("3 per hour", methods=["POST"], key_func=_address_key, scope="lost-link-email")
def lost():
    """Ask for one's links again; the answer is the same whether the address is invited."""
    form = ForgotPasswordForm()
    if submit(form, lambda: send_lost_links(form.email.data)).done:
        return render_template("meetings/rsvp/lost_link_sent.html", email=form.email.data)
    return render_template("meetings/rsvp/lost_link.html", form=form)
