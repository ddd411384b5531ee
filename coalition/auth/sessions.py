"""Starting and ending a browser session, keeping the visitor's language.

The login identity in the cookie is "<person id>:<session generation>:<session key>". The
generation ends every session of an account at once; the key names this one session, so a
logout ends it here while the account's other devices stay logged in.
"""

import secrets

from flask import session
from flask_babel import refresh
from flask_login import login_user, logout_user
from sqlalchemy import update

from coalition.auth.models import LoginSession
from coalition.core.dbtypes import utcnow
from coalition.core.extensions import db
from coalition.core.tokens import hash_token
from coalition.web.i18n import SESSION_LANGUAGE_KEY

IDENTITY_KEY = "_user_id"  # where Flask-Login keeps the identity in the session


def start_session(person):
    """A fresh session (no fixation) for this person, keeping the language chosen.

    Adds the session's row: the caller commits.
    """
    _clear_keeping_language()
    login_user(person)
    session[IDENTITY_KEY] = new_login_identity(person)
    refresh()  # messages from here on speak the person's language, not the visitor's


def new_login_identity(person):
    """A new session's row for this person (the caller commits) and its login identity."""
    key = secrets.token_urlsafe(32)
    db.session.add(LoginSession(person_id=person.id, key_hash=hash_token(key)))
    db.session.flush()
    return f"{person.get_id()}:{key}"


def end_session(person=None):
    """Log out here; the next page stays in the person's (or visitor's) language.

    Ends this session's row, so a copy of the cookie no longer logs in: the caller commits.
    """
    _end_login_session(session.get(IDENTITY_KEY))
    language = person.language if person is not None else None
    logout_user()
    _clear_keeping_language()
    if language:
        session[SESSION_LANGUAGE_KEY] = language
    refresh()


def session_person(identity):
    """The active account behind a login identity whose session has not ended, or None."""
    from coalition.members.people.models import Person

    person_id, generation, key = _parse(identity)
    if person_id is None:
        return None
    person = db.session.scalar(
        db.select(Person)
        .join(LoginSession, LoginSession.person_id == Person.id)
        .where(
            Person.id == person_id,
            Person.session_generation == generation,
            LoginSession.key_hash == hash_token(key),
            LoginSession.ended_at.is_(None),
        )
    )
    if person is None or not person.is_active or not person.has_account:
        return None
    return person


def _parse(identity):
    parts = (identity or "").split(":")
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit() or not parts[2]:
        return None, None, None
    if len(parts[0]) > 10 or len(parts[1]) > 10 or len(parts[2]) > 100:
        return None, None, None
    return int(parts[0]), int(parts[1]), parts[2]


def _end_login_session(identity):
    _person_id, _generation, key = _parse(identity)
    if key is not None:
        db.session.execute(
            update(LoginSession)
            .where(LoginSession.key_hash == hash_token(key), LoginSession.ended_at.is_(None))
            .values(ended_at=utcnow())
        )


def _clear_keeping_language():
    language = session.get(SESSION_LANGUAGE_KEY)
    session.clear()
    if language:
        session[SESSION_LANGUAGE_KEY] = language
