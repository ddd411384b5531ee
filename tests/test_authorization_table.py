"""The authorization table: every route, every role, own and others' objects.

Each row names a route (endpoint and method), which object its URL points at, and what
each role gets. A second test walks app.url_map, so a new route without a row fails.
The delegate is a member who is the primary delegate of one organization ("delegated");
rows that leave the delegate column out expect what a member gets. The invitee by link has
no account: they opened their personal link to the world's meeting (an organization's
invitation) and then ask for the row's URL; rows that leave the invitee column out expect
what an anonymous visitor gets, so the link opens nothing else. The chair chairs committee
"own" (closed to join requests); "other" is another committee, open to requests; rows that
leave the chair column out expect what a member gets.

One app and one world serve the whole module: each test's writes (and rate-limit counts)
are undone before the next (tests/worlds.py), and roles log in through the session. The
GET rows of one route make one test that asks as every role in turn, each from the world as
built; every other row is one test per role.
"""

from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import url_for

from coalition.meetings.occurrences import occurrence_key
from tests.worlds import Factories

OK = "200"
REDIRECT = "redirect"
LOGIN = "login"  # redirected to the login page: with next= back to a page, never to a form
FORBIDDEN = "403"
LOGIN_MESSAGE = "Please log in to see this page."
NOT_FOUND = "404"
ROLES = ("anonymous", "invitee", "member", "delegate", "chair", "coordinator")


@dataclass(frozen=True)
class Row:
    endpoint: str
    method: str
    # People: own, other (in the directory), unlisted, missing. Organizations: delegated (the
    # delegate's), owned (the member owns the relationship), other, missing. Sectors: sector,
    # missing. Imports: batch (the coordinator's), other_batch (another coordinator's), missing.
    target: str | None
    anonymous: str
    member: str
    coordinator: str
    data: tuple = ()
    delegate: str | None = None  # None: as a member
    chair: str | None = None  # None: as a member
    invitee: str | None = None  # None: as an anonymous visitor

    def expected(self, role):
        if role == "invitee" and self.invitee is None:
            return self.anonymous
        if role in ("delegate", "chair") and getattr(self, role) is None:
            return self.member
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
    for kind in (
        "meeting_reminder",
        "draft_review",
        "proposal",
        "committee",
        "timeline",
        "action_item",
    )
)

SETTINGS = (
    ("name", "Same Name"),
    ("email", "settings@example.org"),
    ("language", "en"),
    ("timezone", "America/Chicago"),
)

PROFILE = (("name", "Renamed Person"), ("version", "1"), ("lived_experience", ""))
ORGANIZATION = (("name", "Renamed Organization"), ("version", "1"), ("owner_id", ""))
STAGE = (("status", "contacted"), ("version", "1"))


def _organization_routes(endpoint, method, member, delegate, coordinator, data=()):
    """The delegated organization, another one, and one that does not exist."""
    missing = NOT_FOUND if method == "GET" or endpoint.split(".")[-1] != "new" else coordinator
    return [
        Row(endpoint, method, "delegated", LOGIN, member, coordinator, data, delegate),
        Row(endpoint, method, "other", LOGIN, member, coordinator, data),
        Row(endpoint, method, "missing", LOGIN, NOT_FOUND, missing, data, NOT_FOUND),
    ]


def _admin_routes(endpoint, method, targets, ok, data=()):
    """Coordinators only; the others are refused before the object is looked up."""
    return [
        Row(
            endpoint,
            method,
            target,
            LOGIN,
            FORBIDDEN,
            NOT_FOUND if target == "missing" else ok,
            data,
        )
        for target in targets
    ]


