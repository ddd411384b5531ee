"""Starting and ending a browser session, keeping the visitor's language."""

from flask import session
from flask_babel import refresh
from flask_login import login_user, logout_user

from coalition.i18n import SESSION_LANGUAGE_KEY


def start_session(person):
    """A fresh session (no fixation) for this person, keeping the language chosen."""
    _clear_keeping_language()
    login_user(person)
    refresh()  # messages from here on speak the person's language, not the visitor's


def end_session(person=None):
    """Log out here; the next page stays in the person's (or visitor's) language."""
    language = person.language if person is not None else None
    logout_user()
    _clear_keeping_language()
    if language:
        session[SESSION_LANGUAGE_KEY] = language
    refresh()


def _clear_keeping_language():
    language = session.get(SESSION_LANGUAGE_KEY)
    session.clear()
    if language:
        session[SESSION_LANGUAGE_KEY] = language
