"""Committees, memberships and join requests: the actions (flush, never commit)."""

from dataclasses import dataclass

from sqlalchemy.orm import selectinload

from coalition.committees.models import (
    REQUEST_APPROVED,
    REQUEST_DECLINED,
    REQUEST_PENDING,
    ROLE_CHAIR,
    ROLE_MEMBER,
    Committee,
    CommitteeMembership,
    JoinRequest,
)
from coalition.committees.notify import notify
from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused, EditConflict
from coalition.core.extensions import db
from coalition.core.matching import other_with_name
from coalition.members.organizations.models import Affiliation
from coalition.members.people.models import ROLE_COORDINATOR, Person, find_person_by_email
from coalition.web.i18n import _l
from coalition.web.urls import external_url


@dataclass
class CommitteeData:
    name: str
    kind: str
    charge: str
    open_to_requests: bool
    active: bool = True


def _check_name(name, committee=None):
    names = db.session.execute(db.select(Committee.id, Committee.name))
    if other_with_name(names, name, committee.id if committee else None) is not None:
        raise ActionRefused(_l("Another committee already has this name."), field="name")


def create_committee(data, actor):
    _check_name(data.name)
    committee = Committee(**vars(data))
    db.session.add(committee)
    db.session.flush()
    return committee


def update_committee(committee, data, version, actor):
    """Save an edit made from `version`; a newer saved version refuses it (EditConflict)."""
    if str(committee.version) != str(version):
        raise EditConflict(committee)
    _check_name(data.name, committee)
    for name, value in vars(data).items():
        setattr(committee, name, value)
    db.session.flush()
    return committee


def committees_list():
    return db.session.scalars(
        db.select(Committee)
        .options(selectinload(Committee.memberships))
        .order_by(Committee.kind.desc(), Committee.name)
    ).all()


def load_committee(committee_id):
    """The committee with its members, their people, organizations and sectors."""
    from coalition.members.organizations.models import Organization

    return db.session.scalar(
        db.select(Committee)
        .where(Committee.id == committee_id)
        .options(
            selectinload(Committee.memberships).selectinload(CommitteeMembership.person),
            selectinload(Committee.memberships)
            .selectinload(CommitteeMembership.organization)
            .selectinload(Organization.sectors),
        )
    )


def add_member(committee, email, role, organization_id, actor):
    """Put a person on the committee (or change their role); the organization is optional."""
    person = find_person_by_email(email)
    if person is None:
        raise ActionRefused(_l("No one in the coalition has this email."), field="email")
    if organization_id and not db.session.scalar(
        db.select(Affiliation.id).filter_by(person_id=person.id, organization_id=organization_id)
    ):
        raise ActionRefused(
            _l("This person is not linked to that organization."), field="organization_id"
        )
    membership = db.session.scalar(
        db.select(CommitteeMembership).filter_by(committee_id=committee.id, person_id=person.id)
    )
    if membership is None:
        membership = CommitteeMembership(committee=committee, person=person)
        db.session.add(membership)
    membership.role = role if role in (ROLE_CHAIR, ROLE_MEMBER) else ROLE_MEMBER
    membership.organization_id = organization_id or None
    db.session.flush()
    return membership


def remove_member(membership):
    db.session.delete(membership)
    db.session.flush()


def chairs_of(committee):
    """The committee's active chairs: a deactivated chair hears nothing, so others are told."""
    return [m.person for m in committee.memberships if m.is_chair and m.person.is_active]


def pending_request_of(committee, person):
    """The person's request to join that no one has answered yet, or None."""
    return db.session.scalar(
        db.select(JoinRequest).filter_by(
            committee_id=committee.id, person_id=person.id, status=REQUEST_PENDING
        )
    )


def request_to_join(committee, person, message):
    """Ask to join an open committee; its chairs (else the coordinators) are told."""
    if pending_request_of(committee, person) is not None:
        raise ActionRefused(_l("You have already asked to join; a chair will answer."))
    join = JoinRequest(committee=committee, person=person, message=message)
    db.session.add(join)
    db.session.flush()
    recipients = (
        chairs_of(committee)
        or db.session.scalars(
            db.select(Person).where(Person.role == ROLE_COORDINATOR, Person.is_active)
        ).all()
    )
    notify(
        recipients,
        kind="committee",
        subject=_l(
            "%(name)s asks to join %(committee)s", name=person.name, committee=committee.name
        ),
        message=_l(
            "%(name)s asks to join %(committee)s. Approve or decline on the committee's page.",
            name=person.name,
            committee=committee.name,
        ),
        detail=message,
        link=external_url("committees.detail", committee_id=committee.id),
        key=f"join-{join.id}",
    )
    return join


def pending_requests(committee):
    return db.session.scalars(
        db.select(JoinRequest)
        .filter_by(committee_id=committee.id, status=REQUEST_PENDING)
        .options(selectinload(JoinRequest.person))
        .order_by(JoinRequest.id)
    ).all()


def decide_request(join, approve, response, actor):
    """Approve (the person becomes a member) or decline, with a message to the person."""
    if join.status != REQUEST_PENDING:
        raise ActionRefused(_l("This request has already been answered."))
    join.status = REQUEST_APPROVED if approve else REQUEST_DECLINED
    join.response = response
    join.decided_by_id = actor.id
    join.decided_at = utcnow()
    committee = join.committee
    if approve and join.person_id not in {m.person_id for m in committee.memberships}:
        db.session.add(CommitteeMembership(committee=committee, person=join.person))
    db.session.flush()
    message = (
        _l("You are now a member of %(committee)s.", committee=committee.name)
        if approve
        else _l("Your request to join %(committee)s was declined.", committee=committee.name)
    )
    notify(
        [join.person],
        kind="committee",
        subject=message,
        message=message,
        detail=response,
        link=external_url("committees.detail", committee_id=committee.id),
        key=f"join-{join.id}-{join.status}",
    )
    return join


def sectors_brought(committee):
    """(sectors the members' organizations bring, active sectors nobody brings)."""
    from coalition.members.sectors import active_sectors

    brought = {}
    for membership in committee.memberships:
        if membership.organization is not None:
            for sector in membership.organization.sectors:
                brought[sector.id] = sector
    gaps = [sector for sector in active_sectors() if sector.id not in brought]
    return sorted(brought.values(), key=lambda s: s.display_name), gaps
