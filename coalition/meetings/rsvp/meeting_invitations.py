"""Inviting people and organizations to meetings, and telling them when something changes.

Each invitee gets an email in their language with the details in the meeting's own zone, a
personal link, and (unless they follow a calendar feed instead) the calendar invitation as a
text/calendar part and an .ics file, so their calendar adds or updates the event it holds.
"""

from email.utils import parseaddr
from typing import NamedTuple

from flask import current_app
from flask_babel import force_locale

from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.meetings import changes
from coalition.meetings.calendar import events, ical
from coalition.meetings.calendar.models import CalendarSettings
from coalition.meetings.models import MeetingInvitation
from coalition.meetings.queries import exceptions_by_meeting
from coalition.meetings.rsvp import reach
from coalition.meetings.rsvp.links import mint_link
from coalition.meetings.rsvp.models import RsvpLink
from coalition.members.organizations.models import STATUS_LAPSED, Organization
from coalition.members.people.services import people_to_pick
from coalition.outbox.mail import queue_email
from coalition.web.i18n import _l, email_language

REASON_INVITED = "invited"
REASON_UPDATED = "updated"
REASON_CANCELLED = "cancelled"
NOTHING_TO_COME = _l("This meeting has no date still to come: schedule new dates first.")


def invite(meeting, actor, *, people=(), organizations=()):
    """Add invitations for those not yet invited and email them, one email per address.

    Returns who was told: `sent` (the invitations that reach someone) and `unreached`
    (those whose emails reach no one, to show the organizer). An invitation chosen again
    that never reached anyone is sent now, if someone can receive it. A meeting with no
    date still to come is refused: its email would offer only past dates.
    """
    if not has_date_to_come(meeting):
        raise ActionRefused(NOTHING_TO_COME)
    return add_invitations(meeting, actor, people, organizations)


def has_date_to_come(meeting):
    """True while a date of the meeting, not cancelled, is still to start."""
    return changes.to_come(meeting, exceptions_by_meeting([meeting.id])[meeting.id])


def add_invitations(meeting, actor, people=(), organizations=()):
    """invite() without its check of dates still to come: a split's continuation carries
    the series' invitations (and so their links) over, whatever its dates."""
    existing = {
        invitation.invitee_key: invitation
        for invitation in db.session.scalars(
            db.select(MeetingInvitation).filter_by(meeting_id=meeting.id)
        )
    }
    chosen = [(f"person:{p.id}", {"person": p}) for p in people]
    chosen += [(f"organization:{o.id}", {"organization": o}) for o in organizations]
    unsent = never_reached([existing[key] for key, _ in chosen if key in existing])
    invitations = []
    for key, invitee in chosen:
        if key not in existing:
            existing[key] = MeetingInvitation(
                meeting=meeting, invitee_key=key, invited_by=actor, **invitee
            )
            db.session.add(existing[key])
            invitations.append(existing[key])
        elif existing[key] in unsent and existing[key] not in invitations:
            invitations.append(existing[key])
    db.session.flush()
    return send_all(invitations, REASON_INVITED)


def never_reached(invitations):
    """Those of these invitations no email has carried a personal link for yet."""
    if not invitations:
        return []
    linked = set(
        db.session.scalars(
            db.select(RsvpLink.invitation_id).where(
                RsvpLink.invitation_id.in_([i.id for i in invitations])
            )
        )
    )
    return [invitation for invitation in invitations if invitation.id not in linked]


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


def notify_invitees(meeting, reason, change=None):
    """Tell every invitee about a change that matters (time, place, link) or a cancellation;
    `change` (a changes.Change) says in words which date or what changed."""
    return send_all(invitations_of(meeting), reason, change)


def personal_token(invitation, person=None):
    """A new personal link's secret for one recipient: `person` (the invitee or a delegate),
    or with none the invitee itself (for an organization, its contact address)."""
    return mint_link(invitation, person)


class Sent(NamedTuple):
    """Who one change reached: invitations with at least one recipient, and those with none."""

    sent: list
    unreached: list


def send_all(invitations, reason, change=None):
    """Queue one email per address for one change to these invitations: a person invited
    by name and as a delegate, or an address shared by two invitees, gets one email
    carrying each invitation's own link. Returns Sent(sent, unreached)."""
    meeting = invitations[0].meeting if invitations else None
    exceptions = exceptions_by_meeting([meeting.id])[meeting.id] if meeting else {}
    sent = []
    for entries in reach.by_address(invitations).values():
        _send_to_address(meeting, entries, reason, exceptions, change)
        sent += [invitation for invitation, *_ in entries if invitation not in sent]
    return Sent(sent, [invitation for invitation in invitations if invitation not in sent])


def _send_to_address(meeting, entries, reason, exceptions, change=None):
    """One email to one address, for each reach.by_address entry reaching it."""
    person, organization, name, address = reach.addressee(entries)
    method = ical.METHOD_CANCEL if reason == REASON_CANCELLED else ical.METHOD_REQUEST
    links = []
    if reason != REASON_CANCELLED:  # a cancellation carries none: nothing is left to answer
        links = reach.personal_links(entries)
    attachments = ()
    if _wants_calendar_parts(person):
        with force_locale(email_language(person, organization)):  # its text, as the email's
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
        organization=organization,
        to_address=address,
        to_name=name,
        subject=_subject(reason, meeting.title),
        template="meeting_invitation",
        context={
            "meeting": meeting,
            "reason": reason,
            "links": links,
            "link": links[0][1] if links else None,
            "invitee": entries[0][0].invitee_name,
            "exceptions": exceptions,
            "change": change,
        },
        attachments=attachments,
        personal_links=[link for _name, link in links],
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
    """After a split, everyone invited to the series is invited to its continuation, but a
    person deactivated since. The continuation's dates may all be past (a split in the past):
    the invitations still carry the links over."""
    people, organizations = [], []
    for invitation in invitations_of(series):
        if invitation.person_id:
            if invitation.person.is_active:
                people.append(invitation.person)
        else:
            organizations.append(invitation.organization)
    add_invitations(continuation, actor, people, organizations)


def invitable_organizations():
    """Organizations one can invite: every one not lapsed, by name."""
    return db.session.scalars(
        db.select(Organization)
        .where(Organization.status != STATUS_LAPSED)
        .order_by(Organization.name_search)
    ).all()


def invitable_people(visible):
    """People one may invite or give an action item: active, with an email, among those the
    viewer may see (`visible`: members.access.visible_people_clause), by name."""
    return people_to_pick(visible, with_email=True)
