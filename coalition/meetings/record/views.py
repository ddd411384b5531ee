"""After a meeting: one date's minutes, attendance, decisions and action items."""

from datetime import UTC, datetime

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from coalition.core.errors import ActionRefused
from coalition.meetings import access as meetings_access
from coalition.meetings import queries
from coalition.meetings.models import Meeting
from coalition.meetings.occurrences import occurrence_key
from coalition.meetings.record import access as record_access
from coalition.meetings.record import actions, attendance, minutes, minutes_diffs
from coalition.meetings.record.forms import (
    ActionItemForm,
    AttendanceErrors,
    DecisionForm,
    MinutesForm,
    read_marks,
)
from coalition.meetings.record.models import ActionItem, Decision
from coalition.meetings.record.timeline_source import register_minutes_source
from coalition.meetings.rsvp import access as rsvp_access
from coalition.meetings.rsvp import meeting_invitations
from coalition.members import access as members_access
from coalition.web import authz
from coalition.web.form_cycle import submit

bp = Blueprint("record", __name__, url_prefix="/meetings")
bp.record_once(register_minutes_source)
# Organization pages show "attended 5 of the last 6" (members must not import meetings).
bp.add_app_template_global(attendance.organization_record, "organization_attendance")
bp.add_app_template_filter(occurrence_key, "occurrence_key")


def _date(meeting_id, key, predicate=meetings_access.can_view_meeting):
    """The meeting (checked with `predicate`) and its date for this key; 404 if none."""
    meeting = authz.load_and_check(Meeting, meeting_id, predicate)
    occurrence = queries.date_of(meeting, key)
    if occurrence is None or not queries.keeps_a_record(meeting, occurrence):
        abort(404)
    return meeting, occurrence


def _to_record(meeting, occurrence):
    # No #anchor: the page opens at its top, where the message says what was done.
    return redirect(url_for(".page", meeting_id=meeting.id, key=occurrence.key))


def _has_begun(occurrence):
    return occurrence.start <= datetime.now(UTC)


@bp.route("/<int:meeting_id>/dates/<key>/record")
@authz.require(authz.is_member)
def page(meeting_id, key):
    """One date's minutes, who came, what was decided and who does what next."""
    meeting, occurrence = _date(meeting_id, key)
    return _render_record(meeting, occurrence)


def _render_record(meeting, occurrence, action_form=None, decision_form=None, status=200):
    action_form = action_form or ActionItemForm(prefix="action", formdata=None)
    decision_form = decision_form or DecisionForm(prefix="decision", formdata=None)
    start = occurrence.original_start
    found = minutes.minutes_of(meeting.id, start)
    organizer = record_access.can_keep_record(current_user, meeting)
    if organizer:
        action_form.owner_id.choices = _owner_choices()
    sheet = None
    if record_access.can_view_attendance_names(current_user, meeting):
        sheet, _taken = attendance.sheet(_invited(meeting), meeting.id, start)
    page = render_template(
        "meetings/record/page.html",
        meeting=meeting,
        occurrence=occurrence,
        minutes=found if record_access.can_read_minutes(current_user, meeting, found) else None,
        totals=attendance.totals(meeting.id, start),
        sheet=sheet,
        decisions=actions.decisions_of(meeting.id, start),
        items=actions.items_of(meeting.id, start),
        decision_form=decision_form,
        action_form=action_form,
        organizer=organizer,
        begun=_has_begun(occurrence),
    )
    return page, status


def _owner_choices():
    """The people the organizer may see (one visibility rule for every pick list)."""
    people = meeting_invitations.invitable_people(
        members_access.visible_people_clause(current_user)
    )
    return [("", _("Choose a person"))] + [(str(person.id), person.name) for person in people]


def _invited(meeting):
    """The meeting's invitees, in the order of the names the viewer sees."""
    return rsvp_access.by_invitee_name(current_user, meeting_invitations.invitations_of(meeting))


@bp.route("/<int:meeting_id>/dates/<key>/minutes", methods=["GET", "POST"])
@authz.require(authz.is_member)
def edit_minutes(meeting_id, key):
    """Write or change the minutes; an edit that crossed another is merged for review."""
    meeting, occurrence = _date(meeting_id, key, record_access.can_keep_record)
    start = occurrence.original_start
    saved = minutes.minutes_of(meeting.id, start)
    form = MinutesForm()
    if request.method == "GET":
        form.text.data = saved.text if saved else ""
        form.base_revision.data = str(saved.revision_number if saved else 0)
    outcome = submit(
        form,
        lambda: minutes.save_minutes(
            meeting, start, form.text.data or "", form.base_number(), _actor(), form.note.data or ""
        ),
        success=_("The minutes are saved."),
        on_stale=lambda error: minutes_diffs.merge_view(
            form, minutes_diffs.crossed(error, meeting, start, form)
        ),
    )
    if outcome.done:
        return _to_record(meeting, occurrence)
    return render_template(
        "meetings/record/minutes_form.html",
        meeting=meeting,
        occurrence=occurrence,
        form=form,
        saved=saved,
        conflict=outcome.conflict,
    ), outcome.status


def _shown_name(invitation):
    return rsvp_access.invitee_name(current_user, invitation)


def _actor():
    return current_user._get_current_object()


@bp.route("/<int:meeting_id>/dates/<key>/minutes/publish", methods=["POST"])
@authz.require(authz.is_member)
def publish_minutes(meeting_id, key):
    """Publish the minutes to everyone who sees the meeting."""
    meeting, occurrence = _date(meeting_id, key, record_access.can_keep_record)
    found = minutes.minutes_of(meeting.id, occurrence.original_start)

    def publish_them():
        if found is None:
            raise ActionRefused(_("Write the minutes before publishing them."))
        minutes.publish(found, occurrence, _actor())

    submit(
        None,
        publish_them,
        success=_("The minutes are published, and the timeline records that the meeting was held."),
    )
    return _to_record(meeting, occurrence)


