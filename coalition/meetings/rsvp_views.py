"""The answer page of an invitation, through one of two doors.

An invitee's personal link (no account): the GET shows the meeting in its own zone and the
answer form; only a POST records, since mail scanners follow links. A link answers only
while the one it was sent to may answer (rsvp_links.open_link). A logged-in invitee or
delegate opens the same page through their session: no link is minted for them.

Answers are rate-limited per link (or account) and per client address, so a flood of posts
records nothing and queues no email past the limit.
"""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from coalition.core.extensions import limiter
from coalition.core.tokens import hash_token
from coalition.meetings import access as meetings_access
from coalition.meetings import invitations, queries, rsvp_links, rsvps
from coalition.meetings.calendar import events, ical
from coalition.meetings.calendar.downloads import ics_response
from coalition.meetings.forms import RsvpForm
from coalition.meetings.occurrences import parse_occurrence_key
from coalition.web import authz
from coalition.web.form_cycle import submit
from coalition.web.urls import external_url

bp = Blueprint("rsvp", __name__, url_prefix="/rsvp")

# Defaults; a deployment may set these in its configuration (Flask-Limiter's notation).
POSTS_PER_LINK = "20 per hour"
POSTS_PER_ACCOUNT = "20 per hour"
POSTS_PER_CLIENT = "60 per hour"


def _configured(name, default):
    return lambda: current_app.config.get(name, default)


def _link_key():
    # The token's hash, never the token: limiter keys may reach Redis and its logs.
    return "rsvp-link:" + hash_token((request.view_args or {}).get("token", ""))


def _account_key():
    return "rsvp-account:" + str(current_user.get_id() or "")


per_link = limiter.shared_limit(
    _configured("RSVP_POSTS_PER_LINK", POSTS_PER_LINK), scope="rsvp-link", key_func=_link_key
)
per_account = limiter.shared_limit(
    _configured("RSVP_POSTS_PER_ACCOUNT", POSTS_PER_ACCOUNT),
    scope="rsvp-account",
    key_func=_account_key,
)
per_client = limiter.shared_limit(
    _configured("RSVP_POSTS_PER_CLIENT", POSTS_PER_CLIENT), scope="rsvp-client"
)


@bp.after_request
def protect_token_pages(response):
    """The URL is a personal secret: no referrer, no caching."""
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.errorhandler(429)
def too_many_answers(error):
    """Past a limit: nothing was recorded; say so, and the way back to the page."""
    values = request.view_args or {}
    if "token" in values:
        back = url_for("rsvp.page", token=values["token"])
    else:
        back = url_for("rsvp.signed_in_page", invitation_id=values.get("invitation_id", 0))
    return render_template("meetings/rsvp_too_many.html", back=back), 429


class _ByLink:
    """Answering through an emailed personal link."""

    def __init__(self, link, token):
        self.invitation = link.invitation
        self.token = token
        self.answered_by = link.person
        self.change = rsvps.ChangeLink(external_url("rsvp.page", token=token), link.person_id)
        self.page_url = url_for("rsvp.page", token=token)
        self.calendar_url = url_for("rsvp.calendar_file", token=token)

    def answer_one_url(self, key):
        return url_for("rsvp.answer_one", token=self.token, key=key)


class _BySession:
    """Answering while logged in, as the invited person or a delegate."""

    token = None

    def __init__(self, invitation, person):
        self.invitation = invitation
        self.answered_by = person
        page = external_url("rsvp.signed_in_page", invitation_id=invitation.id)
        self.change = rsvps.ChangeLink(page, person.id, personal=False)
        self.page_url = url_for("rsvp.signed_in_page", invitation_id=invitation.id)
        self.calendar_url = url_for(
            "meetings.calendar.meeting_ics", meeting_id=invitation.meeting_id
        )

    def answer_one_url(self, key):
        return url_for("rsvp.signed_in_answer_one", invitation_id=self.invitation.id, key=key)


def _by_link(token):
    """The door of a usable link; otherwise a page that says how to get a new one."""
    link = rsvp_links.open_link(token)
    if link is None:
        abort(make_response(render_template("meetings/rsvp_link_unusable.html"), 404))
    return _ByLink(link, token)


def _by_session(invitation_id):
    """The door of a logged-in invitee or delegate: load (404), then check (403)."""
    invitation = queries.invitation_with_meeting(invitation_id)
    if invitation is None:
        abort(404)
    authz.check(meetings_access.can_answer_for(current_user, invitation))
    return _BySession(invitation, current_user._get_current_object())


# --- Through the emailed link ------------------------------------------------------------


@bp.route("/<secret:token>")
def page(token):
    """The invited meeting in its zone, the answer form, and each date's answer."""
    return _show(_by_link(token))


