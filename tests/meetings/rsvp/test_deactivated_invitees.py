"""Deactivated people are not invited: inviting a committee, or carrying a series' invitations
over after a split, leaves them out. Those an invitation reaches no one for are named as
people ("has no email address or their account is deactivated") apart from organizations
("no delegate with an email and no contact address"); a person reached by nobody is offered
again once they can be."""

import html
import re

import pytest

from coalition.core.dbtypes import utcnow
from coalition.core.extensions import db
from coalition.meetings.models import MeetingInvitation
from coalition.members.people.models import Person
from coalition.outbox.models import OutboxEmail
from tests.meetings.rsvp.series_steps import split_at_fourth_date


def _sent_to(app):
    with app.app_context():
        return db.session.scalars(
            db.select(OutboxEmail.to_address)
            .where(OutboxEmail.kind == "meeting_invitation")
            .order_by(OutboxEmail.id)
        ).all()


def _words(response):
    """The page as a reader hears it: text without tags, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))).split())


def _invite(client, meeting, *, committees=(), organizations=(), people=()):
    response = client.post_form(
        f"/meetings/{meeting.id}/invitations",
        {
            "committees": [c.id for c in committees],
            "organizations": [o.id for o in organizations],
            "people": [p.id for p in people],
        },
    )
    assert response.status_code == 302
    return _words(client.get(response.headers["Location"]))


def _deactivate(app, person):
    with app.app_context():
        db.session.get(Person, person.id).deactivated_at = utcnow()
        db.session.commit()


@pytest.fixture
def world(client, create_coordinator, create_person, create_committee, create_meeting):
    """A coordinator's client, a meeting, and the Law Enforcement Engagement committee:
    Lt. Kevin Marsh (deactivated) and Officer Dana Reyes."""
    client.login(create_coordinator())
    marsh = create_person(name="Lt. Kevin Marsh", email="kmarsh@riversidepd.org")
    reyes = create_person(name="Officer Dana Reyes", email="dreyes@riversidepd.org")
    committee = create_committee("Law Enforcement Engagement", members=[marsh, reyes])
    _deactivate(app=client.application, person=marsh)
    meeting = create_meeting(title="Community safety forum")
    return client, meeting, committee, marsh, reyes


def test_inviting_a_committee_leaves_out_its_deactivated_members(app, world):
    client, meeting, committee, marsh, reyes = world
    page = _invite(client, meeting, committees=[committee])
    assert "1 invitation is on its way." in page
    assert "Nobody receives email" not in page and "Kevin Marsh" not in page
    assert _sent_to(app) == ["dreyes@riversidepd.org"]
    invited = _words(client.get(f"/meetings/{meeting.id}/invitations"))
    assert "Officer Dana Reyes · Person" in invited
    assert "Lt. Kevin Marsh · Person" not in invited


def test_people_nobody_receives_email_for_are_named_apart_from_organizations(
    app, world, create_person, create_committee, create_organization
):
    client, meeting, _committee, _marsh, _reyes = world
    sam = create_person(name="Sam Ortiz", email=None)
    outreach = create_committee("Outreach", members=[sam])
    food_bank = create_organization("Riverside County Food Bank")
    page = _invite(client, meeting, committees=[outreach], organizations=[food_bank])
    assert (
        "Sam Ortiz has no email address or their account is deactivated, so no invitation "
        "reaches them." in page
    )
    assert "Nobody receives email for Riverside County Food Bank: there is no delegate" in page
    assert "Nobody receives email for Sam Ortiz" not in page
    assert "none has a delegate" not in page


def test_the_answers_page_names_people_who_were_deactivated_after_being_invited(
    app, world, create_person
):
    client, meeting, _committee, _marsh, reyes = world
    rosa = create_person(name="Rosa Delgado", email="rosa@example.org")
    _invite(client, meeting, people=[reyes, rosa])
    _deactivate(app, reyes)
    _deactivate(app, rosa)
    answers = _words(client.get(f"/meetings/{meeting.id}/answers"))
    assert (
        "Officer Dana Reyes and Rosa Delgado have no email address or their accounts are "
        "deactivated, so no invitation reaches them." in answers
    )
    assert "Nobody receives email for" not in answers


def test_a_person_nobody_received_is_offered_again_once_they_have_an_email(
    app, world, create_person, create_committee
):
    client, meeting, _committee, _marsh, _reyes = world
    sam = create_person(name="Sam Ortiz", email=None)
    outreach = create_committee("Outreach", members=[sam])
    _invite(client, meeting, committees=[outreach])
    assert _sent_to(app) == []
    with app.app_context():
        db.session.get(Person, sam.id).email = "sam@example.org"
        db.session.commit()
    page = html.unescape(client.get(f"/meetings/{meeting.id}/invitations").get_data(as_text=True))
    item = re.search(
        rf'<input[^>]*name="people"[^>]*value="{sam.id}"[^>]*> <label[^>]*>[^<]*', page
    )
    assert "disabled" not in item.group(0)
    assert item.group(0).endswith("Sam Ortiz (invited, not sent yet: choose them again to send)")
    assert "1 invitation is on its way." in _invite(client, meeting, people=[sam])
    assert _sent_to(app) == ["sam@example.org"]
    _invite(client, meeting, people=[sam])  # sent now: choosing them again sends nothing more
    assert _sent_to(app) == ["sam@example.org"]


def test_splitting_a_series_leaves_out_invitees_deactivated_since(app, world):
    client, meeting, _committee, _marsh, reyes = world
    _invite(client, meeting, people=[reyes])
    _deactivate(app, reyes)
    response = split_at_fourth_date(client, meeting, "Community safety forum")
    continuation_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert continuation_id != meeting.id
    with app.app_context():
        carried = db.session.scalars(
            db.select(MeetingInvitation.invitee_key).filter_by(meeting_id=continuation_id)
        ).all()
    assert carried == []
