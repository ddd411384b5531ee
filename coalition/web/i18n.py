"""Translated strings that are never markup, the language and time zone of each request, and
the alphabetical order of the reader's language."""

from functools import cache

from flask import current_app, g, has_request_context, request, session
from flask_babel import get_locale, gettext, ngettext, pgettext, refresh
from flask_babel.speaklater import LazyString
from flask_login import current_user
from markupsafe import escape
from pyuca import Collator

from coalition.core.timezones import is_valid_timezone

# Each language named in itself, so a reader finds their own whatever the interface shows.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}
SESSION_LANGUAGE_KEY = "language"


class PlainLazyString(LazyString):
    """A lazily translated string that Jinja and WTForms escape like any other text.

    Flask-Babel's LazyString has an `__html__` that returns the raw string, so a label such as
    "Stage of %(name)s" carrying a user's text would reach the page as live markup. Here
    `__html__` escapes the whole translated, formatted text: user data is never markup.
    """

    def __html__(self):
        return escape(str(self))


def _l(string, **variables):
    """lazy_gettext whose result is escaped wherever it is rendered."""
    return PlainLazyString(gettext, string, **variables)


def _lp(context, string, **variables):
    """lazy pgettext: one English word that Spanish writes by what it describes
    ("Active" committee: "Activo"; organization: "Activa")."""
    return PlainLazyString(pgettext, context, string, **variables)


def _ln(singular, plural, num, **variables):
    """lazy_ngettext whose result is escaped wherever it is rendered."""
    return PlainLazyString(ngettext, singular, plural, num, **variables)


def read_as_link_recipient(person, organization=None):
    """Behind an emailed link, write this request for the one it was sent to (no person: the
    `organization`'s contact address): the language their emails are written in and their
    time zone, where the visitor has no account setting and chose no language this session.

    Every door of an emailed link calls this once it knows the recipient, so each such page
    opens in the invitee's language whatever the browser sends, and the switch still wins.
    """
    g.link_language = email_language(person, organization)
    zone = getattr(person, "timezone", None)
    g.link_timezone = zone if is_valid_timezone(zone) else None
    refresh()  # anything read before the link was opened is read again


_LINK_READERS = {}  # endpoint -> reads the recipient of the emailed link in its view arguments


def link_recipient_reader(*endpoints):
    """Decorator: `reader(**view_args)` calls read_as_link_recipient for the one the link in
    these endpoints' URL was sent to, even when the link no longer works, so that a page
    refused before its view runs (a form expired, a method not allowed) speaks their language.
    It names the recipient for the language and the zone only, never to let anyone in."""

    def register(reader):
        for endpoint in endpoints:
            _LINK_READERS[endpoint] = reader
        return reader

    return register


def read_as_request_link_recipient():
    """On a page reached by an emailed link, write for its recipient (used by error pages)."""
    reader = _LINK_READERS.get(request.endpoint) if has_request_context() else None
    if reader is not None:
        reader(**(request.view_args or {}))


def show_times_in(zone):
    """This page shows its times in `zone` (a name from the zone list), and so does every
    helper that asks for the reader's zone, the footer included: one zone for the whole page."""
    g.page_timezone = zone
    refresh()


def select_locale():
    """Account setting, else the visitor's choice this session, else the emailed link's
    recipient's language, else Accept-Language."""
    supported = current_app.config["LANGUAGES"]
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user and current_user.is_authenticated and current_user.language in supported:
        return current_user.language
    chosen = session.get(SESSION_LANGUAGE_KEY)
    if chosen in supported:
        return chosen
    if g.get("link_language") in supported:
        return g.link_language
    return (
        request.accept_languages.best_match(supported) or current_app.config["BABEL_DEFAULT_LOCALE"]
    )


def select_timezone():
    """The zone a page chose to show its times in (show_times_in), else the reader's own,
    else the coalition's."""
    if not has_request_context():
        return current_app.config["COALITION_TIMEZONE"]
    return g.get("page_timezone") or own_timezone() or current_app.config["COALITION_TIMEZONE"]


def own_timezone():
    """The reader's own zone: their account's when set, else the emailed link's recipient's;
    None when neither has one."""
    if current_user and current_user.is_authenticated and is_valid_timezone(current_user.timezone):
        return current_user.timezone
    return g.get("link_timezone")


def email_language(person=None, organization=None):
    """The language to write to a recipient in: a person's setting; with no person, the
    setting of the organization whose contact address it is; else the coalition's default.

    A delegate without a setting reads the coalition's language, not their organization's:
    the organization's is chosen for its contact address, whoever reads that."""
    supported = current_app.config["LANGUAGES"]
    recipient = person if person is not None else organization
    language = getattr(recipient, "language", None)
    return language if language in supported else current_app.config["BABEL_DEFAULT_LOCALE"]


@cache
def _collator():
    return Collator()


def collation_key(text):
    """A sort key ordering names as the reader's language does, whatever the system's locales:
    the Unicode Collation Algorithm (Árabe among the A's, not after Vietnamita), and Spanish's
    own letter ñ after n (Ñandú after Nube)."""
    text = str(text)
    if str(get_locale() or "") == "es":
        text = text.replace("ñ", "n\U0010ffff").replace("Ñ", "N\U0010ffff")
    return _collator().sort_key(text)


def sorted_by_name(items, name=str):
    """Items in the reader's alphabetical order of `name(item)` (the item itself by default)."""
    return sorted(items, key=lambda item: collation_key(name(item)))