MEMBERS_TABLE = [
    Row("members.export", "POST", None, LOGIN, OK, OK, (("file_format", "csv"),)),
    Row("members.new_person", "GET", None, LOGIN, FORBIDDEN, OK),
    Row("members.new_person", "POST", None, LOGIN, FORBIDDEN, REDIRECT, (("name", "New Person"),)),
    Row("members.edit_person", "GET", "own", LOGIN, OK, OK),
    Row("members.edit_person", "GET", "other", LOGIN, FORBIDDEN, OK),
    Row("members.edit_person", "GET", "unlisted", LOGIN, FORBIDDEN, OK),
    Row("members.edit_person", "GET", "missing", LOGIN, NOT_FOUND, NOT_FOUND),
    Row("members.edit_person", "POST", "own", LOGIN, REDIRECT, REDIRECT, PROFILE),
    Row("members.edit_person", "POST", "other", LOGIN, FORBIDDEN, REDIRECT, PROFILE),
    Row("members.edit_person", "POST", "missing", LOGIN, NOT_FOUND, NOT_FOUND, PROFILE),
    Row("members.organizations.index", "GET", None, LOGIN, OK, OK),
    Row("members.organizations.export", "POST", None, LOGIN, OK, OK, (("file_format", "xlsx"),)),
    Row("members.organizations.new", "GET", None, LOGIN, FORBIDDEN, OK),
    Row(
        "members.organizations.new",
        "POST",
        None,
        LOGIN,
        FORBIDDEN,
        REDIRECT,
        (("name", "New Organization"), ("status", "identified"), ("owner_id", "")),
    ),
    *_organization_routes("members.organizations.detail", "GET", OK, OK, OK),
    *_organization_routes("members.organizations.edit", "GET", FORBIDDEN, OK, OK),
    *_organization_routes(
        "members.organizations.edit", "POST", FORBIDDEN, REDIRECT, REDIRECT, ORGANIZATION
    ),
    *_organization_routes(
        "members.organizations.move_stage", "POST", FORBIDDEN, FORBIDDEN, REDIRECT, STAGE
    ),
    Row(
        "members.organizations.move_stage",
        "POST",
        "owned",
        LOGIN,
        REDIRECT,
        REDIRECT,
        STAGE,
        FORBIDDEN,
        chair=FORBIDDEN,  # only the member owns this relationship
    ),
    *_organization_routes(
        "members.organizations.add_person",
        "POST",
        FORBIDDEN,
        FORBIDDEN,
        REDIRECT,
        (("email", "listed@example.org"), ("role", "staff")),
    ),
    *_organization_routes(
        "members.organizations.remove_person", "POST", FORBIDDEN, FORBIDDEN, REDIRECT
    ),
    *_organization_routes(
        "members.organizations.add_commitment",
        "POST",
        FORBIDDEN,
        REDIRECT,
        REDIRECT,
        (("text", "Host a forum"), ("committed_on", "2026-05-01")),
    ),
    *_organization_routes(
        "members.organizations.remove_commitment", "POST", FORBIDDEN, REDIRECT, REDIRECT
    ),
    Row("members.recruitment.pipeline", "GET", None, LOGIN, OK, OK),
    Row("members.recruitment.representation", "GET", None, LOGIN, OK, OK),
    Row("members.recruitment.sectors", "GET", None, LOGIN, FORBIDDEN, OK),
    Row(
        "members.recruitment.sectors",
        "POST",
        None,
        LOGIN,
        FORBIDDEN,
        REDIRECT,
        (("name", "Tenant unions"), ("target_active", "1")),
    ),
    *_admin_routes("members.recruitment.edit_sector", "GET", ("sector", "missing"), OK),
    *_admin_routes(
        "members.recruitment.edit_sector",
        "POST",
        ("sector", "missing"),
        REDIRECT,
        (("name", "Renamed sector"), ("target_active", "2"), ("version", "1")),
    ),
    *_admin_routes("members.recruitment.retire_sector", "POST", ("sector", "missing"), REDIRECT),
    *_admin_routes("members.recruitment.restore_sector", "POST", ("sector", "missing"), REDIRECT),
    *_admin_routes("members.recruitment.delete_sector", "POST", ("sector", "missing"), REDIRECT),
    Row("members.imports.upload", "GET", None, LOGIN, FORBIDDEN, OK),
    # Without a file the form is shown again with its error.
    Row("members.imports.upload", "POST", None, LOGIN, FORBIDDEN, OK, (("kind", "people"),)),
    *_admin_routes("members.imports.columns", "GET", ("batch", "other_batch", "missing"), OK),
    *_admin_routes(
        "members.imports.columns",
        "POST",
        ("batch", "other_batch", "missing"),
        REDIRECT,
        (("column_0", "name"), ("column_1", "email")),
    ),
    *_admin_routes("members.imports.preview", "GET", ("batch", "other_batch", "missing"), OK),
    *_admin_routes(
        "members.imports.run",
        "POST",
        ("batch", "other_batch", "missing"),
        REDIRECT,
        (("existing", "skip"),),
    ),
    *_admin_routes(
        "members.imports.discard", "POST", ("batch", "other_batch", "missing"), REDIRECT
    ),
]

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
    Row("auth.access.invite", "GET", None, LOGIN, FORBIDDEN, OK),
    Row("auth.access.invite", "POST", None, LOGIN, FORBIDDEN, REDIRECT, INVITE),
    *_person_routes("auth.access.resend_invitation", "POST", REDIRECT),
    *_token_routes("auth.access.accept_invitation"),
    Row("auth.access.forgot_password", "GET", None, OK, OK, OK),
    Row("auth.access.forgot_password", "POST", None, OK, OK, OK, (("email", "x@example.org"),)),
    # The invitee by link who lost it: no account needed, the same answer for every address.
    Row("meetings.rsvp.lost", "GET", None, OK, OK, OK),
    Row("meetings.rsvp.lost", "POST", None, OK, OK, OK, (("email", "x@example.org"),)),
    *_token_routes("auth.access.reset_password"),
    Row("outbox.index", "GET", None, LOGIN, FORBIDDEN, OK),
    Row("outbox.detail", "GET", "email", LOGIN, FORBIDDEN, OK),
    Row("outbox.detail", "GET", "missing", LOGIN, FORBIDDEN, NOT_FOUND),
    *_outbox_routes("outbox.retry"),
    *_outbox_routes("outbox.cancel"),
    Row("outbox.preferences_page", "GET", None, LOGIN, OK, OK),
    Row("outbox.preferences_page", "POST", None, LOGIN, REDIRECT, REDIRECT, PREFERENCES),
    *_token_routes("outbox.unsubscribe"),
    *_token_routes("outbox.unsubscribe_one_click", methods=("POST",)),
    *MEMBERS_TABLE,
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
MOVE = (("day", "2027-03-10"), ("start_time", "18:00"), ("end_time", "19:00"), ("version", "1"))
RSVP = (("answer", "yes"), ("headcount", "2"), ("names", ""), ("needs", ""), ("note", ""))


OCCURRENCE_ROUTES = {
    "meetings.series.cancel_occurrence",
    "meetings.series.move_occurrence",
    "meetings.series.edit_following",
    "meetings.calendar.occurrence_ics",
    "meetings.record.page",
    "meetings.record.edit_minutes",
    "meetings.record.publish_minutes",
    "meetings.record.minutes_history",
    "meetings.record.take_attendance",
    "meetings.record.add_decision",
    "meetings.record.add_action",
    "meetings.invitations.remind_unanswered",
}


def _invitation_routes(endpoint, method, delegate, data=()):
    return [
        Row(endpoint, method, "delegated-invitation", LOGIN, FORBIDDEN, FORBIDDEN, data, delegate),
        Row(endpoint, method, "other-invitation", LOGIN, FORBIDDEN, FORBIDDEN, data),
        Row(endpoint, method, "missing-invitation", LOGIN, NOT_FOUND, NOT_FOUND, data),
    ]


def _meeting_routes(endpoint, method, coordinator, data=()):

    return [
        Row(endpoint, method, "meeting", LOGIN, FORBIDDEN, coordinator, data),
        Row(endpoint, method, "missing-meeting", LOGIN, NOT_FOUND, NOT_FOUND, data),
    ]


