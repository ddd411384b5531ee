"""Personal RSVP links: one for each recipient of an invitation's emails.

A link is a token (coalition.core.tokens: only its hash is stored) naming the invitation, and an
RsvpLink row naming who it was sent to: the invited person, a delegate of the invited
organization, or (no person) the organization's contact address. Whenever a link is used,
its recipient must still be able to answer: an active person who is still the invitee or
still a delegate of the organization. So deactivating a person, or unlinking a delegate,
ends their links at once without touching anyone else's, and without the people or auth
packages reaching into meetings.

Links stay reusable until the series ends. Sending again to the same recipient mints a new
link (only hashes are kept, so an old one cannot be sent twice) and retires the oldest
beyond the newest LIVE_LINKS_PER_RECIPIENT, so links never pile up.
"""

from datetime import timedelta

from sqlalchemy import update

from coalition.core.dbtypes import utcnow
from coalition.core.extensions import db
from coalition.core.tokens import (
    PURPOSE_MEETING_INVITATION,
    EmailToken,
    find_any_token,
    find_token,
    hash_token,
    issue_token,
)
from coalition.meetings.models import MeetingInvitation
from coalition.meetings.rsvp.models import RsvpLink
from coalition.members.organizations.models import DELEGATE_ROLES, Affiliation

# The newest links of one recipient for one invitation that keep working; older ones retire.
LIVE_LINKS_PER_RECIPIENT = 10


def link_lifetime(meeting):
    """A personal link works until the series has ended."""
    return max(meeting.last_end_at - utcnow(), timedelta(days=1)) + timedelta(days=1)


def mint_link(invitation, person=None):
    """A new link's secret for one recipient of this invitation's emails; return it raw.

    `person` is the invited person or a delegate of the invited organization; None means
    the invitee itself: the invited person, or the organization's contact address.
    """
    if person is None and invitation.person_id is not None:
        person = invitation.person
    raw = issue_token(
        PURPOSE_MEETING_INVITATION,
        invitation,
        link_lifetime(invitation.meeting),
        single_use=False,
        revoke_older=False,
    )
    token_id = db.session.scalar(
        db.select(EmailToken.id).where(EmailToken.token_hash == hash_token(raw))
    )
    db.session.add(
        RsvpLink(
            token_id=token_id,
            invitation_id=invitation.id,
            person_id=person.id if person is not None else None,
        )
    )
    db.session.flush()
    _retire_oldest(invitation, person)
    return raw


def _retire_oldest(invitation, person):
    """Revoke this recipient's live links beyond the newest few."""
    recipient = (
        RsvpLink.person_id == person.id if person is not None else RsvpLink.person_id.is_(None)
    )
    live = db.session.scalars(
        db.select(EmailToken.id)
        .join(RsvpLink, RsvpLink.token_id == EmailToken.id)
        .where(RsvpLink.invitation_id == invitation.id, recipient)
        .where(EmailToken.revoked_at.is_(None), EmailToken.expires_at > utcnow())
        .order_by(EmailToken.id.desc())
    ).all()
    retiring = live[LIVE_LINKS_PER_RECIPIENT:]
    if retiring:
        db.session.execute(
            update(EmailToken)
            .where(EmailToken.id.in_(retiring))
            .values(revoked_at=utcnow())
            .execution_options(synchronize_session=False)
        )


def open_link(raw):
    """The RsvpLink behind a usable link whose recipient may still answer, or None.

    Its invitation comes with the meeting and the invitee loaded.
    """
    token = find_token(PURPOSE_MEETING_INVITATION, raw)
    if token is None or token.object_type != MeetingInvitation.__tablename__:
        return None
    link = db.session.scalar(
        db.select(RsvpLink)
        .where(RsvpLink.token_id == token.id, RsvpLink.invitation_id == token.object_id)
        .options(
            db.joinedload(RsvpLink.person),
            db.joinedload(RsvpLink.invitation).options(
                db.joinedload(MeetingInvitation.meeting),
                db.joinedload(MeetingInvitation.person),
                db.joinedload(MeetingInvitation.organization),
            ),
        )
    )
    if link is None or not still_addressed(link):
        return None
    return link


def find_link(raw):
    """The RsvpLink a link's token names, even once it no longer works, or None: whom it was
    sent to, for the language of its page. Never a way in (open_link is)."""
    token = find_any_token(PURPOSE_MEETING_INVITATION, raw)
    if token is None or token.object_type != MeetingInvitation.__tablename__:
        return None
    return db.session.scalar(
        db.select(RsvpLink)
        .where(RsvpLink.token_id == token.id)
        .options(db.joinedload(RsvpLink.person), db.joinedload(RsvpLink.invitation))
    )


def still_addressed(link):
    """The link's recipient may still answer for its invitee."""
    invitation = link.invitation
    if link.person_id is None:  # the organization's contact address
        return invitation.organization_id is not None
    if not link.person.is_active:
        return False
    if invitation.person_id is not None:
        return invitation.person_id == link.person_id
    return is_delegate(link.person_id, invitation.organization_id)


def is_delegate(person_id, organization_id):
    """The person is the organization's primary delegate or an alternate, now."""
    return (
        db.session.scalar(
            db.select(Affiliation.id).where(
                Affiliation.person_id == person_id,
                Affiliation.organization_id == organization_id,
                Affiliation.role.in_(DELEGATE_ROLES),
            )
        )
        is not None
    )


def delegated_organization_ids(person):
    """Ids of the organizations an active person is a delegate of."""
    if person is None or not person.is_active:
        return set()
    return set(
        db.session.scalars(
            db.select(Affiliation.organization_id).where(
                Affiliation.person_id == person.id, Affiliation.role.in_(DELEGATE_ROLES)
            )
        )
    )
