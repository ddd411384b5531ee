"""Scheduling pages: a new meeting or series, changing or cancelling it, and one date moved,
cancelled, or changed with the dates that follow (the series splits in two)."""

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from coalition.meetings import access as meetings_access
from coalition.meetings import queries
from coalition.meetings.models import Meeting
from coalition.meetings.occurrences import parse_occurrence_key
from coalition.meetings.recurrence import parse
from coalition.meetings.series import services
from coalition.meetings.series.forms import NO_REPEAT, MeetingForm, OccurrenceForm
from coalition.web import authz
from coalition.web.conflicts import ConflictRow, side_by_side
from coalition.web.form_cycle import submit

bp = Blueprint("series", __name__, url_prefix="/meetings")


@bp.route("/new", methods=["GET", "POST"])
@authz.require(meetings_access.can_schedule_meeting)
def new():
    """Schedule a meeting or a series."""
    form = MeetingForm()
    _committee_choices(form)
    if request.method == "GET":
        form.timezone.data = current_user.timezone or _coalition_zone()
        first = form.committee_id.choices[0].value if form.committee_id.choices else ""
        form.committee_id.data = request.args.get("committee", first)
    outcome = submit(
        form,
        lambda: services.schedule_meeting(form.details(), current_user._get_current_object()),
        success=_("The meeting is scheduled."),
    )
    if outcome.done:
        return redirect(url_for("meetings.detail", meeting_id=outcome.result.id))
    return render_template("meetings/series/form.html", form=form, meeting=None)


def _coalition_zone():
    return current_app.config["COALITION_TIMEZONE"]


def _managed(meeting_id):
    return authz.load_and_check(Meeting, meeting_id, meetings_access.can_manage_meeting)


def _fill_form(form, meeting, following=None):
    local = meeting.local_start
    form.day.data, form.start_time.data = local.date(), local.time()
    form.end_time.data = meeting.end_at.astimezone(meeting.zone).time()
    if following is not None:
        local = following.astimezone(meeting.zone)
        form.day.data, form.start_time.data = local.date(), local.time()
        form.end_time.data = (local + meeting.duration).time()
    form.version.data = str(meeting.version)
    if meeting.rrule:
        rule = parse(meeting.rrule, meeting.zone)
        form.repeat.data, form.interval.data = rule.pattern, rule.interval
        form.ends.data = "count" if rule.count else "until"
        form.until.data, form.count.data = rule.until, rule.count
    else:
        form.repeat.data = NO_REPEAT


@bp.route("/<int:meeting_id>/edit", methods=["GET", "POST"])
@authz.require(authz.is_member)
def edit(meeting_id):
    """Change a whole meeting or series; invitees are told when the change matters."""
    meeting = _managed(meeting_id)
    form = _edit_form(meeting)
    _committee_choices(form, meeting)
    if request.method == "GET":
        _fill_form(form, meeting)
    outcome = submit(
        form,
        lambda: services.update_series(meeting, form.details(), form.version.data),
        success=_("The meeting is updated."),
        saved_form=lambda: _saved_form(meeting_id),
    )
    if outcome.done:
        return redirect(url_for("meetings.detail", meeting_id=meeting_id))
    return _form_page(form, meeting, outcome)


def _edit_form(meeting):
    """The edit form: filled from the meeting to show it, from the page alone when posted, so
    a post without the version it was based on is stale rather than taken as current."""
    return MeetingForm(obj=meeting) if request.method == "GET" else MeetingForm()


def _saved_form(meeting_id, following=None):
    """The edit form as the meeting is saved now (from the date `following`, if given)."""
    meeting = _managed(meeting_id)
    saved = MeetingForm(formdata=None, obj=meeting)
    _committee_choices(saved, meeting)
    saved.committee_id.data = str(meeting.committee_id or "")
    _fill_form(saved, meeting, following)
    return saved


def _form_page(form, meeting, outcome, following=None):
    """The edit form again; a stale edit shows both versions and answers 409 Conflict."""
    page = render_template(
        "meetings/series/form.html",
        form=form,
        meeting=meeting,
        following=following,
        conflict=outcome.conflict,
    )
    return page, outcome.status


def _occurrence_start(meeting, key):
    original = parse_occurrence_key(key)
    if original is None:
        abort(404)
    return original


@bp.route("/<int:meeting_id>/cancel", methods=["POST"])
@authz.require(authz.is_member)
def cancel(meeting_id):
    """Cancel a meeting or a whole series."""
    meeting = _managed(meeting_id)
    return _act(meeting, lambda: services.cancel_meeting(meeting), _("The meeting is cancelled."))