TABLE += [
    # A chair schedules for their committee; the row's form names none, so it comes back.
    Row("meetings.series.new", "GET", None, LOGIN, FORBIDDEN, OK, chair=OK),
    Row("meetings.series.new", "POST", None, LOGIN, FORBIDDEN, REDIRECT, MEETING, chair=OK),
    Row("meetings.detail", "GET", "meeting", LOGIN, OK, OK),
    Row("meetings.detail", "GET", "missing-meeting", LOGIN, NOT_FOUND, NOT_FOUND),
    *_meeting_routes("meetings.series.edit", "GET", OK),
    *_meeting_routes("meetings.series.edit", "POST", REDIRECT, MEETING),
    *_meeting_routes("meetings.series.cancel", "POST", REDIRECT),
    *_meeting_routes("meetings.series.cancel_occurrence", "POST", REDIRECT, (("version", "1"),)),
    *_meeting_routes("meetings.series.move_occurrence", "GET", OK),
    *_meeting_routes("meetings.series.move_occurrence", "POST", REDIRECT, MOVE),
    *_meeting_routes("meetings.series.edit_following", "GET", OK),
    *_meeting_routes("meetings.series.edit_following", "POST", REDIRECT, MEETING),
    Row("meetings.calendar.meeting_ics", "GET", "meeting", LOGIN, OK, OK),
    Row("meetings.calendar.meeting_ics", "GET", "missing-meeting", LOGIN, NOT_FOUND, NOT_FOUND),
    Row("meetings.calendar.occurrence_ics", "GET", "occurrence", LOGIN, OK, OK),
    Row("meetings.calendar.occurrence_ics", "GET", "missing-meeting", LOGIN, NOT_FOUND, NOT_FOUND),
    Row("meetings.calendar.feed", "GET", "feed", NOT_FOUND, NOT_FOUND, NOT_FOUND),
    Row("meetings.calendar.settings", "GET", None, LOGIN, OK, OK),
    Row(
        "meetings.calendar.settings",
        "POST",
        None,
        LOGIN,
        REDIRECT,
        REDIRECT,
        (("delivery", "feed"),),
    ),
    Row("meetings.calendar.reset", "POST", None, LOGIN, REDIRECT, REDIRECT),
    *_meeting_routes("meetings.invitations.manage", "GET", OK),
    *_meeting_routes("meetings.invitations.manage", "POST", REDIRECT),
    *_token_routes("meetings.rsvp.page", methods=("GET",)),
    *_token_routes("meetings.rsvp.calendar_file", methods=("GET",)),
    *_token_routes("meetings.rsvp.answer_all", methods=("POST",)),
    *_token_routes("meetings.rsvp.answer_one", methods=("POST",)),
    *_token_routes("meetings.rsvp.continuation", methods=("POST",)),
    # The invitee's own link is the credential: whoever holds it may answer (mail scanners
    # only GET); a date of another meeting, or a series never split, is not found.
    Row("meetings.rsvp.page", "GET", "link", OK, OK, OK),
    Row("meetings.rsvp.calendar_file", "GET", "link", OK, OK, OK),
    Row("meetings.rsvp.answer_all", "POST", "link", REDIRECT, REDIRECT, REDIRECT, RSVP),
    Row("meetings.rsvp.answer_one", "POST", "link", REDIRECT, REDIRECT, REDIRECT, RSVP),
    Row(
        "meetings.rsvp.answer_one", "POST", "link-other-date", NOT_FOUND, NOT_FOUND, NOT_FOUND, RSVP
    ),
    Row("meetings.rsvp.continuation", "POST", "link", NOT_FOUND, NOT_FOUND, NOT_FOUND),
    Row("meetings.invitations.answers", "GET", "meeting", LOGIN, FORBIDDEN, OK),
    Row("meetings.invitations.answers_csv", "GET", "meeting", LOGIN, FORBIDDEN, OK),
    Row("meetings.invitations.answers_csv", "GET", "missing-meeting", LOGIN, NOT_FOUND, NOT_FOUND),
    # Logged in, the invited person or a delegate answers on the same page through the
    # session (no link is minted): the delegate for their organization, no one else.
    *_invitation_routes("meetings.rsvp.signed_in_page", "GET", OK),
    *_invitation_routes("meetings.rsvp.signed_in_answer_all", "POST", REDIRECT, RSVP),
    *_invitation_routes("meetings.rsvp.signed_in_answer_one", "POST", REDIRECT, RSVP),
    # The home page's one-click answer: the same door as the answer page (the invited
    # person or a delegate, through the session), for one date; the reader's own list.
    *_invitation_routes("dashboard.answer", "POST", REDIRECT, (("answer", "yes"),)),
    Row("dashboard.action_items", "GET", None, LOGIN, OK, OK),
    Row("meetings.invitations.answers", "GET", "missing-meeting", LOGIN, NOT_FOUND, NOT_FOUND),
    # Organizers only, like the answers page; a refusal (no one to remind) also redirects.
    *_meeting_routes("meetings.invitations.remind_unanswered", "POST", REDIRECT),
]

MINUTES = (("text", "We met and agreed."), ("base_revision", "0"))
# After the meeting: its organizers keep the record; whoever sees the meeting reads it. The
# world's meeting is still ahead, so attendance sends the organizer back with a message.
TABLE += [
    Row("meetings.record.page", "GET", "occurrence", LOGIN, OK, OK),
    Row("meetings.record.page", "GET", "missing-meeting", LOGIN, NOT_FOUND, NOT_FOUND),
    *_meeting_routes("meetings.record.edit_minutes", "GET", OK),
    *_meeting_routes("meetings.record.edit_minutes", "POST", REDIRECT, MINUTES),
    *_meeting_routes("meetings.record.publish_minutes", "POST", REDIRECT),
    Row(
        "meetings.record.minutes_history", "GET", "occurrence", LOGIN, NOT_FOUND, NOT_FOUND
    ),  # none yet
    *_meeting_routes("meetings.record.take_attendance", "GET", REDIRECT),
    *_meeting_routes("meetings.record.take_attendance", "POST", REDIRECT),
    *_meeting_routes(
        "meetings.record.add_decision", "POST", REDIRECT, (("decision-text", "Adopt"),)
    ),
    # No owner chosen: the form comes back with the error beside the field.
    *_meeting_routes(
        "meetings.record.add_action", "POST", "400", (("action-text", "Book a room"),)
    ),
    # The world's action item is the delegate's.
    Row(
        "meetings.record.action_done", "POST", "item", LOGIN, FORBIDDEN, REDIRECT, delegate=REDIRECT
    ),
    Row("meetings.record.action_done", "POST", "missing", LOGIN, NOT_FOUND, NOT_FOUND),
    Row("meetings.record.remove_action", "POST", "item", LOGIN, FORBIDDEN, REDIRECT),
    Row("meetings.record.remove_action", "POST", "missing", LOGIN, NOT_FOUND, NOT_FOUND),
    Row("meetings.record.remove_decision", "POST", "decision", LOGIN, FORBIDDEN, REDIRECT),
    Row("meetings.record.remove_decision", "POST", "missing", LOGIN, NOT_FOUND, NOT_FOUND),
]

COMMITTEE = (
    ("name", "Renamed committee"),
    ("kind", "working"),
    ("active", "y"),
    ("version", "1"),
)
GOAL = (("title", "Renamed goal"), ("version", "1"), ("owner_id", ""))
PROPOSAL = (
    ("kind", "question"),
    ("committee_id", ""),
    ("title", "Shall we meet monthly?"),
    ("rule", "consent"),
    ("quorum", "1"),
    ("closes_at", "2030-01-01T10:00"),
)


def _committee_rows(endpoint, method, member_other, chair_own, coordinator, data=()):
    """Own committee (the chair's, closed), another (open), and a missing one.

    On the chair's own committee a member is refused; on another one the chair is as a member.
    """
    return [
        Row(endpoint, method, "own", LOGIN, FORBIDDEN, coordinator, data, chair=chair_own),
        Row(endpoint, method, "other", LOGIN, member_other, coordinator, data),
        Row(endpoint, method, "missing", LOGIN, NOT_FOUND, NOT_FOUND, data),
    ]


