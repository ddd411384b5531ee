"""Translated strings that are never markup, the language and time zone of each request, and
the alphabetical order of the reader's language."""

from functools import cache
from zoneinfo import ZoneInfo

from flask import current_app, g, has_request_context, request, session
from flask_babel import get_locale, get_timezone, gettext, ngettext, pgettext, refresh
from flask_babel.speaklater import LazyString
from flask_login import current_user
from markupsafe import escape
from pyuca import Collator
from werkzeug.exceptions import HTTPException, MethodNotAllowed

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


def _read_as_link_recipient(person, organization=None):
    """Write this request for the one an emailed link was sent to (no person: the
    `organization`'s contact address): the language their emails are written in and their
    time zone, where the visitor has no account setting and chose no language this session."""
    g.link_language = email_language(person, organization)
    zone = getattr(person, "timezone", None)
    g.link_timezone = zone if is_valid_timezone(zone) else None
    refresh()  # anything read before the link was opened is read again


_LINK_READERS = {}  # endpoint -> whom the emailed link in its view arguments was sent to


def link_recipient_reader(*endpoints):
    """Decorator: `reader(**view_args)` returns (person, organization or None) the link in
    these endpoints' URL was sent to, or None, even when the link no longer works, so that
    every page of the link, refused ones included, speaks their language. It names the
    recipient for the language and the zone only, never to let anyone in (each door does)."""

    def register(reader):
        for endpoint in endpoints:
            _LINK_READERS[endpoint] = reader
        return reader

    return register


def read_as_request_link_recipient():
    """Before any other hook of a request (a form expired, a rate limit) and before its view,
    write the page for the one its emailed link was sent to: the registered reader runs
    once per request, its answer kept on g for the request's error pages."""
    if g.get("link_recipient_read"):
        return
    g.link_recipient_read = True
    endpoint, view_args = _route_of_request()
    reader = _LINK_READERS.get(endpoint)
    recipient = reader(**view_args) if reader is not None else None
    if recipient is not None:
        _read_as_link_recipient(*recipient)


def _route_of_request():
    """(endpoint, view arguments) of the URL asked for. A method the URL does not allow
    matched no rule (request.endpoint is None), so its 405 page matches the URL again with a
    method it allows: that page too is written for the link's recipient."""
    if request.url_rule is not None:
        return request.endpoint, request.view_args or {}
    refused = request.routing_exception
    if isinstance(refused, MethodNotAllowed) and refused.valid_methods:
        try:
            adapter = current_app.create_url_adapter(request)
            return adapter.match(method=sorted(refused.valid_methods)[0])
        except HTTPException:
            pass
    return None, {}


def register(app):
    """Read the link's recipient before every other request hook but the note of the
    request's kind (read_requests, registered after this so that it stays first)."""
    app.before_request_funcs.setdefault(None, []).insert(0, read_as_request_link_recipient)


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


def reader_zone():
    """The zone this request's times are read in (select_timezone), as a ZoneInfo.

    Flask-Babel hands out pytz zones: `datetime.combine(day, time(), zone)` or
    `replace(tzinfo=zone)` with one of those takes the zone's first historical offset (local
    mean time, Chicago -5:51), so arithmetic on wall-clock times uses this instead."""
    return ZoneInfo(str(get_timezone()))


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
