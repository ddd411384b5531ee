"""Inviting people and organizations to meetings, and telling them when something changes.

Each invitee gets an email in their language with the details in the meeting's own zone, a
personal link, and (unless they follow a calendar feed instead) the calendar invitation as a
text/calendar part and an .ics file, so their calendar adds or updates the event it holds.
"""

from email.utils import parseaddr

from flask import current_app

from coalition.core.extensions import db
from coalition.meetings.calendar import events, ical
from coalition.meetings.calendar.models import CalendarSettings
from coalition.meetings.models import MeetingInvitation
from coalition.meetings.queries import exceptions_by_meeting
from coalition.meetings.rsvp.links import mint_link
from coalition.members.organizations.models import (
    DELEGATE_ROLES,
    STATUS_LAPSED,
    Affiliation,
    Organization,
)
from coalition.members.people.services import people_to_pick
from coalition.outbox.mail import queue_email
from coalition.web.i18n import _l
from coalition.web.urls import external_url

REASON_INVITED = "invited"
REASON_UPDATED = "updated"
REASON_CANCELLED = "cancelled"


def invite(meeting, actor, *, people=(), organizations=()):
    """Add invitations for those not yet invited and email them; return how many were added."""
    existing = set(
        db.session.scalars(
            db.select(MeetingInvitation.invitee_key).filter_by(meeting_id=meeting.id)
        )
    )
    added = []
    for person in people:
        added += _new_invitation(meeting, actor, existing, f"person:{person.id}", person=person)
    for organization in organizations:
        added += _new_invitation(
            meeting, actor, existing, f"organization:{organization.id}", organization=organization
        )
    db.session.flush()
    for invitation in added:
        send(invitation, REASON_INVITED)
    return len(added)


def _new_invitation(meeting, actor, existing, key, **invitee):
    if key in existing:
        return []
    existing.add(key)
    invitation = MeetingInvitation(meeting=meeting, invitee_key=key, invited_by=actor, **invitee)
    db.session.add(invitation)
    return [invitation]


def invitations_of(meeting, with_sectors=False):
    """The meeting's invitations with their person or organization, by name, in one query
    (two with the organizations' sectors)."""
    options = [
        db.joinedload(MeetingInvitation.person),
        db.joinedload(MeetingInvitation.organization),
    ]
    if with_sectors:
        options.append(
            db.joinedload(MeetingInvitation.organization).selectinload(Organization.sectors)
        )
    invitations = (
        db.session.scalars(
            db.select(MeetingInvitation).filter_by(meeting_id=meeting.id).options(*options)
        )
        .unique()
        .all()
    )
    return sorted(invitations, key=lambda invitation: invitation.invitee_name.casefold())


def notify_invitees(meeting, reason):
    """Tell every invitee about a change that matters (time, place, link) or a cancellation."""
    for invitation in invitations_of(meeting):
        send(invitation, reason)


def recipients(invitation):
    """(person or None, name, address) to write to: a person; an organization's delegates,
    else its contact address."""
    if invitation.person_id:
        person = invitation.person
        return [(person, person.name, person.email)] if person.email and person.is_active else []
    delegates = db.session.scalars(
        db.select(Affiliation)
        .filter_by(organization_id=invitation.organization_id)
        .where(Affiliation.role.in_(DELEGATE_ROLES))
        .options(db.joinedload(Affiliation.person))
    ).all()
    people = [a.person for a in delegates if a.person.email and a.person.is_active]
    if people:
        return [(person, person.name, person.email) for person in people]
    organization = invitation.organization
    if organization.contact_email:
        return [(None, organization.name, organization.contact_email)]
    return []


def personal_token(invitation, person=None):
    """A new personal link's secret for one recipient: `person` (the invitee or a delegate),
    or with none the invitee itself (for an organization, its contact address)."""
    return mint_link(invitation, person)


def send(invitation, reason):
    """Queue this invitee's email, one per recipient, each with the recipient's own link (a
    cancellation carries none: there is nothing left to answer)."""
    meeting = invitation.meeting
    exceptions = exceptions_by_meeting([meeting.id])[meeting.id]
    method = ical.METHOD_CANCEL if reason == REASON_CANCELLED else ical.METHOD_REQUEST
    for person, name, address in recipients(invitation):
        link = None
        if reason != REASON_CANCELLED:
            link = external_url("meetings.rsvp.page", token=personal_token(invitation, person))
        attachments = ()
        if _wants_calendar_parts(person):
            data = ical.build_calendar(
                events.series_events(meeting, exceptions),
                method=method,
                organizer=_organizer(),
                attendee=(name, address),
            )
            attachments = [("invite.ics", "text/calendar", data, method)]
        queue_email(
            kind="meeting_invitation",
            person=person,
            to_address=address,
            to_name=name,
            subject=_subject(reason, meeting.title),
            template="meeting_invitation",
            context={
                "meeting": meeting,
                "reason": reason,
                "link": link,
                "invitee": invitation.invitee_name,
                "exceptions": exceptions,
            },
            attachments=attachments,
            personal_links=[link] if link else [],
        )


def _subject(reason, title):
    """Lazy, so it is written in the recipient's language."""
    if reason == REASON_CANCELLED:
        return _l("Cancelled: %(title)s", title=title)
    if reason == REASON_UPDATED:
        return _l("Updated: %(title)s", title=title)
    return _l("Invitation: %(title)s", title=title)


def _wants_calendar_parts(person):
    if person is None:
        return True
    settings = db.session.scalar(db.select(CalendarSettings).filter_by(person_id=person.id))
    return settings is None or settings.delivery == CalendarSettings.DELIVERY_EMAIL


def _organizer():
    name, address = parseaddr(current_app.config["MAIL_DEFAULT_SENDER"])
    return (name or current_app.config["COALITION_NAME"], address)


def carry_over(series, continuation, actor):
    """After a split, everyone invited to the series is invited to its continuation."""
    people, organizations = [], []
    for invitation in invitations_of(series):
        if invitation.person_id:
            people.append(invitation.person)
        else:
            organizations.append(invitation.organization)
    invite(continuation, actor, people=people, organizations=organizations)


def invitable_organizations():
    """Organizations one can invite: every one not lapsed, by name."""
    return db.session.scalars(
        db.select(Organization)
        .where(Organization.status != STATUS_LAPSED)
        .order_by(Organization.name)
    ).all()


def invitable_people(visible):
    """People one may invite or give an action item: active, with an email, among those the
    viewer may see (`visible`: members.access.visible_people_clause), by name."""
    return people_to_pick(visible, with_email=True)