def _coordinator_only(endpoint, method, targets, ok, data=()):
    return _admin_routes(endpoint, method, targets, ok, data)


COMMITTEES_TABLE = [
    Row("committees.new", "GET", None, LOGIN, FORBIDDEN, OK),
    Row("committees.new", "POST", None, LOGIN, FORBIDDEN, REDIRECT, COMMITTEE),
    *_committee_rows("committees.detail", "GET", OK, OK, OK),
    *_committee_rows("committees.edit", "GET", FORBIDDEN, OK, OK),
    *_committee_rows("committees.edit", "POST", FORBIDDEN, REDIRECT, REDIRECT, COMMITTEE),
    *_committee_rows(
        "committees.add_member",
        "POST",
        FORBIDDEN,
        REDIRECT,
        REDIRECT,
        (("email", "listed@example.org"), ("role", "member"), ("organization_id", "")),
    ),
    *_committee_rows("committees.remove_member", "POST", FORBIDDEN, REDIRECT, REDIRECT),
    *_committee_rows(
        "committees.decide", "POST", FORBIDDEN, REDIRECT, REDIRECT, (("decision", "approve"),)
    ),
    # The chair's own committee is closed to requests (and the chair is on it already).
    Row("committees.join", "POST", "own", LOGIN, FORBIDDEN, FORBIDDEN, chair=FORBIDDEN),
    Row("committees.join", "POST", "other", LOGIN, REDIRECT, REDIRECT),
    Row("committees.join", "POST", "missing", LOGIN, NOT_FOUND, NOT_FOUND),
    Row("committees.goals.board", "GET", None, LOGIN, OK, OK),
    Row("committees.goals.new", "GET", None, LOGIN, FORBIDDEN, OK),
    Row("committees.goals.new", "POST", None, LOGIN, FORBIDDEN, REDIRECT, GOAL),
    Row("committees.goals.new", "GET", "own", LOGIN, FORBIDDEN, OK, chair=OK),
    Row("committees.goals.new", "GET", "other", LOGIN, FORBIDDEN, OK),
    Row("committees.goals.new", "POST", "own", LOGIN, FORBIDDEN, REDIRECT, GOAL, chair=REDIRECT),
    Row("committees.goals.new", "POST", "missing", LOGIN, NOT_FOUND, NOT_FOUND, GOAL),
    *_committee_rows("committees.goals.detail", "GET", OK, OK, OK),
    Row("committees.goals.detail", "GET", "wide", LOGIN, OK, OK),
    *_committee_rows("committees.goals.edit", "GET", FORBIDDEN, OK, OK),
    *_committee_rows("committees.goals.edit", "POST", FORBIDDEN, REDIRECT, REDIRECT, GOAL),
    Row("committees.goals.edit", "POST", "wide", LOGIN, FORBIDDEN, REDIRECT, GOAL),
    *_committee_rows(
        "committees.goals.progress",
        "POST",
        FORBIDDEN,
        REDIRECT,
        REDIRECT,
        (("value", "3"), ("recorded_on", "2026-05-01")),
    ),
    *_committee_rows(
        "committees.goals.add_milestone", "POST", FORBIDDEN, REDIRECT, REDIRECT, (("title", "M"),)
    ),
    *_committee_rows("committees.goals.milestone_done", "POST", FORBIDDEN, REDIRECT, REDIRECT),
    *_committee_rows(
        "committees.goals.change_status",
        "POST",
        FORBIDDEN,
        REDIRECT,
        REDIRECT,
        (("status", "achieved"),),
    ),
    Row("committees.guidelines.index", "GET", None, LOGIN, OK, OK),
    Row("committees.guidelines.new_section", "GET", None, LOGIN, FORBIDDEN, OK),
    Row(
        "committees.guidelines.new_section",
        "POST",
        None,
        LOGIN,
        FORBIDDEN,
        REDIRECT,
        (("title", "Communications"), ("text", "We write plainly.")),
    ),
    Row("committees.guidelines.history", "GET", "section", LOGIN, OK, OK),
    Row("committees.guidelines.history", "GET", "missing", LOGIN, NOT_FOUND, NOT_FOUND),
    Row("committees.guidelines.diff", "GET", "section", LOGIN, OK, OK),
    Row("committees.guidelines.diff", "GET", "missing", LOGIN, NOT_FOUND, NOT_FOUND),
    *_coordinator_only("committees.guidelines.edit", "GET", ("section", "missing"), OK),
    *_coordinator_only(
        "committees.guidelines.edit",
        "POST",
        ("section", "missing"),
        REDIRECT,
        (("version", "3"), ("text", "Corrected text."), ("note", "Spelling")),
    ),
    Row("committees.proposals.index", "GET", None, LOGIN, OK, OK),
    Row("committees.proposals.new", "GET", None, LOGIN, FORBIDDEN, OK, chair=OK),
    # A chair of a working committee may not put a question to the whole coalition.
    Row("committees.proposals.new", "POST", None, LOGIN, FORBIDDEN, REDIRECT, PROPOSAL),
    *_committee_rows("committees.proposals.detail", "GET", OK, OK, OK),
    Row("committees.proposals.detail", "GET", "wide", LOGIN, OK, OK),
    # Positions: members of the proposal's committee, everyone on coalition-wide ones.
    Row(
        "committees.proposals.position",
        "POST",
        "own",
        LOGIN,
        FORBIDDEN,
        FORBIDDEN,
        (("stance", "agree"),),
        chair=REDIRECT,
    ),
    Row(
        "committees.proposals.position",
        "POST",
        "other",
        LOGIN,
        FORBIDDEN,
        FORBIDDEN,
        (("stance", "agree"),),
    ),
    Row(
        "committees.proposals.position",
        "POST",
        "wide",
        LOGIN,
        REDIRECT,
        REDIRECT,
        (("stance", "agree"),),
    ),
    Row(
        "committees.proposals.position",
        "POST",
        "missing",
        LOGIN,
        NOT_FOUND,
        NOT_FOUND,
        (("stance", "agree"),),
    ),
    Row("feedback.give", "GET", None, OK, OK, OK),
    Row(
        "feedback.give",
        "POST",
        None,
        REDIRECT,
        REDIRECT,
        REDIRECT,
        (("body", "More evening hours."),),
    ),
    Row("feedback.published", "GET", None, OK, OK, OK),
    Row("feedback.notes", "GET", None, LOGIN, FORBIDDEN, OK),
    *_coordinator_only("feedback.note", "GET", ("note", "missing"), OK),
    *_coordinator_only(
        "feedback.note",
        "POST",
        ("note", "missing"),
        REDIRECT,
        (("status", "discussed"), ("response", "We talked about it."), ("version", "1")),
    ),
]
TABLE += COMMITTEES_TABLE

