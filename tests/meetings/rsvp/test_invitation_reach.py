"""Invitations that reach someone: an organization nobody receives email for is said so
before and after sending and on the answers page; the checklists mark who is invited; one
change sends each address one email, however many invitations lead to it."""

import html
import re
from datetime import date, timedelta

import pytest

from coalition.core.extensions import db
from coalition.meetings.occurrences import occurrence_key
from coalition.members.organizations.models import Organization
from coalition.outbox.models import OutboxEmail
from tests.meetings.rsvp.series_steps import move_and_cancel


def _emails(app):
    with app.app_context():
        emails = db.session.scalars(
            db.select(OutboxEmail)
            .where(OutboxEmail.kind == "meeting_invitation")
            .order_by(OutboxEmail.id)
        ).all()
        return [(e.to_address, e.subject, e.text_body, e.html_body) for e in emails]


def _invite(client, meeting, organizations=(), people=()):
    return client.post_form(
        f"/meetings/{meeting.id}/invitations",
        {"organizations": [o.id for o in organizations], "people": [p.id for p in people]},
    )


def _text(response):
    return html.unescape(re.sub(r"\s+", " ", response.get_data(as_text=True)))


def _words(response):
    """The page as a reader hears it: text without tags, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))).split())


def _checkbox(page, name, value):
    """The checklist item (input and label) of this value."""
    match = re.search(
        rf'<li><input[^>]*name="{name}"[^>]*value="{value}"[^>]*> <label[^>]*>[^<]*', page
    )
    return match.group(0)


@pytest.fixture
def world(
    client, create_coordinator, create_person, create_organization, link_person, create_meeting
):
    """A coordinator's client, a meeting, a food bank nobody can be written to at, a church
    with a contact address, and Rosa, who is also Second Chance Reentry's delegate."""
    client.login(create_coordinator())
    food_bank = create_organization("Riverside County Food Bank")
    church = create_organization("First Baptist Church", contact_email="office@firstbaptist.org")
    rosa = create_person(name="Rosa Delgado", email="Rosa@Example.org")
    reentry = create_organization("Second Chance Reentry")
    link_person(rosa, reentry, "primary")
    meeting = create_meeting(title="Steering committee")
    return client, meeting, food_bank, church, rosa, reentry


def test_the_checklist_says_nobody_receives_email_before_sending(app, world):
    client, meeting, food_bank, church, rosa, reentry = world
    page = _text(client.get(f"/meetings/{meeting.id}/invitations"))
    item = _checkbox(page, "organizations", food_bank.id)
    assert "Riverside County Food Bank (nobody receives email: no delegate with an email" in item
    assert _checkbox(page, "organizations", church.id).endswith(">First Baptist Church")


def test_sending_lists_those_nobody_receives_email_for_apart_from_those_sent(app, world):
    client, meeting, food_bank, church, rosa, reentry = world
    response = _invite(client, meeting, [food_bank, church])
    page = _text(client.get(response.headers["Location"]))
    assert "1 invitation is on its way." in page
    assert "Nobody receives email for Riverside County Food Bank: there is no delegate" in page
    assert [to for to, *_ in _emails(app)] == ["office@firstbaptist.org"]
    invited = _words(client.get(f"/meetings/{meeting.id}/invitations"))
    assert "Riverside County Food Bank · Organization · nobody receives email" in invited
    answers = _words(client.get(f"/meetings/{meeting.id}/answers"))
    assert "Nobody receives email for Riverside County Food Bank: there is no" in answers
    assert "Riverside County Food Bank (organization) No answer yet · nobody receives" in answers
    assert "First Baptist Church (organization) No answer yet · nobody" not in answers


def test_an_organization_nobody_received_is_sent_once_it_has_a_contact(app, world):
    client, meeting, food_bank, church, rosa, reentry = world
    _invite(client, meeting, [food_bank])
    assert _emails(app) == []
    page = _text(client.get(f"/meetings/{meeting.id}/invitations"))
    assert "Riverside County Food Bank (invited, but nobody receives email" in page
    with app.app_context():
        db.session.get(Organization, food_bank.id).contact_email = "hello@riversidefood.org"
        db.session.commit()
    page = _text(client.get(f"/meetings/{meeting.id}/invitations"))
    assert "Riverside County Food Bank (invited, not sent yet: choose it again to send)" in page
    response = _invite(client, meeting, [food_bank])
    assert "1 invitation is on its way." in _text(client.get(response.headers["Location"]))
    assert [to for to, *_ in _emails(app)] == ["hello@riversidefood.org"]
    _invite(client, meeting, [food_bank])  # sent now: choosing it again sends nothing more
    assert len(_emails(app)) == 1


def test_the_checklists_mark_who_is_already_invited(app, world):
    client, meeting, food_bank, church, rosa, reentry = world
    _invite(client, meeting, [church], [rosa])
    page = _text(client.get(f"/meetings/{meeting.id}/invitations"))
    for name, value, label in (
        ("organizations", church.id, "First Baptist Church (invited)"),
        ("people", rosa.id, "Rosa Delgado (invited)"),
    ):
        item = _checkbox(page, name, value)
        assert "checked" in item and "disabled" in item and item.endswith(label)
    assert "checked" not in _checkbox(page, "organizations", reentry.id)


def test_a_person_invited_by_name_and_as_delegate_gets_one_email_per_change(app, world):
    client, meeting, food_bank, church, rosa, reentry = world
    _invite(client, meeting, [reentry], [rosa])
    move_and_cancel(client, meeting)
    emails = _emails(app)
    assert [(to, subject) for to, subject, *_ in emails] == [
        ("Rosa@Example.org", "Invitation: Steering committee"),
        ("Rosa@Example.org", "Updated: Steering committee"),
        ("Rosa@Example.org", "Cancelled: Steering committee"),
    ]
    invitation, update, _cancel = emails
    for _to, _subject, text, body in (invitation, update):
        links = set(re.findall(r"http://localhost/rsvp/[\w-]+", text))
        assert len(links) == 2  # one page to answer for herself, one for Second Chance Reentry
        assert "Answer for Rosa Delgado" in text and "Answer for Second Chance Reentry" in text
        assert "Answer for Second Chance Reentry" in body


def test_an_address_shared_by_two_invitees_gets_one_email_per_change(
    app, world, create_organization
):
    client, meeting, food_bank, church, rosa, reentry = world
    chapel = create_organization("Chapel Outreach", contact_email=" OFFICE@firstbaptist.org")
    _invite(client, meeting, [church, chapel])
    move_and_cancel(client, meeting)
    subjects = [subject for _to, subject, *_ in _emails(app)]
    assert subjects == [
        "Invitation: Steering committee",
        "Updated: Steering committee",
        "Cancelled: Steering committee",
    ]


def test_a_reminder_to_answer_reaches_each_address_once(app, world, create_meeting):
    client, _meeting, food_bank, church, rosa, reentry = world
    meeting = create_meeting(title="Budget review", day=date.today() + timedelta(days=21))
    _invite(client, meeting, [reentry], [rosa])
    key = occurrence_key(meeting.start_at)
    client.post_form(f"/meetings/{meeting.id}/answers/{key}/remind")
    with app.app_context():
        nudges = db.session.scalars(db.select(OutboxEmail).filter_by(kind="rsvp_nudge")).all()
        assert [email.to_address for email in nudges] == ["Rosa@Example.org"]
        text = nudges[0].text_body
    assert len(set(re.findall(r"http://localhost/rsvp/[\w-]+", text))) == 2
    assert "Answer for Rosa Delgado" in text and "Answer for Second Chance Reentry" in text
