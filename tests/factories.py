"""Creator fixtures: each returns a function that makes one object with sensible defaults."""

import itertools
from datetime import date

import pytest

from coalition.auth.passwords import hash_password
from coalition.core.extensions import db
from coalition.members.organizations.models import (
    Affiliation,
    Commitment,
    Organization,
    OrganizationLanguage,
)
from coalition.members.people.models import ROLE_COORDINATOR, Person, PersonLanguage
from coalition.members.sectors import Sector
from coalition.timeline.services import record_entry

DEFAULT_PASSWORD = "orchard-violet-lantern"
_sequence = itertools.count(1)


def _detached(obj):
    """Load every column, then detach, so tests read the object outside the app context."""
    db.session.refresh(obj)
    db.session.expunge(obj)
    return obj


@pytest.fixture
def create_person(app):
    """create_person(**overrides) -> a Person; with an account unless password=None."""

    def create(password=DEFAULT_PASSWORD, languages=(), **overrides):
        number = next(_sequence)
        fields = {
            "name": f"Person {number}",
            "email": f"person{number}@example.org",
            "directory_consent": True,
            "language": "en",
        }
        fields.update(overrides)
        with app.app_context():
            person = Person(**fields)
            person.languages = [PersonLanguage(code=code) for code in languages]
            if password is not None:
                person.password_hash = hash_password(password)
            db.session.add(person)
            db.session.commit()
            person = _detached(person)
        person.password = password
        return person

    return create


@pytest.fixture
def create_coordinator(create_person):
    """create_coordinator(**overrides) -> a Person with the coordinator role."""

    def create(**overrides):
        overrides.setdefault("role", ROLE_COORDINATOR)
        return create_person(**overrides)

    return create


@pytest.fixture
def create_organization(app):
    """create_organization(name=None, status=..., sectors=(keys), languages=(codes), owner=None,
    **fields) -> an Organization (sectors are preloaded ones, named by key)."""

    def create(name=None, *, sectors=(), languages=(), owner=None, **fields):
        fields.setdefault("status", "identified")
        with app.app_context():
            organization = Organization(
                name=name or f"Organization {next(_sequence)}",
                owner_id=owner.id if owner is not None else None,
                **fields,
            )
            organization.sectors = list(
                db.session.scalars(db.select(Sector).where(Sector.key.in_(sectors)))
            )
            organization.languages = [OrganizationLanguage(code=code) for code in languages]
            db.session.add(organization)
            db.session.commit()
            return _detached(organization)

    return create


@pytest.fixture
def link_person(app):
    """link_person(person, organization, role="primary") -> the Affiliation between them."""

    def link(person, organization, role="primary"):
        with app.app_context():
            affiliation = Affiliation(
                person_id=person.id, organization_id=organization.id, role=role
            )
            db.session.add(affiliation)
            db.session.commit()
            return _detached(affiliation)

    return link


@pytest.fixture
def create_commitment(app):
    """create_commitment(organization, text=...) -> a Commitment of that organization."""

    def create(organization, text="Host a community forum", committed_on=None):
        with app.app_context():
            commitment = Commitment(
                organization_id=organization.id,
                text=text,
                committed_on=committed_on or date(2026, 5, 1),
            )
            db.session.add(commitment)
            db.session.commit()
            return _detached(commitment)

    return create


@pytest.fixture
def create_timeline_entry(app):
    """create_timeline_entry(**overrides) -> a TimelineEntry written through record_entry."""

    def create(kind="win", title=None, occurred_on=None, **kwargs):
        with app.app_context():
            entry = record_entry(
                kind,
                title or f"Entry {next(_sequence)}",
                occurred_on or date(2026, 5, 1),
                **kwargs,
            )
            db.session.commit()
            return _detached(entry)

    return create


@pytest.fixture
def reload(app):
    """reload(Model, id) -> a fresh, detached copy from the database."""

    def load(model, object_id):
        with app.app_context():
            obj = db.session.get(model, object_id)
            return _detached(obj) if obj is not None else None

    return load


@pytest.fixture
def create_queued_email(app, create_person):
    """create_queued_email(person=None, **overrides) -> id of an essential email in the outbox."""
    from coalition.outbox.mail import queue_email

    def create(person=None, **overrides):
        person = person or create_person()
        fields = {
            "kind": "password_reset",
            "to_address": person.email,
            "subject": "Reset your password",
            "template": "password_reset",
            "context": {"url": "http://localhost/reset-password/SECRET", "minutes": 60},
            "personal_links": ["http://localhost/reset-password/SECRET"],
        }
        fields.update(overrides)
        with app.app_context():
            email = queue_email(person=db.session.get(Person, person.id), **fields)
            db.session.commit()
            return email.id

    return create


