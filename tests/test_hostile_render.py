"""Every page and every email, with a hostile value in every user-writable field (issue 11).

One world per module (tests/hostile/): names, titles, descriptions, notes, labels,
answers, minutes and imported cells each hold a payload marked with the field's name. Every
GET route of the app is requested as the coordinator (who sees the most), as a member and
as an invitee who opened their link; every email the world caused is read too. A payload
must reach the reader as text: any tag or attribute it brings is a failure that names the
field. A new GET route without an entry in ROUTES, or a kind of email the world does not
cause, fails here so the next one is checked as well.
"""

import ast
from datetime import date
from pathlib import Path

import pytest
from flask import template_rendered, url_for

from coalition import create_app
from coalition.committees.goals.models import Goal
from coalition.committees.models import Committee
from coalition.committees.proposals.models import Proposal
from coalition.core.extensions import db
from coalition.meetings.models import Meeting
from coalition.members.organizations.models import Organization
from coalition.members.people.models import Person
from coalition.messaging.language.models import LanguageTerm
from coalition.messaging.models import Draft
from coalition.outbox.kinds import DIGEST, ESSENTIAL, OPTIONAL
from coalition.outbox.models import OutboxEmail
from coalition.outbox.services import PAGE_SIZE as OUTBOX_PAGE_SIZE
from tests.conftest import _empty_all_tables, make_config
from tests.hostile.markup import FIELDS, hostile, inspect_html, payload
from tests.hostile.world import build_world

ROOT = Path(__file__).resolve().parent.parent
ROLES = ("coordinator", "member", "invitee")


@pytest.fixture(scope="module")
def world(session_app):
    """The hostile coalition, built once for this module; every table emptied afterwards."""
    app = session_app
    rendered = set()

    def remember(sender, template, context, **extra):
        rendered.add(template.name)

    template_rendered.connect(remember, app)
    try:
        built = build_world(app)
        built.email_templates = {name for name in rendered if name.startswith("email/")}
        yield built
    finally:
        template_rendered.disconnect(remember, app)
        _empty_all_tables(app)


# --- What each GET route is asked with --------------------------------------------------


def _all(model, key):
    """One URL per row of the model: every person, meeting, email..."""

    def values(world):
        with world.app.app_context():
            ids = db.session.scalars(db.select(model.id).order_by(model.id))
            return [{key: object_id} for object_id in ids]

    return values


def _ids(*names, key=None):
    """One URL per world id: {key or name: world[name]}."""
    return lambda world: [{key or name: world[name]} for name in names]


def _date(name, key):
    return lambda world: [{"meeting_id": world[name], "key": world[key]}]


def _none(world):
    return [{}]