@bp.route("/<int:meeting_id>/dates/<key>/minutes/history")
@authz.require(authz.is_member)
def minutes_history(meeting_id, key):
    """Every saved version of the minutes, each with what it changed."""
    meeting, occurrence = _date(meeting_id, key)
    found = minutes.minutes_of(meeting.id, occurrence.original_start)
    if found is None or not record_access.can_read_minutes(current_user, meeting, found):
        abort(404)
    # Organizers see every version; readers, from the published text on.
    keeper = record_access.can_keep_record(current_user, meeting)
    first = 0 if keeper else found.published_number or 0
    changes = minutes_diffs.changes(minutes.history(found, first))
    return render_template(
        "meetings/record/minutes_history.html",
        meeting=meeting,
        occurrence=occurrence,
        changes=changes,
    )


@bp.route("/<int:meeting_id>/dates/<key>/attendance", methods=["GET", "POST"])
@authz.require(authz.is_member)
def take_attendance(meeting_id, key):
    """Tick who came, person by person and organization by organization, with headcounts."""
    meeting, occurrence = _date(meeting_id, key, record_access.can_keep_record)
    invited = _invited(meeting)
    if not _has_begun(occurrence):
        flash(_("Attendance can be taken once the meeting has started."), "error")
        return _to_record(meeting, occurrence)
    errors = AttendanceErrors()
    if request.method == "POST":
        marks = read_marks(request.form, invited, errors, _shown_name)
        if not errors:
            try:
                outcome = submit(
                    errors,
                    lambda: attendance.record_attendance(
                        meeting, occurrence.original_start, invited, marks, current_user
                    ),
                    success=_("Attendance is saved."),
                )
            except IntegrityError:  # someone else saved the first attendance at this moment
                flash(_("Someone saved the attendance at the same moment: check it here."), "error")
                return _to_record(meeting, occurrence)
            if outcome.done:
                return _to_record(meeting, occurrence)
    lines, taken = attendance.sheet(invited, meeting.id, occurrence.original_start)
    posted = request.form if request.method == "POST" else None
    return render_template(
        "meetings/record/attendance_form.html",
        meeting=meeting,
        occurrence=occurrence,
        lines=lines,
        taken=taken,
        errors=errors,
        posted=posted,
    ), (400 if errors else 200)


@bp.route("/<int:meeting_id>/dates/<key>/decisions", methods=["POST"])
@authz.require(authz.is_member)
def add_decision(meeting_id, key):
    """Record a decision of this date."""
    meeting, occurrence = _date(meeting_id, key, record_access.can_keep_record)
    form = DecisionForm(prefix="decision")
    outcome = submit(
        form,
        lambda: actions.add_decision(meeting, occurrence.original_start, form.text.data, _actor()),
        success=_("The decision is recorded."),
    )
    if outcome.done:
        return _to_record(meeting, occurrence)
    return _render_record(meeting, occurrence, decision_form=form, status=400)


@bp.route("/<int:meeting_id>/dates/<key>/actions", methods=["POST"])
@authz.require(authz.is_member)
def add_action(meeting_id, key):
    """Give someone an action item with a due date."""
    meeting, occurrence = _date(meeting_id, key, record_access.can_keep_record)
    form = ActionItemForm(prefix="action")
    form.owner_id.choices = _owner_choices()
    outcome = submit(
        form,
        lambda: actions.add_item(
            meeting,
            occurrence.original_start,
            form.text.data,
            int(form.owner_id.data) if form.owner_id.data else None,
            form.due_on.data,
            _actor(),
        ),
        success=_("The action item is recorded."),
    )
    if outcome.done:
        return _to_record(meeting, occurrence)
    return _render_record(meeting, occurrence, action_form=form, status=400)


@bp.route("/actions/<int:item_id>/done", methods=["POST"])
@authz.require(authz.is_member)
def action_done(item_id):
    """Mark an action item done (or, with done=0, open again)."""
    item = authz.load_and_check(ActionItem, item_id, record_access.can_complete_action_item)
    done = request.form.get("done", "1") == "1"
    if done:
        message = _("Marked done: %(item)s", item=item.text)
    else:
        message = _("Opened again: %(item)s", item=item.text)
    meeting_id, key = item.meeting_id, occurrence_key(item.occurrence_start)
    submit(None, lambda: actions.set_done(item, done), success=message)
    back = {"dashboard": "dashboard.home", "action_items": "dashboard.action_items"}
    if request.form.get("next") in back:  # the owner's home page or their full list
        return redirect(url_for(back[request.form["next"]]))
    return redirect(url_for(".page", meeting_id=meeting_id, key=key))


@bp.route("/decisions/<int:decision_id>/remove", methods=["POST"])
@authz.require(authz.is_member)
def remove_decision(decision_id):
    """Take back a decision recorded by mistake."""
    decision = authz.load_and_check(Decision, decision_id, record_access.can_remove_from_record)
    return _remove(decision, _("The decision is removed."))


@bp.route("/actions/<int:item_id>/remove", methods=["POST"])
@authz.require(authz.is_member)
def remove_action(item_id):
    """Take back an action item recorded by mistake."""
    item = authz.load_and_check(ActionItem, item_id, record_access.can_remove_from_record)
    return _remove(item, _("The action item is removed."))


def _remove(record, message):
    meeting_id, key = record.meeting_id, occurrence_key(record.occurrence_start)
    submit(None, lambda: actions.remove(record, _actor()), success=message)
    return redirect(url_for(".page", meeting_id=meeting_id, key=key))