NEW_DRAFT = (
    ("title", "Talking points"),
    ("kind", "talking_points"),
    ("language", "en"),
    ("committee_id", ""),
    ("text", "We ask for care."),
)
DRAFT_DETAILS = tuple(pair for pair in NEW_DRAFT if pair[0] != "text") + (("version", "1"),)
DRAFT_TEXT = (("text", "We ask for care, not cells."), ("base_revision", "2"))
DECISION = (("decision", "approved"),)
PLACE = (("place", "The council hearing"),)


DRAFT_TARGETS = (
    "own-draft",
    "committee-draft",
    "solo-draft",
    "review-draft",
    "missing-draft",
    "missing-comment",
)


def _draft_rows(endpoint, method, ok, data=()):
    """The member's own draft (they wrote it), the chair's committee's draft, a draft of
    another person with no committee, and a missing one."""
    return [
        Row(endpoint, method, "own-draft", LOGIN, ok, ok, data, FORBIDDEN, FORBIDDEN),
        Row(endpoint, method, "committee-draft", LOGIN, FORBIDDEN, ok, data, chair=ok),
        Row(endpoint, method, "solo-draft", LOGIN, FORBIDDEN, ok, data),
        Row(endpoint, method, "missing-draft", LOGIN, NOT_FOUND, NOT_FOUND, data),
    ]


# Drafts: their authors, their committee's members and coordinators (DESIGN.md, "drafts").
MESSAGING_TABLE = [
    Row("messaging.new", "GET", None, LOGIN, OK, OK),
    Row("messaging.new", "POST", None, LOGIN, REDIRECT, REDIRECT, NEW_DRAFT),
    *_draft_rows("messaging.draft", "GET", OK),
    *_draft_rows("messaging.edit", "GET", OK),
    *_draft_rows("messaging.edit", "POST", REDIRECT, DRAFT_TEXT),
    *_draft_rows("messaging.details", "GET", OK),
    *_draft_rows("messaging.details", "POST", REDIRECT, DRAFT_DETAILS),
    *_draft_rows("messaging.history", "GET", OK),
    *_draft_rows("messaging.compare", "GET", OK),
    *_draft_rows("messaging.restore", "POST", REDIRECT, (("base_revision", "2"),)),
    *_draft_rows("messaging.exports.download", "GET", OK),
    *_draft_rows("messaging.exports.printable", "GET", OK),
    *_draft_rows("messaging.comments.add", "POST", REDIRECT, (("comment-body", "Why?"),)),
    *_draft_rows("messaging.comments.reply", "POST", REDIRECT, (("reply-body", "Yes."),)),
    *_draft_rows("messaging.comments.resolve", "POST", REDIRECT),
    *_draft_rows("messaging.comments.reopen", "POST", REDIRECT),
    Row(
        "messaging.comments.resolve",
        "POST",
        "missing-comment",
        LOGIN,
        NOT_FOUND,
        NOT_FOUND,
        (),
        FORBIDDEN,
        FORBIDDEN,
    ),
]
TABLE += MESSAGING_TABLE

# Review and sign-off, language versions (issue 16). "review-draft" is the listed person's,
# in review, with the member and the coordinator asked to review it. Asking without
# choosing anyone is refused by the form (400) once past the rule; publishing a draft not
# yet approved is refused by the service (400), past the rule (authors and coordinators).
REFUSED = "400"
TRANSLATION = (("translation-language", "es"), ("translation-title", "Puntos"))
REVIEW_TABLE = [
    *_draft_rows("messaging.review.page", "GET", OK),
    Row("messaging.review.page", "GET", "review-draft", LOGIN, OK, OK, (), FORBIDDEN, FORBIDDEN),
    *_draft_rows("messaging.review.ask", "POST", REFUSED, (("person", ""),)),
    *_draft_rows("messaging.review.rules", "POST", REDIRECT),
    *_draft_rows("messaging.review.archive", "POST", REDIRECT),
    *_draft_rows("messaging.translations.new", "POST", REDIRECT, TRANSLATION),
    *[
        Row("messaging.review.decide", "POST", target, LOGIN, member, coordinator, DECISION, *roles)
        for target, member, coordinator, roles in (
            ("own-draft", FORBIDDEN, FORBIDDEN, ()),  # its author, who is not asked
            ("committee-draft", FORBIDDEN, FORBIDDEN, ()),
            ("review-draft", REDIRECT, REDIRECT, (FORBIDDEN, FORBIDDEN)),  # only those asked
            ("missing-draft", NOT_FOUND, NOT_FOUND, ()),
        )
    ],
    *[
        Row("messaging.review.publish", "POST", target, LOGIN, member, coordinator, PLACE, *roles)
        for target, member, coordinator, roles in (
            ("own-draft", REFUSED, REFUSED, (FORBIDDEN, FORBIDDEN)),
            ("committee-draft", FORBIDDEN, REFUSED, ()),
            ("review-draft", FORBIDDEN, REFUSED, ()),
            ("missing-draft", NOT_FOUND, NOT_FOUND, ()),
        )
    ],
]
TABLE += REVIEW_TABLE

# The language check (issue 16): members read the terms and check a text; coordinators edit.
LANGUAGE_TERM = (("language", "en"), ("terms", "gizmo"), ("version", "1"))
LANGUAGE_TABLE = [
    Row("messaging.language.index", "GET", None, LOGIN, OK, OK),
    Row("messaging.language.check", "GET", None, LOGIN, OK, OK),
    Row("messaging.language.check", "POST", None, LOGIN, OK, OK, (("text", "A gizmo."),)),
    Row("messaging.language.new", "GET", None, LOGIN, FORBIDDEN, OK),
    Row("messaging.language.new", "POST", None, LOGIN, FORBIDDEN, REDIRECT, LANGUAGE_TERM),
    *_admin_routes("messaging.language.edit", "GET", ("term", "missing"), OK),
    *_admin_routes("messaging.language.edit", "POST", ("term", "missing"), REDIRECT, LANGUAGE_TERM),
    *_admin_routes("messaging.language.deactivate", "POST", ("term", "missing"), REDIRECT),
    *_admin_routes("messaging.language.activate", "POST", ("term", "missing"), REDIRECT),
]
TABLE += LANGUAGE_TABLE

