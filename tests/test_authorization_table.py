"""The authorization table: every route, every role, own and others' objects.

Each row names a route (endpoint and method), which object its URL points at, and what
each role gets. A second test walks app.url_map, so a new route without a row fails.
Later issues add columns for delegate, chair and invitee by link.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from flask import url_for

from coalition.meetings.occurrences import occurrence_key

OK = "200"
REDIRECT = "redirect"
LOGIN = "login"  # redirected to the login page, with next=
FORBIDDEN = "403"
NOT_FOUND = "404"
ROLES = ("anonymous", "member", "coordinator")


@dataclass(frozen=True)
class Row:
    endpoint: str
    method: str
    target: str | None  # own, other (in the directory), unlisted, missing
    anonymous: str
    member: str
    coordinator: str
    data: tuple = ()

    def expected(self, role):
        return getattr(self, role)

    def __str__(self):
        return f"{self.method} {self.endpoint}" + (f" [{self.target}]" if self.target else "")


def _person_routes(endpoint, method, coordinator_own, data=()):
    return [
        Row(endpoint, method, "own", LOGIN, FORBIDDEN, coordinator_own, data),
        Row(endpoint, method, "other", LOGIN, FORBIDDEN, REDIRECT, data),
        Row(endpoint, method, "missing", LOGIN, NOT_FOUND, NOT_FOUND, data),
    ]


def _outbox_routes(endpoint):
    return [
        Row(endpoint, "POST", "email", LOGIN, FORBIDDEN, REDIRECT),
        Row(endpoint, "POST", "missing", LOGIN, NOT_FOUND, NOT_FOUND),
    ]


def _token_routes(endpoint, methods=("GET", "POST")):
    """Pages behind emailed links: a forged or used token is simply not found, for anyone."""
    return [Row(endpoint, method, "token", NOT_FOUND, NOT_FOUND, NOT_FOUND) for method in methods]


INVITE = (("name", "Rosa Delgado"), ("email", "rosa@example.org"), ("language", "es"))
PREFERENCES = tuple(
    (kind, "digest")
    for kind in ("meeting_reminder", "draft_review", "proposal", "committee", "timeline")
)

SETTINGS = (
    ("name", "Same Name"),
    ("email", "settings@example.org"),
    ("language", "en"),
    ("timezone", "America/Chicago"),
)

TABLE = [
    Row("dashboard.home", "GET", None, OK, OK, OK),
    Row("dashboard.healthz", "GET", None, OK, OK, OK),
    Row("static", "GET", None, OK, OK, OK),
    Row("auth.login", "GET", None, OK, REDIRECT, REDIRECT),
    Row(
        "auth.login",
        "POST",
        None,
        OK,
        REDIRECT,
        REDIRECT,
        (("email", "nobody@example.org"), ("password", "wrong-password")),
    ),
    Row("auth.logout", "POST", None, REDIRECT, REDIRECT, REDIRECT),
    Row("auth.logout_everywhere", "POST", None, LOGIN, REDIRECT, REDIRECT),
    Row("auth.account", "GET", None, LOGIN, OK, OK),
    Row("auth.account", "POST", None, LOGIN, REDIRECT, REDIRECT, SETTINGS),
    Row("auth.change_password", "GET", None, LOGIN, OK, OK),
    Row(
        "auth.change_password",
        "POST",
        None,
        LOGIN,
        OK,
        OK,
        (("current_password", "not-the-password"), ("new_password", "x"), ("confirm", "x")),
    ),
    Row("auth.set_language", "POST", None, REDIRECT, REDIRECT, REDIRECT, (("language", "es"),)),
    Row("auth.accounts", "GET", None, LOGIN, FORBIDDEN, OK),
    *_person_routes("auth.change_role", "POST", REDIRECT, (("role", "member"),)),
    *_person_routes("auth.deactivate", "POST", REDIRECT),
    *_person_routes("auth.reactivate", "POST", REDIRECT),
    Row("members.index", "GET", None, LOGIN, OK, OK),
    Row("members.person", "GET", "own", LOGIN, OK, OK),
    Row("members.person", "GET", "other", LOGIN, OK, OK),
    Row("members.person", "GET", "unlisted", LOGIN, FORBIDDEN, OK),
    Row("members.person", "GET", "missing", LOGIN, NOT_FOUND, NOT_FOUND),
    Row("committees.index", "GET", None, LOGIN, OK, OK),
    Row("meetings.index", "GET", None, LOGIN, OK, OK),
    Row("messaging.index", "GET", None, LOGIN, OK, OK),
    Row("timeline.index", "GET", None, LOGIN, OK, OK),
    Row("access.invite", "GET", None, LOGIN, FORBIDDEN, OK),
    Row("access.invite", "POST", None, LOGIN, FORBIDDEN, REDIRECT, INVITE),
    *_person_routes("access.resend_invitation", "POST", REDIRECT),
    *_token_routes("access.accept_invitation"),
    Row("access.forgot_password", "GET", None, OK, OK, OK),
    Row("access.forgot_password", "POST", None, OK, OK, OK, (("email", "x@example.org"),)),
    *_token_routes("access.reset_password"),
    Row("outbox.index", "GET", None, LOGIN, FORBIDDEN, OK),
    Row("outbox.detail", "GET", "email", LOGIN, FORBIDDEN, OK),
    Row("outbox.detail", "GET", "missing", LOGIN, FORBIDDEN, NOT_FOUND),
    *_outbox_routes("outbox.retry"),
    *_outbox_routes("outbox.cancel"),
    Row("outbox.preferences_page", "GET", None, LOGIN, OK, OK),
    Row("outbox.preferences_page", "POST", None, LOGIN, REDIRECT, REDIRECT, PREFERENCES),
    *_token_routes("outbox.unsubscribe"),
    *_token_routes("outbox.unsubscribe_one_click", methods=("POST",)),
]

MEETING = (
    ("title", "Steering committee"),
    ("day", "2027-03-09"),
    ("start_time", "18:00"),
    ("end_time", "19:30"),
    ("timezone", "America/Chicago"),
    ("repeat", "none"),
    ("interval", "1"),
    ("ends", "until"),
    ("version", "1"),
)
MOVE = (("day", "2027-03-10"), ("start_time", "18:00"), ("end_time", "19:00"))


OCCURRENCE_ROUTES = {
    "meetings.cancel_occurrence",
    "meetings.move_occurrence",
    "meetings.edit_following",
    "calendar.occurrence_ics",
}


def _meeting_routes(endpoint, method, coordinator, data=()):

    return [
        Row(endpoint, method, "meeting", LOGIN, FORBIDDEN, coordinator, data),
        Row(endpoint, method, "missing-meeting", LOGIN, NOT_FOUND, NOT_FOUND, data),
    ]


TABLE += [
    Row("meetings.new", "GET", None, LOGIN, FORBIDDEN, OK),
    Row("meetings.new", "POST", None, LOGIN, FORBIDDEN, REDIRECT, MEETING),
    Row("meetings.detail", "GET", "meeting", LOGIN, OK, OK),
    Row("meetings.detail", "GET", "missing-meeting", LOGIN, NOT_FOUND, NOT_FOUND),
    *_meeting_routes("meetings.edit", "GET", OK),
    *_meeting_routes("meetings.edit", "POST", REDIRECT, MEETING),
    *_meeting_routes("meetings.cancel", "POST", REDIRECT),
    *_meeting_routes("meetings.cancel_occurrence", "POST", REDIRECT),
    *_meeting_routes("meetings.move_occurrence", "GET", OK),
    *_meeting_routes("meetings.move_occurrence", "POST", REDIRECT, MOVE),
    *_meeting_routes("meetings.edit_following", "GET", OK),
    *_meeting_routes("meetings.edit_following", "POST", REDIRECT, MEETING),
    Row("calendar.meeting_ics", "GET", "meeting", LOGIN, OK, OK),
    Row("calendar.meeting_ics", "GET", "missing-meeting", LOGIN, NOT_FOUND, NOT_FOUND),
    Row("calendar.occurrence_ics", "GET", "occurrence", LOGIN, OK, OK),
    Row("calendar.occurrence_ics", "GET", "missing-meeting", LOGIN, NOT_FOUND, NOT_FOUND),
    Row("calendar.feed", "GET", "feed", NOT_FOUND, NOT_FOUND, NOT_FOUND),
    Row("calendar.settings", "GET", None, LOGIN, OK, OK),
    Row("calendar.settings", "POST", None, LOGIN, REDIRECT, REDIRECT, (("delivery", "feed"),)),
    Row("calendar.reset", "POST", None, LOGIN, REDIRECT, REDIRECT),
]

# Mail clients POST here without a form (RFC 8058); the signed token is the proof.
CSRF_EXEMPT = {"outbox.unsubscribe_one_click"}


@pytest.fixture
def world(create_coordinator, create_person, create_queued_email, create_meeting):
    """Two coordinators (so neither is the last), a member, a listed and an unlisted person,
    and one queued email."""
    other = create_person(name="Listed L", directory_consent=True)
    return {
        "coordinator": create_coordinator(name="Coordinator A"),
        "second_coordinator": create_coordinator(name="Coordinator B"),
        "member": create_person(name="Member M"),
        "other": other,
        "unlisted": create_person(name="Unlisted U", directory_consent=False),
        "email_id": create_queued_email(other),
        "meeting": (meeting := create_meeting()),
        "occurrence_key": occurrence_key(meeting.start_at),
    }


def _url(app, row, actor, world):
    values = {}
    if row.endpoint == "static":
        values["filename"] = "css/app.css"
    elif row.target == "token":
        values["token"] = "forged-or-used-token"
    elif row.target == "feed":
        values.update(person_id=world["member"].id, feed="mine", signature="0" * 64)
    elif row.target in ("meeting", "occurrence", "missing-meeting"):
        meeting = world["meeting"]
        values["meeting_id"] = meeting.id if row.target != "missing-meeting" else 999_999
        if row.target == "occurrence" or row.endpoint in OCCURRENCE_ROUTES:
            values["key"] = world["occurrence_key"]
    elif row.endpoint.startswith("outbox."):
        values["email_id"] = world["email_id"] if row.target == "email" else 999_999
    elif row.target is not None:
        targets = {"own": actor, "other": world["other"], "unlisted": world["unlisted"]}
        target = targets.get(row.target)
        values["person_id"] = target.id if target is not None else 999_999
    with app.test_request_context():
        return url_for(row.endpoint, **values)


def _outcome(response):
    if response.status_code == 302:
        location = urlsplit(response.headers["Location"])
        if location.path == "/login" and "next=" in location.query:
            return LOGIN
        return REDIRECT
    return str(response.status_code)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", TABLE, ids=str)
def test_route_answers_as_the_table_says(app, client, world, row, role):
    actor = world.get(role)
    if actor is not None:
        client.login(actor)
    url = _url(app, row, actor, world)
    if row.method == "GET":
        response = client.get(url)
    else:
        response = client.post_form(url, dict(row.data))
    response.close()
    assert _outcome(response) == row.expected(role), f"{row} as {role}: {response.status_code}"


def test_every_route_is_in_the_table(app):
    routes = {
        (rule.endpoint, method)
        for rule in app.url_map.iter_rules()
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    tabled = {(row.endpoint, row.method) for row in TABLE}
    assert routes - tabled == set(), "routes missing from the authorization table"
    assert tabled - routes == set(), "table rows for routes that no longer exist"


def test_post_routes_refuse_requests_without_csrf_token(app, client, world):
    client.login(world["coordinator"])
    for row in TABLE:
        if row.method != "POST" or row.endpoint in CSRF_EXEMPT:
            continue
        url = _url(app, row, world["coordinator"], world)
        response = client.post(url, data=dict(row.data))
        assert response.status_code == 400, str(row)