def _outbox_pages(world):
    with world.app.app_context():
        count = db.session.scalar(db.select(db.func.count(OutboxEmail.id)))
    return -(-count // OUTBOX_PAGE_SIZE)


ROUTES = {
    "dashboard.home": _none,
    "dashboard.healthz": _none,
    "dashboard.action_items": _none,
    "static": lambda world: [{"filename": "css/app.css"}],
    "auth.login": lambda world: [{}, {"next": hostile("login_next")}],
    "auth.account": _none,
    "auth.change_password": _none,
    "auth.accounts": _none,
    "auth.access.invite": _none,
    "auth.access.accept_invitation": lambda world: [{"token": world["invitation_token"]}],
    "auth.access.reset_password": lambda world: [{"token": world["reset_token"]}],
    "auth.access.forgot_password": _none,
    "meetings.calendar.feed": lambda world: [world["feed"]],
    "meetings.calendar.meeting_ics": _all(Meeting, "meeting_id"),
    "meetings.calendar.occurrence_ics": _date("meeting", "meeting_key"),
    "meetings.calendar.settings": _none,
    "committees.index": _none,
    "committees.new": _none,
    "committees.detail": _all(Committee, "committee_id"),
    "committees.edit": _all(Committee, "committee_id"),
    "committees.goals.board": _none,
    "committees.goals.new": lambda world: [{}, {"committee": world["committee"]}],
    "committees.goals.detail": _all(Goal, "goal_id"),
    "committees.goals.edit": _all(Goal, "goal_id"),
    "committees.guidelines.index": _none,
    "committees.guidelines.new_section": _none,
    "committees.guidelines.history": _ids("section", key="section_id"),
    "committees.guidelines.diff": lambda world: [
        {"section_id": world["section"]},
        {"section_id": world["section"], "old": 1, "new": 3},
    ],
    "committees.guidelines.edit": _ids("section", key="section_id"),
    "committees.proposals.index": _none,
    "committees.proposals.new": _none,
    "committees.proposals.detail": _all(Proposal, "proposal_id"),
    "feedback.give": _none,
    "feedback.published": _none,
    "feedback.notes": _none,
    "feedback.note": _ids("note", key="note_id"),
    "meetings.index": lambda world: [
        {},
        {"committee": world["committee"]},
        {"view": "month", "month": date.today().strftime("%Y-%m")},
    ],
    "meetings.series.new": _none,
    "meetings.detail": lambda world: [
        *_all(Meeting, "meeting_id")(world),
        {"meeting_id": world["held"], "past": "all"},
    ],
    "meetings.series.edit": _all(Meeting, "meeting_id"),
    "meetings.invitations.manage": _all(Meeting, "meeting_id"),
    "meetings.series.move_occurrence": _date("meeting", "meeting_key"),
    "meetings.series.edit_following": _date("meeting", "meeting_key"),
    "meetings.invitations.answers": lambda world: [
        {"meeting_id": world["meeting"]},
        {"meeting_id": world["held"], "date": world["held_key"]},
    ],
    "meetings.invitations.answers_csv": _ids("meeting", key="meeting_id"),
    "meetings.record.page": _date("held", "held_key"),
    "meetings.record.edit_minutes": _date("held", "held_key"),
    "meetings.record.minutes_history": _date("held", "held_key"),
    "meetings.record.take_attendance": _date("held", "held_key"),
    "meetings.rsvp.page": lambda world: [
        {"token": world["invitee_token"]},
        {"token": world["invitee_token"], "zone": "mine"},
    ],
    "meetings.rsvp.calendar_file": lambda world: [{"token": world["invitee_token"]}],
    "meetings.rsvp.signed_in_page": _ids("member_invitation", key="invitation_id"),
    "meetings.rsvp.lost": _none,
    "members.index": lambda world: [{}, {"q": hostile("people_search", 100)}],
    "members.new_person": _none,
    "members.person": _all(Person, "person_id"),
    "members.edit_person": _all(Person, "person_id"),
    "members.organizations.index": lambda world: [{}, {"q": hostile("organization_search", 100)}],
    "members.organizations.new": _none,
    "members.organizations.detail": _all(Organization, "organization_id"),
    "members.organizations.edit": _all(Organization, "organization_id"),
    "members.recruitment.pipeline": _none,
    "members.recruitment.representation": _none,
    "members.recruitment.sectors": _none,
    "members.recruitment.edit_sector": _ids("sector", key="sector_id"),
    "members.imports.upload": _none,
    "members.imports.columns": _ids(
        "uploaded_batch", "xlsx_batch", "failing_batch", key="batch_id"
    ),
    "members.imports.preview": _ids("failing_batch", "imported_batch", key="batch_id"),
    "messaging.index": lambda world: [{}, {"q": hostile("draft_search", 100), "mine": "y"}],
    "messaging.new": _none,
    "messaging.draft": _all(Draft, "draft_id"),
    "messaging.edit": _all(Draft, "draft_id"),
    "messaging.details": _all(Draft, "draft_id"),
    "messaging.history": _all(Draft, "draft_id"),
    "messaging.compare": lambda world: [
        {"draft_id": world["draft"]},
        {"draft_id": world["draft"], "old": 1, "new": 3},
    ],
    "messaging.exports.printable": _all(Draft, "draft_id"),
    "messaging.review.page": _all(Draft, "draft_id"),
    "messaging.exports.download": lambda world: [
        {"draft_id": world["draft"], "extension": extension} for extension in ("txt", "md", "docx")
    ],
    # Language terms with payloads: tests/messaging/language/test_pages.py (the world has none).
    "messaging.language.index": _none,
    "messaging.language.new": _none,
    "messaging.language.check": _none,
    "messaging.language.edit": _all(LanguageTerm, "term_id"),
    "outbox.index": lambda world: [{"page": page} for page in range(1, _outbox_pages(world) + 1)],
    "outbox.detail": _all(OutboxEmail, "email_id"),
    "outbox.preferences_page": _none,
    "outbox.unsubscribe": lambda world: [{"token": world["unsubscribe_token"]}],
    "timeline.index": lambda world: [
        {},
        {"hidden": 1},
        {"kind": "loss", "goal": world["wide_goal"], "start": "2020-01-01"},
    ],
    "timeline.entry": _ids("timeline_entry", "hidden_timeline_entry", key="entry_id"),
    "timeline.history": _ids("timeline_entry", key="entry_id"),
    "timeline.entries.new": _none,
    "timeline.entries.edit": _ids("timeline_entry", key="entry_id"),
    "timeline.export": _none,
    "timeline.feeds.subscribe": _none,
    "timeline.feeds.feed": lambda world: [world["timeline_feed"]],
    "timeline.report.report": lambda world: [{}, {"start": "2020-01-01"}],
    "timeline.report.report_pdf": _none,
}
# What the coordinator gets where a page is not simply shown.
COORDINATOR_STATUS = {"auth.login": 302}


def _urls(world, endpoint):
    with world.app.test_request_context():
        return [url_for(endpoint, **values) for values in ROUTES[endpoint](world)]


def _visit(world, role, url):
    """(status, live markup, fields seen) of one page as one role; each asked once."""
    key = (role, url)
    if key not in world.responses:
        response = world.visitors[role].client.get(url)
        live, seen = [], set()
        if response.mimetype == "text/html":
            live, seen = inspect_html(response.get_data(as_text=True))
        elif response.mimetype == "text/calendar":
            live = _calendar_problems(response.get_data(as_text=True))
        world.responses[key] = (response.status_code, live, seen)
        response.close()
    return world.responses[key]


def _calendar_problems(text):
    """A calendar file holds plain text only: no HTML description a client would render."""
    unfolded = text.replace("\r\n ", "")
    return [line for line in unfolded.splitlines() if "X-ALT-DESC" in line or "text/html" in line]


def test_every_get_route_has_its_values():
    app = create_app(make_config("sqlite://"))
    routes = {rule.endpoint for rule in app.url_map.iter_rules() if "GET" in rule.methods}
    assert routes - set(ROUTES) == set(), "GET routes with no values here: add them to ROUTES"
    assert set(ROUTES) - routes == set(), "ROUTES names routes that no longer exist"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", sorted(ROUTES))
def test_page_shows_hostile_values_as_text(world, endpoint, role):
    failures = []
    for url in _urls(world, endpoint):
        status, live, _seen = _visit(world, role, url)
        if role == "coordinator":
            assert status == COORDINATOR_STATUS.get(endpoint, 200), f"{url}: {status}"
        failures += [f"{url}: {markup}" for markup in live]
    assert failures == [], "payloads rendered as markup:\n" + "\n".join(failures)


UNKNOWN = f"/nowhere/{hostile('unknown_path')}?q={hostile('unknown_query')}"


@pytest.mark.parametrize("role", ROLES)
def test_an_unknown_address_shows_its_hostile_path_as_text(world, role):
    """The page not found keeps the address (to come back after changing language)."""
    status, live, seen = _visit(world, role, UNKNOWN)
    assert status == 404
    assert live == []
    assert {"unknown_path", "unknown_query"} <= seen


def test_pages_answered_while_building_the_world_show_hostile_values_as_text(world):
    """Flash messages after each form, forms with errors, merge and conflict views."""
    assert world.findings == [], "\n".join(f"{where}: {markup}" for where, markup in world.findings)


# --- Emails -----------------------------------------------------------------------------

KINDS = sorted({*ESSENTIAL, *OPTIONAL, DIGEST})
# Kinds of email no code sends yet; the test below fails once one is sent, so it gets a trigger.
NOT_SENT_BY_THE_APP = {
    "timeline": "no one is emailed about timeline entries yet",
}


def _emails(world, kind):
    with world.app.app_context():
        query = db.select(OutboxEmail).filter_by(kind=kind).order_by(OutboxEmail.id)
        return [(e.id, e.subject, e.html_body, e.attachments) for e in db.session.scalars(query)]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_email_shows_hostile_values_as_text(world, kind):
    emails = _emails(world, kind)
    if kind in NOT_SENT_BY_THE_APP:
        assert kind not in _kinds_the_code_sends(), f"{kind} is sent now: cause it in the world"
        return
    assert emails, f"the world caused no {kind} email: add its trigger to tests/hostile/"
    failures = []
    for email_id, subject, html, attachments in emails:
        live, _seen = inspect_html(html)
        failures += [f"email {email_id} ({subject[:60]}): {markup}" for markup in live]
        for attachment in attachments:
            if attachment["content_type"] == "text/calendar":
                failures += _calendar_problems(attachment["data"])
    assert failures == [], "\n".join(failures)


def _kinds_the_code_sends():
    """Email kinds passed as kind="..." (or kind=NAME of a module constant) in coalition/."""
    sent = set()
    for path in (ROOT / "coalition").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            for keyword in getattr(node, "keywords", []) if isinstance(node, ast.Call) else []:
                if keyword.arg != "kind":
                    continue
                if isinstance(keyword.value, ast.Constant):
                    sent.add(keyword.value.value)
                elif isinstance(keyword.value, ast.Name):
                    sent.add(constants.get(keyword.value.id))
    return sent


def test_the_scan_of_the_code_finds_the_kinds_it_sends(world):
    """So the scan above would notice a draft_review or timeline email being sent."""
    caused = {kind for kind in KINDS if _emails(world, kind)} - {DIGEST}
    assert caused - _kinds_the_code_sends() == set()


def test_every_email_template_was_rendered(world):
    templates = {
        f"email/{path.name}"
        for path in (ROOT / "templates" / "email").glob("*.html")
        if not path.name.startswith("_")
    }
    assert templates - world.email_templates == set(), "add a trigger to tests/hostile/"


# (kind, how the English subject starts, fields the email must show): what causes each one.
TRIGGERS = {
    "join request": ("committee", "", {"join_message", "account_name", "committee_name"}),
    "join request answered": ("committee", "", {"join_response", "committee_name"}),
    "feedback received": ("committee", "New feedback", set()),
    "proposal opened": ("proposal", "A proposal is open", {"question_title"}),
    "proposal closing": ("proposal", "Closing in 24 hours", {"amendment_title"}),
    "proposal outcome": ("proposal", "Outcome", {"amendment_title"}),
    "action item": ("action_item", "", {"action_text", "coordinator_name", "held_title"}),
    "follow-up due": ("follow_up", "Follow-up", {"follow_up_organization_name"}),
    "meeting invitation": ("meeting_invitation", "Invitation", {"meeting_title", "meeting_link"}),
    "meeting updated": ("meeting_invitation", "Updated", {"meeting_title"}),
    "series continued": ("meeting_invitation", "Invitation", {"continued_title"}),
    "meeting cancelled": ("meeting_invitation", "Cancelled", {"cancelled_title"}),
    "lost links": ("meeting_invitation", "Your links", {"meeting_title", "person_name"}),
    "answer confirmed": ("rsvp_confirmation", "Your answer", {"rsvp_needs", "meeting_title"}),
    "waiting list promotion": ("rsvp_confirmation", "A seat is free", {"meeting_title"}),
    "meeting reminder": ("meeting_reminder", "Reminder", {"rsvp_needs", "meeting_location"}),
    "answer nudge": ("rsvp_nudge", "", {"meeting_title", "organization_name"}),
    "account invitation": ("invitation", "", {"invited_name", "coordinator_name"}),
    "password reset": ("password_reset", "", {"account_name"}),
    "login email changed": ("account_change", "", {"invited_name"}),
    "daily digest": ("digest", "", {"committee2_name", "coordinator2_name"}),
}


@pytest.mark.parametrize("trigger", sorted(TRIGGERS))
def test_each_trigger_emails_its_hostile_values_as_text(world, trigger):
    kind, subject_start, fields = TRIGGERS[trigger]
    shown = []
    for _id, subject, html, _attachments in _emails(world, kind):
        if subject.startswith(subject_start):
            live, seen = inspect_html(html)
            assert live == [], f"{subject}: {live}"
            shown.append(seen)
    assert shown, f"no {kind} email starting {subject_start!r}"
    assert any(fields <= seen for seen in shown), f"{fields} not all shown: {shown}"


def test_the_development_mailbox_shows_hostile_emails_as_text(world, database_url):
    """Development only: every queued email in full (subject, names, text and HTML parts)."""
    app = create_app(make_config(database_url, ENV_NAME="development", MAIL_SERVER=""))
    client = app.test_client()
    with app.app_context():
        ids = list(db.session.scalars(db.select(OutboxEmail.id)))
    failures = []
    try:
        for url in ["/dev/mailbox/"] + [
            f"/dev/mailbox/{i}{end}" for i in ids for end in ("", "/html")
        ]:
            response = client.get(url)
            assert response.status_code == 200, url
            failures += [f"{url}: {markup}" for markup in inspect_html(response.text)[0]]
    finally:
        with app.app_context():
            db.engine.dispose()
    assert failures == [], "\n".join(failures)


# --- Coverage: every payload reached a reader -------------------------------------------


def test_every_hostile_value_reached_a_page_or_an_email(world):
    seen = set(world.seen) | _visit(world, "coordinator", UNKNOWN)[2]
    for endpoint in ROUTES:
        for url in _urls(world, endpoint):
            for role in ROLES:
                seen |= _visit(world, role, url)[2]
    for kind in KINDS:
        for _id, _subject, html, _attachments in _emails(world, kind):
            seen |= inspect_html(html)[1]
    missing = FIELDS - seen
    assert missing == set(), "these payloads never reached a reader: is the world complete?"


def test_the_inspection_finds_markup_that_came_from_a_payload():
    """The check can fail: unescaped payloads in text and in attributes are found."""
    probe = payload("probe")
    assert inspect_html(f"<p>{probe}</p>")[0]
    assert inspect_html(f'<input value="{probe}">')[0]
    assert inspect_html(f"<input value='{probe}'>")[0]
    assert inspect_html(f"<input value={probe}>")[0]
    assert inspect_html('<a href=" java\tscript:alert(1)">x</a>')[0]
    assert inspect_html("<p>sstiprobe</p>")[0], "a template expression that was evaluated"
    escaped = probe.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&#34;")
    assert inspect_html(f'<p>{escaped}</p><input value="{escaped}">') == ([], {"probe"})
