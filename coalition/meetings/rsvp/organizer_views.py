"""The organizer's side of invitations: whom to invite, who answered each date (a page and a
spreadsheet), and a reminder to those who have not answered.

Its own blueprint beside the invitee's (rsvp/views.py): these pages sit under the meeting's
URL, and the invitee's personal-page headers and "too many answers" page are not theirs.
"""

from datetime import UTC, datetime

from babel.lists import format_list
from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, ngettext
from flask_login import current_user
from wtforms import SelectChoice

from coalition.committees import access as committees_access
from coalition.core.extensions import db
from coalition.meetings import access as meetings_access
from coalition.meetings import queries
from coalition.meetings.models import Meeting
from coalition.meetings.occurrences import parse_occurrence_key
from coalition.meetings.rsvp import access as rsvp_access
from coalition.meetings.rsvp import invite_choices, meeting_invitations, nudges, reach, summary
from coalition.meetings.rsvp.forms import InviteForm
from coalition.members import access as members_access
from coalition.members.organizations.models import Organization
from coalition.members.people.models import Person
from coalition.members.people.services import active_committees
from coalition.members.sectors import active_sectors
from coalition.web import authz
from coalition.web.exports import to_csv
from coalition.web.form_cycle import submit

bp = Blueprint("invitations", __name__, url_prefix="/meetings")


@bp.route("/<int:meeting_id>/invitations", methods=["GET", "POST"])
@authz.require(authz.is_member)
def manage(meeting_id):
    """Invite partner organizations and people; each gets an email with the calendar invite."""
    meeting = authz.load_and_check(Meeting, meeting_id, meetings_access.can_manage_meeting)
    invitations = meeting_invitations.invitations_of(meeting)
    unreachable_ids = reach.unreachable_organization_ids()
    never_reached = meeting_invitations.never_reached(invitations)
    form = InviteForm()
    form.organizations.choices = invite_choices.organization_choices(
        meeting_invitations.invitable_organizations(), invitations, unreachable_ids, never_reached
    )
    # Pick lists by the one visibility rule: people the organizer may see, and committees
    # whose members they may list (never the participant advisory committee from outside).
    people = meeting_invitations.invitable_people(
        members_access.visible_people_clause(current_user)
    )
    form.people.choices = invite_choices.people_choices(people, invitations, never_reached)
    form.committees.choices = [
        SelectChoice(committee_id, name)
        for committee_id, name in active_committees(
            committees_access.visible_rosters_clause(current_user)
        )
    ]
    outcome = submit(form, lambda: _invite(meeting, form), flash_refused=False)
    if outcome.done:
        _flash_invited(outcome.result)
        return redirect(url_for(".manage", meeting_id=meeting.id))
    return render_template(
        "meetings/rsvp/invitations.html",
        meeting=meeting,
        form=form,
        closed=_closed(meeting, outcome),
        invited=rsvp_access.by_invitee_name(current_user, invitations),
        unreached={i.id for i in reach.unreached(invitations, unreachable_ids)},
    )


def _closed(meeting, outcome):
    """Why no one can be invited now (shown in place of the form), or None."""
    if outcome.refused is not None:
        return outcome.refused.message
    if not meeting_invitations.has_date_to_come(meeting):
        return meeting_invitations.NOTHING_TO_COME
    return None


def _flash_invited(result):
    """How many invitations went, and apart from them, those nobody receives email for."""
    if result.sent or not result.unreached:
        flash(
            ngettext(
                "%(num)d invitation is on its way.",
                "%(num)d invitations are on their way.",
                len(result.sent),
            ),
            "success",
        )
    for message in unreached_messages(result.unreached):
        flash(message, "error")


def unreached_messages(invitations):
    """Why nobody receives email for these invitees and what to do: one sentence for the
    people, one for the organizations (their reasons and remedies differ)."""
    people = [i for i in invitations if i.person_id]
    organizations = [i for i in invitations if not i.person_id]
    messages = []
    if people:
        messages.append(
            ngettext(
                "%(names)s has no email address or their account is deactivated, so no "
                "invitation reaches them. Once they have an email address and an active "
                "account, choose them again here to send it.",
                "%(names)s have no email address or their accounts are deactivated, so no "
                "invitation reaches them. Once each has an email address and an active "
                "account, choose them again here to send the invitations.",
                len(people),
                names=_names(people),
            )
        )
    if organizations:
        messages.append(
            ngettext(
                "Nobody receives email for %(names)s: there is no delegate with an email and no "
                "contact address. Add one to its profile, then choose it again here to send the "
                "invitation.",
                "Nobody receives email for %(names)s: none has a delegate with an email or a "
                "contact address. Add one to each profile, then choose them again here to send "
                "the invitations.",
                len(organizations),
                names=_names(organizations),
            )
        )
    return messages