# The timeline (issue 17): every member reads and writes; the author and coordinators edit;
# coordinators hide. "entry" is the member's own, "others-entry" the coordinator's,
# "hidden-entry" one a coordinator hid; the feed's signature is wrong for everyone.
ENTRY = (("kind", "win"), ("occurred_on", "2026-05-01"), ("title", "Renamed"), ("version", "1"))
HIDDEN_ENTRY = (*ENTRY[:-1], ("version", "2"))
TIMELINE_TABLE = [
    Row("timeline.export", "GET", None, LOGIN, OK, OK),
    Row("timeline.report.report", "GET", None, LOGIN, OK, OK),
    Row("timeline.report.report_pdf", "GET", None, LOGIN, OK, OK),
    Row("timeline.feeds.subscribe", "GET", None, LOGIN, OK, OK),
    Row("timeline.feeds.feed", "GET", "timeline-feed", NOT_FOUND, NOT_FOUND, NOT_FOUND),
    Row("timeline.entries.new", "GET", None, LOGIN, OK, OK),
    Row("timeline.entries.new", "POST", None, LOGIN, REDIRECT, REDIRECT, ENTRY),
    *[
        Row(endpoint, "GET", target, LOGIN, member, coordinator)
        for endpoint in ("timeline.entry", "timeline.history")
        for target, member, coordinator in (
            ("entry", OK, OK),
            ("others-entry", OK, OK),
            ("hidden-entry", NOT_FOUND, OK),
            ("missing-entry", NOT_FOUND, NOT_FOUND),
        )
    ],
    *[
        Row("timeline.entries.edit", method, target, LOGIN, member, coordinator, data, *others)
        for method, done in (("GET", OK), ("POST", REDIRECT))
        for target, member, coordinator, data, others in (
            ("entry", done, done, ENTRY, (FORBIDDEN, FORBIDDEN)),  # not the delegate's, nor chair's
            ("others-entry", FORBIDDEN, done, ENTRY, ()),
            ("hidden-entry", NOT_FOUND, done, HIDDEN_ENTRY, ()),  # hiding it made version 2
            ("missing-entry", NOT_FOUND, NOT_FOUND, ENTRY, ()),
        )
    ],
    *[
        Row(endpoint, "POST", target, LOGIN, FORBIDDEN, coordinator, (("reason", "Off topic"),))
        for endpoint, twice in (
            ("timeline.entries.hide", "400"),
            ("timeline.entries.show", REDIRECT),
        )
        for target, coordinator in (
            ("entry", REDIRECT if endpoint.endswith("hide") else twice),
            ("hidden-entry", twice if endpoint.endswith("hide") else REDIRECT),
            ("missing-entry", NOT_FOUND),
        )
    ],
]
TABLE += TIMELINE_TABLE
TIMELINE_TARGETS = ("entry", "others-entry", "hidden-entry", "missing-entry", "timeline-feed")

# Mail clients POST here without a form (RFC 8058); the signed token is the proof.
CSRF_EXEMPT = {"outbox.unsubscribe_one_click"}


@pytest.fixture(scope="module")
def app(session_app):
    """The session's application (the table changes none of its settings)."""
    return session_app


@pytest.fixture
def world(app, shared_database, request):
    """The world, built once for the module; each test's writes are rolled back after it."""
    built = shared_database.once("world", lambda: _build_world(app, Factories(request)))
    with shared_database.restored():
        yield built


def _build_world(app, make):
    """Two coordinators (so neither is the last), a member, a delegate, a listed and an
    unlisted person; the delegate's organization, one the member owns, another one; a
    sector no one uses; an upload by each coordinator."""
    people = {
        "coordinator": make.create_coordinator(name="Coordinator A"),
        "second_coordinator": make.create_coordinator(name="Coordinator B"),
        "member": make.create_person(name="Member M"),
        "delegate": make.create_person(name="Delegate D"),
        "other": make.create_person(name="Listed L", email="listed@example.org"),
        "unlisted": make.create_person(name="Unlisted U", directory_consent=False),
    }
    meeting = make.create_meeting()
    delegated = make.create_organization("Delegated Org", sectors=["reentry"])
    other = make.create_organization("Other Org", sectors=["faith"])
    organizations = {
        "delegated": delegated,
        "other": other,
        "owned": make.create_organization("Owned Org", owner=people["member"]),
    }
    links = {
        "delegated": make.link_person(people["delegate"], delegated, "primary"),
        "other": make.link_person(people["other"], other, "staff"),
    }
    commitments = {
        "delegated": make.create_commitment(delegated),
        "other": make.create_commitment(other),
    }
    people["chair"] = make.create_person(name="Chair C")
    return {
        **people,
        "committees": _committee_world(app, people),
        "drafts": _draft_world(app, people),
        "email_id": make.create_queued_email(people["other"]),
        "meeting": meeting,
        "occurrence_key": occurrence_key(meeting.start_at),
        "invitee_token": _personal_link(app, meeting, other),
        "invitations": {
            "delegated-invitation": _invitation(app, meeting, delegated),
            "other-invitation": _invitation(app, meeting, other),
        },
        "organizations": organizations,
        "affiliations": links,
        "commitments": commitments,
        "sector": _unused_sector(app),
        "language_term": _language_term(app),
        "timeline": _timeline_world(app, people),
        "batch": _upload(app, people["coordinator"]),
        "other_batch": _upload(app, people["second_coordinator"]),
        # On a meeting of their own, so changing the world meeting drops no recorded date.
        **_record_items(app, make.create_meeting(title="Held meeting"), people["delegate"]),
    }


def _timeline_world(app, people):
    """The member's entry, the coordinator's, and one the coordinator hid."""
    from coalition.core.extensions import db
    from coalition.members.people.models import Person
    from coalition.timeline.services import EntryData, add_entry, hide_entry

    with app.app_context():
        member = db.session.get(Person, people["member"].id)
        coordinator = db.session.get(Person, people["coordinator"].id)
        entries = {
            "entry": add_entry(EntryData("win", "Member's", date(2026, 5, 1)), member),
            "others-entry": add_entry(EntryData("loss", "Coordinator's", date(2026, 5, 2),
                                                lessons="Start early."), coordinator),
            "hidden-entry": add_entry(EntryData("win", "Hidden", date(2026, 5, 3)), member),
        }  # fmt: skip
        db.session.flush()
        hide_entry(entries["hidden-entry"], "Names a participant", coordinator)
        db.session.commit()
        return {target: entry.id for target, entry in entries.items()}


def _timeline_values(row, world):
    if row.target == "timeline-feed":
        return {"person_id": world["member"].id, "signature": "0" * 64}
    return {"entry_id": world["timeline"].get(row.target, 999_999)}


def _invitation(app, meeting, organization):
    """The id of an organization's invitation to the meeting (added if missing)."""
    from coalition.core.extensions import db
    from coalition.meetings.models import MeetingInvitation

    key = f"organization:{organization.id}"
    with app.app_context():
        invitation = db.session.scalar(
            db.select(MeetingInvitation).filter_by(meeting_id=meeting.id, invitee_key=key)
        )
        if invitation is None:
            invitation = MeetingInvitation(
                meeting_id=meeting.id, organization_id=organization.id, invitee_key=key
            )
            db.session.add(invitation)
            db.session.commit()
        return invitation.id


