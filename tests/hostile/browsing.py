"""Browsing the app as its users do, checking every page on the way.

A Visitor is one browser (a test client) logged in through its session; each page it is
shown, flash messages after a form included, is inspected, and its CSRF token kept for the
next form. The World holds what was built: ids, keys and raw tokens.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from flask import session

from coalition.core.extensions import db
from tests.conftest import CSRF_META
from tests.hostile.markup import inspect_html

ZONE = ZoneInfo("America/Chicago")
PASSWORD = "orchard-violet-lantern-42"


@dataclass
class World:
    """Ids, keys and raw tokens of what was built, and what the pages showed meanwhile."""

    app: object
    ids: dict = field(default_factory=dict)
    findings: list = field(default_factory=list)  # (where, live markup)
    seen: set = field(default_factory=set)  # fields whose payload a page showed as text
    email_templates: set = field(default_factory=set)
    visitors: dict = field(default_factory=dict)  # role: Visitor
    responses: dict = field(default_factory=dict)  # (role, url): what the walk found

    def __getitem__(self, key):
        return self.ids[key]

    def __setitem__(self, key, value):
        self.ids[key] = value

    def check(self, where, response):
        """Inspect an HTML response; remember live markup and the fields it showed."""
        if response.mimetype != "text/html":
            return
        live, seen = inspect_html(response.get_data(as_text=True))
        self.findings += [(where, markup) for markup in live]
        self.seen |= seen


class Visitor:
    """One browser: a test client logged in through its session, checking every page."""

    def __init__(self, world, person_id=None):
        self.world = world
        self.client = world.app.test_client()
        if person_id is not None:
            log_in(world.app, self.client, person_id)
        self.token = None
        self.get("/")

    def _read(self, where, response):
        """Check the page, and keep its CSRF token (a login starts a new session)."""
        self.world.check(where, response)
        if response.mimetype == "text/html":
            found = CSRF_META.search(response.get_data(as_text=True))
            self.token = found.group(1) if found else self.token
        return response

    def get(self, url, expect=200):
        response = self._read(f"GET {url}", self.client.get(url))
        assert response.status_code == expect, f"GET {url}: {response.status_code}"
        return response

    def refused(self, url, data, field):
        """POST a form that must be refused: shown again with the field's error."""
        response = self.post(url, data, expect=200)
        assert f'id="{field}-error"' in response.get_data(as_text=True), (
            f"{url}: {field} was accepted"
        )
        return response

    def conflict(self, url, data):
        """POST an edit based on an older version: both versions are shown, nothing saved."""
        response = self.post(url, data, expect=409)
        assert 'id="conflict"' in response.get_data(as_text=True), f"{url}: no conflict shown"
        return response

    def version(self, url):
        """The version an edit form at `url` is based on (its hidden field)."""
        page = self.get(url).get_data(as_text=True)
        return re.search(r'name="version"[^>]*value="(\d+)"', page).group(1)

    def post(self, url, data, expect=302, **kwargs):
        """POST a form; on a redirect, open the next page (it shows the flash message)."""
        data = {"csrf_token": self.token, **data}
        response = self._read(f"POST {url}", self.client.post(url, data=data, **kwargs))
        if response.status_code != expect:
            errors = re.findall(r'class="error-message"[^>]*>(.*?)</p>', response.text, re.S)
            flashes = re.findall(r'class="flash[^"]*"[^>]*>(.*?)</p>', response.text, re.S)
            raise AssertionError(f"POST {url}: {response.status_code} {errors} {flashes}")
        if response.status_code == 302:
            location = response.headers["Location"]
            self._read(f"after POST {url}", self.client.get(location))
        return response


def log_in(app, client, person_id):
    """Log in through the session: the login view's own start_session(), without the form."""
    from coalition.auth.sessions import start_session
    from coalition.members.people.models import Person

    with app.test_request_context():
        start_session(db.session.get(Person, person_id))
        db.session.commit()
        values = dict(session)
    with client.session_transaction() as cookie:
        cookie.clear()
        cookie.update(values)


def id_from(response, pattern=r"/(\d+)(?:[/#?]|$)"):
    """The id in the address a form redirected to (the object it created)."""
    path = urlsplit(response.headers["Location"]).path
    return int(re.findall(pattern, path)[-1])


def local(moment):
    """A moment in the coalition's zone."""
    return moment.astimezone(ZONE)


def in_app(world, function):
    """Run function() in an app context, commit, and return what it returned."""
    with world.app.app_context():
        result = function()
        db.session.commit()
        return result


def emails(world, **filters):
    """(id, address, text) of the queued emails matching the filters, oldest first."""
    from coalition.outbox.models import OutboxEmail

    def find():
        query = db.select(OutboxEmail).filter_by(**filters).order_by(OutboxEmail.id)
        return [(e.id, e.to_address, e.text_body) for e in db.session.scalars(query)]

    return in_app(world, find)


def link_in_emails(world, path, **filters):
    """The token of the last emailed link under `path` (e.g. /invitation/) to that address."""
    for _id, _to, text in reversed(emails(world, **filters)):
        found = re.findall(re.escape(path) + r"([A-Za-z0-9_\-]{20,})", text)
        if found:
            return found[-1]
    raise AssertionError(f"no email with a {path} link to {filters}")
