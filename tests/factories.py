"""Creator fixtures: each returns a function that makes one object with sensible defaults."""

import itertools
from datetime import date

import pytest

from coalition.auth.passwords import hash_password
from coalition.extensions import db
from coalition.members.models import ROLE_COORDINATOR, Person
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

    def create(password=DEFAULT_PASSWORD, **overrides):
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
    from coalition.mail import queue_email

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
    from coalition.meetings.services import MeetingDetails, schedule_meeting

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