@pytest.fixture
def create_meeting(app):
    """create_meeting(**details) -> a Meeting (monthly series of 6 from next month by default)."""
    from datetime import time as clock
    from datetime import timedelta as span

    from coalition.meetings.recurrence import MONTHLY_BY_WEEKDAY, Recurrence
    from coalition.meetings.series.services import MeetingDetails, schedule_meeting

    def create(actor=None, **overrides):
        fields = {
            "title": f"Meeting {next(_sequence)}",
            "day": date.today() + span(days=35),
            "start_time": clock(18, 0),
            "end_time": clock(19, 30),
            "timezone": "America/Chicago",
            "location": "Riverside Library, Room B",
            "recurrence": Recurrence(MONTHLY_BY_WEEKDAY, count=6),
        }
        fields.update(overrides)
        with app.app_context():
            creator = db.session.get(Person, actor.id) if actor is not None else None
            meeting = schedule_meeting(MeetingDetails(**fields), creator)
            db.session.commit()
            return _detached(meeting)

    return create


@pytest.fixture
def invite_to_meeting(app):
    """invite_to_meeting(meeting, people=(), organizations=()) -> invitations sent; to a
    meeting already over, as if invited while it ran (invite() refuses it now)."""
    from coalition.meetings.models import Meeting
    from coalition.meetings.rsvp.meeting_invitations import (
        add_invitations,
        has_date_to_come,
        invite,
    )
    from coalition.members.organizations.models import Organization

    def send(meeting, people=(), organizations=()):
        with app.app_context():
            stored = db.session.get(Meeting, meeting.id)
            count = (invite if has_date_to_come(stored) else add_invitations)(
                stored,
                None,
                people=[db.session.get(Person, person.id) for person in people],
                organizations=[db.session.get(Organization, org.id) for org in organizations],
            )
            db.session.commit()
            return count

    return send


@pytest.fixture
def create_answer(app):
    """create_answer(meeting, invitee, answer="yes", headcount=1, start=None) -> the Rsvp of
    an invited person or organization for one date (the first by default), as stored."""
    from coalition.meetings.models import Meeting, MeetingInvitation
    from coalition.meetings.rsvp.models import Rsvp

    def create(meeting, invitee, answer="yes", headcount=1, start=None):
        kind = "organization" if isinstance(invitee, Organization) else "person"
        with app.app_context():
            invitation = db.session.scalars(
                db.select(MeetingInvitation).filter_by(
                    meeting_id=meeting.id, invitee_key=f"{kind}:{invitee.id}"
                )
            ).one()
            rsvp = Rsvp(
                meeting_id=meeting.id,
                invitation_id=invitation.id,
                respondent_key=invitation.invitee_key,
                occurrence_start=start or db.session.get(Meeting, meeting.id).start_at,
                answer=answer,
                headcount=headcount,
            )
            db.session.add(rsvp)
            db.session.commit()
            return _detached(rsvp)

    return create


@pytest.fixture
def create_committee(app):
    """create_committee(name=None, kind="working", chairs=(), members=(), **fields) -> Committee."""
    from coalition.committees.models import Committee, CommitteeMembership

    def create(name=None, kind="working", chairs=(), members=(), **fields):
        with app.app_context():
            committee = Committee(name=name or f"Committee {next(_sequence)}", kind=kind, **fields)
            db.session.add(committee)
            for role, people in (("chair", chairs), ("member", members)):
                for person in people:
                    db.session.add(
                        CommitteeMembership(committee=committee, person_id=person.id, role=role)
                    )
            db.session.commit()
            return _detached(committee)

    return create


@pytest.fixture
def create_goal(app):
    """create_goal(committee=None, **fields) -> an active Goal."""
    from coalition.committees.goals.models import Goal

    def create(committee=None, **fields):
        fields.setdefault("title", f"Goal {next(_sequence)}")
        fields.setdefault("status", "active")
        with app.app_context():
            goal = Goal(committee_id=committee.id if committee else None, **fields)
            db.session.add(goal)
            db.session.commit()
            return _detached(goal)

    return create


@pytest.fixture
def create_section(app):
    """create_section(title=None, text=...) -> a GuidelineSection with its first revision."""
    from coalition.committees.guidelines.services import add_section

    def create(title=None, text="Decisions are made by consent."):
        with app.app_context():
            section = add_section(title or f"Section {next(_sequence)}", text, None)
            db.session.commit()
            return _detached(section)

    return create


@pytest.fixture
def create_proposal(app):
    """create_proposal(actor, committee=None, hours=48, **fields) -> an open Proposal
    (a question by default; kind="amendment" needs section_id and new_text)."""
    from datetime import UTC, datetime, timedelta

    from coalition.committees.models import Committee
    from coalition.committees.proposals.services import ProposalData, open_proposal

    def create(actor, committee=None, hours=48, **fields):
        values = {
            "kind": "question",
            "title": f"Proposal {next(_sequence)}",
            "body": "",
            "rule": "consent",
            "quorum": 1,
            "one_voice_per_organization": False,
            "closes_at": datetime.now(UTC) + timedelta(hours=hours),
        }
        values.update(fields)
        with app.app_context():
            proposal = open_proposal(
                ProposalData(**values),
                db.session.get(Committee, committee.id) if committee else None,
                db.session.get(Person, actor.id),
            )
            db.session.commit()
            return _detached(proposal)

    return create
