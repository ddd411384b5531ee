"""An invitee who lost their personal link asks for it again by email.

The answer on screen is the same whether the address is invited or not, so the form tells
no one who is on the coalition's lists; the email goes only to the address itself.
"""

from sqlalchemy import func, or_, select

from coalition.core.dbtypes import utcnow
from coalition.core.extensions import db
from coalition.meetings.models import STATUS_CANCELLED, Meeting, MeetingInvitation
from coalition.meetings.rsvp.links import delegated_organization_ids
from coalition.meetings.rsvp.meeting_invitations import personal_token
from coalition.members.organizations.models import DELEGATE_ROLES, Affiliation, Organization
from coalition.members.people.models import find_person_by_email, normalize_email
from coalition.outbox.mail import queue_email
from coalition.web.i18n import _l
from coalition.web.urls import external_url


def invitations_for_address(address):
    """Invitations to meetings not yet over that this address receives: the invited person,
    a delegate of an invited organization, or the organization's contact address."""
    person = find_person_by_email(address)
    addressed = [
        MeetingInvitation.organization_id.in_(
            select(Organization.id).where(func.lower(Organization.contact_email) == address)
        )
    ]
    if person is not None and person.is_active:
        delegated = select(Affiliation.organization_id).where(
            Affiliation.person_id == person.id, Affiliation.role.in_(DELEGATE_ROLES)
        )
        addressed += [
            MeetingInvitation.person_id == person.id,
            MeetingInvitation.organization_id.in_(delegated),
        ]
    query = (
        db.select(MeetingInvitation)
        .join(Meeting, Meeting.id == MeetingInvitation.meeting_id)
        .where(
            Meeting.last_end_at > utcnow(),
            Meeting.status != STATUS_CANCELLED,
            or_(*addressed),
        )
        .options(
            db.joinedload(MeetingInvitation.meeting),
            db.joinedload(MeetingInvitation.person),
            db.joinedload(MeetingInvitation.organization),
        )
        .order_by(Meeting.start_at)
    )
    return db.session.scalars(query).unique().all()


def send_lost_links(address):
    """Email fresh personal links for every upcoming invitation of this address, if any."""
    address = normalize_email(address)
    invitations = invitations_for_address(address)
    if not invitations:
        return None
    person = find_person_by_email(address)
    delegated = delegated_organization_ids(person)
    links = [
        (
            invitation,
            external_url("meetings.rsvp.page", token=_token(invitation, person, delegated)),
        )
        for invitation in invitations
    ]
    return queue_email(
        kind="meeting_invitation",
        person=person,
        organization=_contact_of(invitations, address) if person is None else None,
        to_address=address,
        to_name=person.name if person is not None else None,
        subject=_l("Your links to answer meeting invitations"),
        template="rsvp_links",
        context={"links": links},
        personal_links=[link for _invitation, link in links],
    )


def _contact_of(invitations, address):
    """The organization whose contact address this is, among the invited ones (the first, if
    two share it): no person owns the address, so its language is the one to write in."""
    return next(
        (
            invitation.organization
            for invitation in invitations
            if invitation.organization is not None
            and normalize_email(invitation.organization.contact_email or "") == address
        ),
        None,
    )


def _token(invitation, person, delegated):
    """A link of the person who owns this address, or else of the organization's contact
    address (the only other way the address can be invited)."""
    if invitation.person_id is not None:
        return personal_token(invitation)
    if invitation.organization_id in delegated:
        return personal_token(invitation, person)
    return personal_token(invitation, None)