@bp.route("/<int:meeting_id>/occurrences/<key>/cancel", methods=["POST"])
@authz.require(authz.is_member)
def cancel_occurrence(meeting_id, key):
    """Cancel one occurrence of a series; if the series changed since, show the date first."""
    meeting = _managed(meeting_id)
    original = _occurrence_start(meeting, key)
    outcome = submit(
        None,
        lambda: services.cancel_occurrence(meeting, original, request.form.get("version")),
        success=_("This occurrence is cancelled; the rest of the series is unchanged."),
        on_stale=lambda _error: _cancel_conflict(meeting_id, key),
    )
    if not outcome.stale:
        return redirect(url_for("meetings.detail", meeting_id=meeting.id))
    page = render_template(
        "meetings/series/cancel_date.html",
        meeting=meeting,
        occurrence=_date_as_saved(meeting_id, key),
        conflict=outcome.conflict,
    )
    return page, 409


def _act(meeting, action, message):
    submit(None, action, success=message)
    return redirect(url_for("meetings.detail", meeting_id=meeting.id))


def _date_as_saved(meeting_id, key):
    """The date of the series as saved now (404 if the series has no such date)."""
    occurrence = queries.date_of(_managed(meeting_id), key)
    if occurrence is None:
        abort(404)
    return occurrence


def _saved_move_form(meeting_id, key):
    saved = OccurrenceForm(formdata=None)
    saved.show(_date_as_saved(meeting_id, key))
    return saved


def _cancel_conflict(meeting_id, key):
    """Rows comparing the cancellation asked for with the date as saved now."""
    saved = _saved_move_form(meeting_id, key)
    now = _("Cancelled") if _date_as_saved(meeting_id, key).cancelled else _("Not cancelled")
    return [*side_by_side(saved, saved), ConflictRow(_("Status"), _("Cancelled"), now)]


@bp.route("/<int:meeting_id>/occurrences/<key>/move", methods=["GET", "POST"])
@authz.require(authz.is_member)
def move_occurrence(meeting_id, key):
    """Move one occurrence to another day, time or place; a stale move shows both versions."""
    meeting = _managed(meeting_id)
    original = _occurrence_start(meeting, key)
    form = OccurrenceForm() if request.method == "POST" else _saved_move_form(meeting_id, key)
    outcome = submit(
        form,
        lambda: services.move_occurrence(
            meeting, original, _moved(meeting, form), form.version.data
        ),
        success=_("This occurrence is moved; the rest of the series is unchanged."),
        saved_form=lambda: _saved_move_form(meeting_id, key),
    )
    if outcome.done:
        return redirect(url_for("meetings.detail", meeting_id=meeting_id))
    page = render_template(
        "meetings/series/move.html",
        form=form,
        meeting=meeting,
        original=original.astimezone(meeting.zone),
        conflict=outcome.conflict,
    )
    return page, outcome.status


def _moved(meeting, form):
    return services.MeetingDetails(
        title=meeting.title,
        day=form.day.data,
        start_time=form.start_time.data,
        end_time=form.end_time.data,
        timezone=meeting.timezone,
        location=form.location.data,
    )


@bp.route("/<int:meeting_id>/occurrences/<key>/edit", methods=["GET", "POST"])
@authz.require(authz.is_member)
def edit_following(meeting_id, key):
    """Change this date and all following ones: the series splits in two."""
    meeting = _managed(meeting_id)
    original = _occurrence_start(meeting, key)
    form = _edit_form(meeting)
    _committee_choices(form, meeting)
    if request.method == "GET":
        _fill_form(form, meeting, original)
    actor = current_user._get_current_object()
    outcome = submit(
        form,
        lambda: services.split_series(meeting, original, form.details(), actor, form.version.data),
        success=_("This date and the following ones are changed."),
        saved_form=lambda: _saved_form(meeting_id, original),
    )
    if outcome.done:
        return redirect(url_for("meetings.detail", meeting_id=outcome.result.id))
    return _form_page(form, meeting, outcome, following=original)


def _committee_choices(form, meeting=None):
    """Coordinators choose any committee or the whole coalition; chairs their committees."""
    coordinator = authz.is_coordinator(current_user)
    committees = queries.schedulable_committees(current_user, all_committees=coordinator)
    choices = [SelectChoice(str(c.id), c.name) for c in committees]
    if coordinator:
        choices.insert(0, SelectChoice("", _("The whole coalition")))
    form.committee_id.choices = choices
    if form.committee_id.data is None:  # not posted, and the meeting has none
        form.committee_id.data = ""
    if request.method == "GET" and meeting is not None:
        form.committee_id.data = str(meeting.committee_id or "")