def _personal_link(app, meeting, organization):
    """The raw token of an organization's invitation to the meeting, as the email to its
    contact address carries."""
    from coalition.core.extensions import db
    from coalition.meetings.models import MeetingInvitation
    from coalition.meetings.rsvp.meeting_invitations import personal_token

    invitation_id = _invitation(app, meeting, organization)
    with app.app_context():
        token = personal_token(db.session.get(MeetingInvitation, invitation_id))
        db.session.commit()
        return token


def _record_items(app, meeting, owner):
    """An action item the owner (the delegate) is given, and a decision, at the meeting."""
    from coalition.core.extensions import db
    from coalition.meetings.record.models import ActionItem, Decision

    with app.app_context():
        start = meeting.start_at
        item = ActionItem(
            meeting_id=meeting.id, occurrence_start=start, text="Draft it", owner_id=owner.id
        )
        decision = Decision(meeting_id=meeting.id, occurrence_start=start, text="Adopt it")
        db.session.add_all([item, decision])
        db.session.commit()
        return {"action_item": item.id, "decision": decision.id}


def _committee_world(app, people):
    """Committee "own" (closed; the chair chairs it), "other" (open), each with a member, a
    goal with a milestone, a join request and a proposal; a coalition-wide goal and
    proposal; a guideline section with two revisions; a feedback note."""
    from datetime import UTC, datetime, timedelta

    from coalition.committees.goals.models import Goal, Milestone
    from coalition.committees.guidelines import services as guidelines
    from coalition.committees.models import Committee, CommitteeMembership, JoinRequest
    from coalition.committees.proposals.models import Proposal
    from coalition.core.extensions import db
    from coalition.feedback.models import Feedback

    closes = datetime.now(UTC) + timedelta(days=3)
    ids = {}
    with app.app_context():
        for key, is_open in (("own", False), ("other", True)):
            committee = Committee(name=f"Committee {key}", open_to_requests=is_open)
            membership = CommitteeMembership(committee=committee, person_id=people["other"].id)
            goal = Goal(committee=committee, title=f"Goal {key}", status="active")
            milestone = Milestone(title="First step")
            goal.milestones.append(milestone)
            join = JoinRequest(committee=committee, person_id=people["member"].id)
            proposal = Proposal(
                kind="question", title=f"Question {key}", committee=committee, closes_at=closes
            )
            db.session.add_all([committee, membership, goal, join, proposal])
            if key == "own":
                db.session.add(
                    CommitteeMembership(
                        committee=committee, person_id=people["chair"].id, role="chair"
                    )
                )
            db.session.flush()
            ids[key] = {
                "committee_id": committee.id,
                "membership_id": membership.id,
                "request_id": join.id,
                "goal_id": goal.id,
                "milestone_id": milestone.id,
                "proposal_id": proposal.id,
            }
        wide_goal = Goal(title="Coalition goal", status="active")
        wide = Proposal(kind="question", title="Coalition question", closes_at=closes)
        note = Feedback(body="Please add evening hours.")
        db.session.add_all([wide_goal, wide, note])
        section = guidelines.add_section("Decision-making", "By consent.", None)
        guidelines.write_revision(section, "By consent, or majority.", None, editorial=False)
        db.session.commit()
        ids["wide"] = {"goal_id": wide_goal.id, "proposal_id": wide.id}
        ids["section"], ids["note"] = section.id, note.id
    return ids


def _committee_values(row, world):
    ids = world["committees"]
    target, endpoint = row.target, row.endpoint
    if endpoint.startswith("feedback."):
        return {"note_id": ids["note"] if target == "note" else 999_999} if target else {}
    if endpoint.startswith("committees.guidelines."):
        return {"section_id": ids["section"] if target == "section" else 999_999} if target else {}
    if target is None:
        return {}
    chosen = ids.get(target, {})
    if endpoint == "committees.goals.new":
        return {"committee": chosen.get("committee_id", 999_999)}
    names = {
        "committees.proposals.": ("proposal_id",),
        "committees.goals.milestone_done": ("goal_id", "milestone_id"),
        "committees.goals.": ("goal_id",),
        "committees.remove_member": ("committee_id", "membership_id"),
        "committees.decide": ("committee_id", "request_id"),
        "committees.": ("committee_id",),
    }
    for prefix, keys in names.items():
        if endpoint.startswith(prefix):
            return {key: chosen.get(key, 999_999) for key in keys}
    raise AssertionError(row)


def _draft_world(app, people):
    """The member's draft, a draft of committee "own" and one of the listed person with no
    committee, each in two revisions and with a comment by a coordinator."""
    from coalition.committees.models import Committee
    from coalition.core.extensions import db
    from coalition.messaging import services as drafts
    from coalition.messaging.comments.services import add_comment
    from coalition.messaging.services import DraftDetails

    ids = {}
    with app.app_context():
        own = db.session.scalar(db.select(Committee.id).filter_by(name="Committee own"))
        coordinator = db.session.merge(people["coordinator"], load=True)
        for key, author, committee_id in (
            ("own-draft", people["member"], None),
            ("committee-draft", people["other"], own),
            ("solo-draft", people["other"], None),
        ):
            writer = db.session.merge(author, load=True)
            details = DraftDetails(title=key, kind="op_ed", committee_id=committee_id)
            draft = drafts.start_draft(details, "First words.", writer)
            drafts.save_text(draft, "Second words.", 1, writer)
            comment = add_comment(draft, "A comment.", "", coordinator)
            ids[key] = {"draft_id": draft.id, "comment_id": comment.id}
        ids["review-draft"] = {"draft_id": _review_draft(people, coordinator)}
        db.session.commit()
    return ids


def _review_draft(people, coordinator):
    """The listed person's draft, with the member and the coordinator asked to review it."""
    from coalition.core.extensions import db
    from coalition.messaging import services as drafts
    from coalition.messaging.access import EMAIL_RULES
    from coalition.messaging.review.services import ask_reviewers
    from coalition.messaging.services import DraftDetails

    writer = db.session.merge(people["other"], load=True)
    draft = drafts.start_draft(DraftDetails(title="review-draft", kind="op_ed"), "Words.", writer)
    member = db.session.merge(people["member"], load=True)
    ask_reviewers(draft, [member, coordinator], writer, EMAIL_RULES)
    return draft.id