@bp.route("/<secret:token>/calendar.ics")
def calendar_file(token):
    """The whole series as a calendar file, for this invitee."""
    meeting = _by_link(token).invitation.meeting
    exceptions = queries.exceptions_by_meeting([meeting.id])[meeting.id]
    data = ical.build_calendar(events.series_events(meeting, exceptions))
    return ics_response(data, f"meeting-{meeting.id}.ics")


@bp.route("/<secret:token>", methods=["POST"])
@per_link
@per_client
def answer_all(token):
    """Answer for every upcoming date at once (only a POST records: mail scanners GET)."""
    return _answer_all(_by_link(token))


@bp.route("/<secret:token>/dates/<key>", methods=["POST"])
@per_link
@per_client
def answer_one(token, key):
    """Change the answer for one date only."""
    return _answer_one(_by_link(token), key)


@bp.route("/<secret:token>/continuation", methods=["POST"])
@per_link
@per_client
def continuation(token):
    """The link of a split series opens the series it continues as, for the same recipient."""
    door = _by_link(token)
    following = queries.continuation_of(door.invitation)
    if following is None:
        abort(404)
    outcome = submit(None, lambda: invitations.personal_token(following, door.answered_by))
    return redirect(url_for("rsvp.page", token=outcome.result))


# --- Through the session -----------------------------------------------------------------


@bp.route("/invitations/<int:invitation_id>")
@authz.require(authz.is_member)
def signed_in_page(invitation_id):
    """The same page for a logged-in invitee or delegate."""
    return _show(_by_session(invitation_id))


@bp.route("/invitations/<int:invitation_id>", methods=["POST"])
@per_account
@per_client
@authz.require(authz.is_member)
def signed_in_answer_all(invitation_id):
    """Answer every upcoming date, logged in."""
    return _answer_all(_by_session(invitation_id))


@bp.route("/invitations/<int:invitation_id>/dates/<key>", methods=["POST"])
@per_account
@per_client
@authz.require(authz.is_member)
def signed_in_answer_one(invitation_id, key):
    """Change one date's answer, logged in."""
    return _answer_one(_by_session(invitation_id), key)


# --- The form cycle, the same through both doors -----------------------------------------


def _upcoming(meeting):
    return queries.meeting_occurrences(meeting, after=queries.now(), include_cancelled=True)[:24]


def _show(door):
    invitation = door.invitation
    form = RsvpForm(formdata=None)
    answers = rsvps.answers_of(invitation)
    usual = rsvps.usual_answer(answers, _upcoming(invitation.meeting))
    if usual is not None:  # start from the answer most upcoming dates have
        form.answer.data, form.headcount.data = usual.answer, usual.headcount
        form.names.data, form.needs.data, form.note.data = usual.names, usual.needs, usual.note
    return _render_page(door, form, answers)


def _answer_all(door):
    form = RsvpForm()
    now = queries.now()
    upcoming = [o for o in _upcoming(door.invitation.meeting) if not o.cancelled]
    still_open = [o for o in upcoming if o.takes_answers(now)]
    if not still_open:  # a page left open past the last deadline
        flash(_("Answers are closed for every upcoming date. Nothing was changed."), "error")
        return redirect(door.page_url)
    outcome = submit(
        form,
        lambda: _record(door, still_open, form),
        success=_saved_message(len(still_open) < len(upcoming)),
    )
    if outcome.done:
        return redirect(door.page_url)
    return _render_page(door, form), 200


def _answer_one(door, key):
    original = parse_occurrence_key(key)
    occurrence = next(
        (o for o in _upcoming(door.invitation.meeting) if o.original_start == original), None
    )
    if occurrence is None:
        abort(404)
    form = RsvpForm()
    if not form.validate_on_submit():
        flash(_("Choose yes, maybe or no, and a number from 0 to 20."), "error")
        return redirect(door.page_url)
    # One date's form sits beside the date on the page: any refusal is flashed above it.
    submit(
        None,
        lambda: _record(door, [occurrence], form),
        success=_("Your answer for this date is saved."),
    )
    return redirect(door.page_url)


def _record(door, occurrences, form):
    answer = rsvps.Answer(
        answer=form.answer.data,
        headcount=form.headcount.data or 0,
        names=form.names.data or "",
        needs=form.needs.data or "",
        note=form.note.data or "",
    )
    rsvps.record_answer(
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
    answers = rsvps.answers_of(invitation) if answers is None else answers
    return render_template(
        "meetings/invitation_page.html",
        invitation=invitation,
        meeting=meeting,
        upcoming=upcoming,
        taking=[o for o in upcoming if o.takes_answers(now)],
        door=door,
        form=form,
        answers=answers,
        waitlist_places=rsvps.waitlist_places(meeting.id, answers.values()),
        continuation=queries.continuation_of(invitation),
        show_local=request.args.get("zone") == "mine",
        now=now,
    )
