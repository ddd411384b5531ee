"""Whom an invitation's emails reach, and one email per address for one change.

An invitation reaches a person with an email who is still active; an organization's reaches
its active delegates with an email, or else its contact address. One who reaches no one is
told to the organizer rather than counted as sent. A person may be invited twice (by name
and as their organization's delegate), and two invitees may share an address (a list, a
contact address that is also a delegate's): `by_address` gathers every recipient of one
change under its normalized address, so each address gets one email for it.
"""

from sqlalchemy import or_

from coalition.core.extensions import db
from coalition.meetings.rsvp.links import mint_link
from coalition.members.organizations.models import DELEGATE_ROLES, Affiliation, Organization
from coalition.members.people.models import Person, normalize_email
from coalition.web.urls import external_url


def recipients(invitation):
    """(person or None, organization or None, name, address) to write to: a person; an
    organization's delegates, else its contact address (the organization named, as its
    language is the one that email is written in)."""
    if invitation.person_id:
        person = invitation.person
        if person.email and person.is_active:
            return [(person, None, person.name, person.email)]
        return []
    delegates = db.session.scalars(
        db.select(Affiliation)
        .filter_by(organization_id=invitation.organization_id)
        .where(Affiliation.role.in_(DELEGATE_ROLES))
        .options(db.joinedload(Affiliation.person))
    ).all()
    people = [a.person for a in delegates if a.person.email and a.person.is_active]
    if people:
        return [(person, None, person.name, person.email) for person in people]
    organization = invitation.organization
    if organization.contact_email:
        return [(None, organization, organization.name, organization.contact_email)]
    return []


def by_address(invitations):
    """{normalized address: [(invitation, person, organization, name, address), ...]} for
    every recipient of these invitations (as recipients() names them), in the order first
    reached."""
    gathered = {}
    for invitation in invitations:
        for recipient in recipients(invitation):
            address = recipient[-1]
            gathered.setdefault(normalize_email(address), []).append((invitation, *recipient))
    return gathered


def addressee(entries):
    """(person or None, organization or None, name, address) one email to these by_address
    entries goes to: the first entry's name and address, and the first person among them,
    else the organization whose contact address it is (either says the language)."""
    _invitation, _person, organization, name, address = entries[0]
    person = next((entry[1] for entry in entries if entry[1] is not None), None)
    return person, organization if person is None else None, name, address


def personal_links(entries):
    """[(invitee name, new personal link)] for these by_address entries: each invitation's
    own link for the one it reaches at this address."""
    return [
        (invitation.invitee_name, personal_url(invitation, person))
        for invitation, person, *_rest in entries
    ]


def personal_url(invitation, person=None):
    """A new personal link to an invitation's answer page, for `person` (none: the invitee
    itself, for an organization its contact address)."""
    return external_url("meetings.rsvp.page", token=mint_link(invitation, person))


def unreachable_organization_ids(organization_ids=None):
    """Ids of organizations (of these, or of all) whose invitations reach no one: no active
    delegate with an email and no contact address. One query."""
    has_delegate = (
        db.select(Affiliation.id)
        .join(Person, Person.id == Affiliation.person_id)
        .where(
            Affiliation.organization_id == Organization.id,
            Affiliation.role.in_(DELEGATE_ROLES),
            Person.email.is_not(None),
            Person.email != "",
            Person.is_active,
        )
        .exists()
    )
    query = db.select(Organization.id).where(
        or_(Organization.contact_email.is_(None), Organization.contact_email == ""),
        ~has_delegate,
    )
    if organization_ids is not None:
        query = query.where(Organization.id.in_(list(organization_ids)))
    return set(db.session.scalars(query))


def unreached(invitations, unreachable_ids=None):
    """The invitations among these that reach no one (their person or organization loaded),
    given the ids of unreachable organizations, or finding them in one query."""
    if unreachable_ids is None:
        ids = {i.organization_id for i in invitations if i.organization_id}
        unreachable_ids = unreachable_organization_ids(ids) if ids else set()
    return [
        invitation
        for invitation in invitations
        if invitation.organization_id in unreachable_ids
        or (invitation.person_id and not (invitation.person.email and invitation.person.is_active))
    ]