def _names(invitations):
    """The invitees as the organizer may name them, in a list of the reader's language."""
    names = [str(rsvp_access.invitee_name(current_user, i)) for i in invitations]
    return format_list(names, locale=get_locale())


def _invite(meeting, form):
    """Invite the organizations, people and committees' members chosen; returns how many."""
    people = {person.id: person for person in _load_all(Person, form.people.data)}
    for person in queries.committee_member_people(form.committees.data):
        people.setdefault(person.id, person)
    return meeting_invitations.invite(
        meeting,
        current_user._get_current_object(),
        people=list(people.values()),
        organizations=_load_all(Organization, form.organizations.data),
    )


def _load_all(model, ids):
    if not ids:
        return []
    return db.session.scalars(db.select(model).where(model.id.in_(ids))).all()


@bp.route("/<int:meeting_id>/answers")
@authz.require(authz.is_member)
def answers(meeting_id):
    """Organizers: who comes to one date, by organization and person, with needs and sectors."""
    meeting = authz.load_and_check(Meeting, meeting_id, rsvp_access.can_view_rsvp_names)
    occurrences, current = _answers_date(meeting)
    invited = rsvp_access.by_invitee_name(
        current_user, meeting_invitations.invitations_of(meeting, with_sectors=True)
    )
    result = summary.summary(invited, current.original_start, active_sectors())
    unreached = reach.unreached(invited)
    now = datetime.now(UTC)
    nudge = nudges.last_nudge(meeting, current.original_start)
    return render_template(
        "meetings/rsvp/answers.html",
        meeting=meeting,
        occurrences=occurrences,
        current=current,
        summary=result,
        nudge=nudge,
        reminded_today=nudges.reminded_today(nudge, now),
        already_reminded=nudges.already_reminded_message(nudge) if nudge else "",
        taking_answers=current.takes_answers(now),
        unreached={invitation.id for invitation in unreached},
        unreached_messages=unreached_messages(unreached),
    )


@bp.route("/<int:meeting_id>/answers/<key>/remind", methods=["POST"])
@authz.require(authz.is_member)
def remind_unanswered(meeting_id, key):
    """Organizers: email every invitee with no answer for this date, once a day at most."""
    meeting = authz.load_and_check(Meeting, meeting_id, rsvp_access.can_remind_unanswered)
    occurrence = queries.date_of(meeting, key)
    if occurrence is None:
        abort(404)
    outcome = submit(
        None,
        lambda: nudges.remind_unanswered(meeting, occurrence, current_user._get_current_object()),
    )
    if outcome.done:
        flash(
            ngettext(
                "%(num)d email is on its way to those who have not answered.",
                "%(num)d emails are on their way to those who have not answered.",
                outcome.result.sent_count,
            ),
            "success",
        )
    return redirect(url_for(".answers", meeting_id=meeting.id, date=key))


def _answers_date(meeting):
    """The meeting's dates, and the one asked for (?date=KEY) or the next; 404 if none."""
    occurrences = queries.meeting_occurrences(meeting, include_cancelled=False)
    chosen = (
        parse_occurrence_key(request.args.get("date", "")) if request.args.get("date") else None
    )
    current = _chosen_occurrence(occurrences, chosen)
    if current is None:
        abort(404)
    return occurrences, current


def _chosen_occurrence(occurrences, chosen):
    if chosen is not None:
        return next((o for o in occurrences if o.original_start == chosen), None)
    now = datetime.now(UTC)
    upcoming = [o for o in occurrences if o.end > now]
    return (upcoming or occurrences or [None])[0]


@bp.route("/<int:meeting_id>/answers.csv")
@authz.require(authz.is_member)
def answers_csv(meeting_id):
    """Organizers: the answers to one date as a spreadsheet (formula-like cells neutralized)."""
    meeting = authz.load_and_check(Meeting, meeting_id, rsvp_access.can_view_rsvp_names)
    _occurrences, current = _answers_date(meeting)
    invited = rsvp_access.by_invitee_name(
        current_user, meeting_invitations.invitations_of(meeting, with_sectors=True)
    )
    result = summary.summary(invited, current.original_start, active_sectors())
    header, rows = summary.answers_table(result)
    # Each invitee named as on the page: a person the organizer may not see is not named.
    rows = [
        [rsvp_access.invitee_name(current_user, invitation), *row[1:]]
        for (invitation, _answer), row in zip(result.rows, rows, strict=True)
    ]
    return Response(
        to_csv(header, rows),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="answers-{meeting.id}-{current.key}.csv"'
        },
    )