def _draft_values(row, world):
    """URL values of a draft row: the draft, and its comment, revision or format."""
    chosen = world["drafts"].get(row.target, {})
    values = {"draft_id": chosen.get("draft_id", 999_999)}
    name = row.endpoint.split(".")[-1]
    if row.endpoint.startswith("messaging.comments.") and name != "add":
        values["comment_id"] = chosen.get("comment_id", 999_999)
        if row.target == "missing-comment":
            values["draft_id"] = world["drafts"]["own-draft"]["draft_id"]
    if name == "restore":
        values["number"] = 1
    if name == "download":
        values["extension"] = "docx"
    return values


def _unused_sector(app):
    from coalition.core.extensions import db
    from coalition.members.recruitment.services import add_sector

    with app.app_context():
        sector = add_sector("Unused sector", 1)
        db.session.commit()
        return sector.id


def _language_term(app):
    from coalition.core.extensions import db
    from coalition.messaging.language.services import TermData, add_term

    with app.app_context():
        term = add_term(TermData(language="en", terms="gizmo"))
        db.session.commit()
        return term.id


def _upload(app, coordinator):
    from coalition.core.extensions import db
    from coalition.members.imports.services import save_mapping, start_import
    from coalition.members.people.models import Person

    with app.app_context():
        actor = db.session.get(Person, coordinator.id)
        data = b"Name,Email\nNew Person,new.person@example.org\n"
        batch = start_import("people", "people.csv", data, actor)
        save_mapping(batch, {"0": "name", "1": "email"})
        db.session.commit()
        return batch.id


def _values(row, actor, world):
    """The URL values for a row's target, by the names its rule takes."""
    target = row.target
    if row.endpoint == "static":
        return {"filename": "css/app.css"}
    if row.endpoint.startswith(("committees.", "feedback.")) and row.endpoint != "committees.index":
        return _committee_values(row, world)
    if row.target in DRAFT_TARGETS:
        return _draft_values(row, world)
    if target is None:
        return {}
    if target in TIMELINE_TARGETS:
        return _timeline_values(row, world)
    if target in ("link", "link-other-date"):
        key = world["occurrence_key"] if target == "link" else "20200101T000000Z"
        extra = {"key": key} if row.endpoint == "meetings.rsvp.answer_one" else {}
        return {"token": world["invitee_token"], **extra}
    if target == "token":
        extra = {"key": "20270101T000000Z"} if row.endpoint == "meetings.rsvp.answer_one" else {}
        return {"token": "forged-or-used-token", **extra}
    if row.endpoint in ("meetings.record.action_done", "meetings.record.remove_action"):
        return {"item_id": world["action_item"] if target == "item" else 999_999}
    if row.endpoint == "meetings.record.remove_decision":
        return {"decision_id": world["decision"] if target == "decision" else 999_999}
    if target == "feed":
        return {"person_id": world["member"].id, "feed": "mine", "signature": "0" * 64}
    if target in ("delegated-invitation", "other-invitation", "missing-invitation"):
        values = {"invitation_id": world["invitations"].get(target, 999_999)}
        if row.endpoint in ("meetings.rsvp.signed_in_answer_one", "dashboard.answer"):
            values["key"] = world["occurrence_key"]
        return values
    if target in ("meeting", "occurrence", "missing-meeting"):
        values = {"meeting_id": world["meeting"].id if target != "missing-meeting" else 999_999}
        if target == "occurrence" or row.endpoint in OCCURRENCE_ROUTES:
            values["key"] = world["occurrence_key"]
        return values
    if row.endpoint.startswith("outbox."):
        return {"email_id": world["email_id"] if target == "email" else 999_999}
    if row.endpoint.startswith("members.recruitment."):
        return {"sector_id": world["sector"] if target == "sector" else 999_999}
    if row.endpoint.startswith("messaging.language."):
        return {"term_id": world["language_term"] if target == "term" else 999_999}
    if row.endpoint.startswith("members.imports."):
        return {"batch_id": world[target] if target != "missing" else 999_999}
    if row.endpoint.startswith("members.organizations."):
        organization = world["organizations"].get(target)
        values = {"organization_id": organization.id if organization else 999_999}
        if row.endpoint.endswith("remove_person"):
            values["affiliation_id"] = _id(world["affiliations"].get(target))
        if row.endpoint.endswith("remove_commitment"):
            values["commitment_id"] = _id(world["commitments"].get(target))
        return values
    person = {"own": actor, "other": world["other"], "unlisted": world["unlisted"]}.get(target)
    return {"person_id": _id(person)}


def _id(obj):
    return obj.id if obj is not None else 999_999


def _url(app, row, actor, world):
    with app.test_request_context():
        return url_for(row.endpoint, **_values(row, actor, world))


def _outcome(response, row, client):
    if response.status_code == 302:
        location = urlsplit(response.headers["Location"])
        if location.path != "/login" or not _asked_to_log_in(client):
            return REDIRECT  # logging out also leads to the login page
        back = parse_qs(location.query).get("next", [None])[0]
        if row.method == "GET" and back is None:
            return "login, with no way back"
        if row.method != "GET" and back is not None and client.get(back).status_code == 405:
            return "login, then back to the form's address: 405"
        return LOGIN
    return str(response.status_code)


def _asked_to_log_in(client):
    with client.session_transaction() as session:
        return any(message == LOGIN_MESSAGE for _kind, message in session.get("_flashes", []))


def _answer(app, world, row, role):
    """What the role gets for the row's URL, from a browser of its own."""
    client = app.test_client()
    actor = world.get(role)
    if actor is not None:
        client.login(actor)
    if role == "invitee":  # arrives from the email, with no account
        assert client.get(f"/rsvp/{world['invitee_token']}").status_code == 200
    url = _url(app, row, actor, world)
    if row.method == "GET":
        response = client.get(url)
    else:
        response = client.post_form(url, dict(row.data))
    response.close()
    return _outcome(response, row, client), response.status_code


def _rows_by_page():
    pages = {}
    for row in TABLE:
        if row.method == "GET":
            pages.setdefault(row.endpoint, []).append(row)
    return pages


PAGES = _rows_by_page()
ACTIONS = [row for row in TABLE if row.method != "GET"]


@pytest.mark.parametrize("endpoint", sorted(PAGES))
def test_page_answers_every_role_as_the_table_says(app, shared_database, world, endpoint):
    """Every GET row of one route, as every role, each from the world as it was built."""
    wrong = []
    for row in PAGES[endpoint]:
        for role in ROLES:
            with shared_database.restored():
                outcome, status = _answer(app, world, row, role)
            if outcome != row.expected(role):
                wrong.append(f"{row} as {role}: {status}")
    assert wrong == [], "\n".join(wrong)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", ACTIONS, ids=str)
def test_action_answers_as_the_table_says(app, world, row, role):
    outcome, status = _answer(app, world, row, role)
    assert outcome == row.expected(role), f"{row} as {role}: {status}"


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
