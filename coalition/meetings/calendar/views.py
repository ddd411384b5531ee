"""Calendar downloads and subscription feeds, and each person's calendar settings."""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from coalition.committees import access as committees_access
from coalition.committees.models import Committee
from coalition.core.extensions import db
from coalition.meetings import access as meetings_access
from coalition.meetings import queries
from coalition.meetings.calendar import events, ical, services
from coalition.meetings.calendar.downloads import ics_response
from coalition.meetings.calendar.forms import DeliveryForm
from coalition.meetings.models import Meeting
from coalition.members.people.models import Person
from coalition.web import authz
from coalition.web.form_cycle import submit
from coalition.web.read_requests import writes_on_get

# Its URLs sit under /meetings, /feeds and /account: no prefix.
bp = Blueprint("calendar", __name__)
FEEDS = (services.FEED_COALITION, services.FEED_MINE)


@bp.route("/meetings/<int:meeting_id>.ics")
@authz.require(authz.is_member)
def meeting_ics(meeting_id):
    """The whole meeting or series as a calendar file."""
    meeting = authz.load_and_check(Meeting, meeting_id, meetings_access.can_view_meeting)
    exceptions = queries.exceptions_by_meeting([meeting.id])[meeting.id]
    series = events.series_events(meeting, exceptions)
    return ics_response(ical.build_calendar(series), f"meeting-{meeting.id}.ics")


@bp.route("/meetings/<int:meeting_id>/occurrences/<key>.ics")
@authz.require(authz.is_member)
def occurrence_ics(meeting_id, key):
    """One occurrence of a series as a calendar file."""
    meeting = authz.load_and_check(Meeting, meeting_id, meetings_access.can_view_meeting)
    occurrence = queries.date_of(meeting, key)
    if occurrence is None:
        abort(404)
    event = events.occurrence_event(meeting, occurrence)
    return ics_response(ical.build_calendar([event]), f"meeting-{meeting.id}-{key}.ics")


@bp.route("/feeds/<int:person_id>/<feed>/<secret:signature>.ics")
def feed(person_id, feed, signature):
    """A subscription feed at a signed URL: calendar apps fetch it without logging in."""
    if not services.check_feed_signature(person_id, feed, signature):
        abort(404)
    person = db.session.get(Person, person_id)
    if person is None or not person.is_active:
        abort(404)
    keep = _feed_filter(person, feed)
    meetings = [
        meeting
        for meeting in queries.all_current_meetings()
        if meetings_access.can_view_meeting(person, meeting) and keep(meeting)
    ]
    exceptions = queries.exceptions_by_meeting([meeting.id for meeting in meetings])
    data = events.feed_calendar(meetings, exceptions, current_app.config["COALITION_NAME"])
    changes = [m.updated_at for m in meetings] + [
        e.updated_at for found in exceptions.values() for e in found
    ]
    response = ics_response(data, f"{feed}.ics", last_modified=max(changes, default=None))
    response.headers["Cache-Control"] = "private, max-age=300"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.route("/account/calendar", methods=["GET", "POST"])
@writes_on_get  # the feed secret is created on the first visit
@authz.require(authz.is_member)
def settings():
    """Feed URLs to subscribe to, how meetings reach one's calendar, and resetting the URLs."""
    person = current_user._get_current_object()
    form = DeliveryForm()
    outcome = submit(
        form,
        lambda: services.choose_delivery(person, form.delivery.data),
        success=_("Your calendar choice is saved."),
    )
    if outcome.done:
        return redirect(url_for(".settings"))
    # The first visit creates the person's feed secret, kept for the URLs shown.
    current = submit(None, lambda: services.settings_for(person)).result
    if request.method == "GET":
        form.delivery.data = current.delivery
    committees = {f"committee-{c.id}": c.name for c in committees_of(person)}
    feeds = [
        (name, services.feed_url(person, name), services.feed_url(person, name, scheme="webcal"))
        for name in (*FEEDS, *committees)
    ]
    page = render_template(
        "meetings/calendar/settings.html", form=form, feeds=feeds, committee_names=committees
    )
    return page, 400 if form.errors else 200


def _feed_filter(person, feed):
    """Which meetings a feed holds: all, mine (invited), or one committee's; else 404."""
    if feed == services.FEED_COALITION:
        return lambda meeting: True
    if feed == services.FEED_MINE:
        invited = queries.invited_meeting_ids(person)
        return lambda meeting: meeting.id in invited
    prefix, _, number = feed.partition("-")
    committee = (
        db.session.get(Committee, int(number))
        if prefix == "committee" and (number.isdigit() and len(number) < 10)
        else None
    )
    if committee is None or not committees_access.can_view_committee(person, committee):
        abort(404)
    return lambda meeting: meeting.committee_id == committee.id


def committees_of(person):
    """The committees a person sits on, by name."""
    ids = committees_access.committee_roles(person)
    return db.session.scalars(
        db.select(Committee).where(Committee.id.in_(ids)).order_by(Committee.name)
    ).all()


@bp.route("/account/calendar/reset", methods=["POST"])
@authz.require(authz.is_member)
def reset():
    """New feed URLs; every old one stops working at once."""
    submit(None, lambda: services.reset_feed_secret(current_user._get_current_object()))
    flash(
        _(
            "Your calendar links are new. Subscribe again with the new links; the old ones no "
            "longer work."
        ),
        "success",
    )
    return redirect(url_for(".settings"))
