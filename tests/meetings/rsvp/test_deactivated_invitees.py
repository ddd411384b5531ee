"""Deactivated people are not invited: inviting a committee, or carrying a series' invitations
over after a split, leaves them out."""

import html
import re

import pytest

from coalition.core.dbtypes import utcnow
from coalition.core.extensions import db
from coalition.meetings.models import MeetingInvitation
from coalition.members.people.models import Person
from coalition.outbox.models import OutboxEmail


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


def test_splitting_a_series_leaves_out_invitees_deactivated_since(app, world):
    client, meeting, _committee, _marsh, reyes = world
    _invite(client, meeting, people=[reyes])
    _deactivate(app, reyes)
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    key = re.findall(rf"/meetings/{meeting.id}/occurrences/(\w+)/edit", page)[3]
    local = meeting.start_at.astimezone(meeting.zone)
    response = client.post_form(
        f"/meetings/{meeting.id}/occurrences/{key}/edit",
        {
            "title": "Community safety forum",
            "day": local.date().isoformat(),
            "start_time": "17:00",
            "end_time": "18:00",
            "timezone": "America/Chicago",
            "repeat": "monthly_by_weekday",
            "interval": "1",
            "ends": "count",
            "count": "3",
            "version": "1",
        },
    )
    continuation_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert continuation_id != meeting.id
    with app.app_context():
        carried = db.session.scalars(
            db.select(MeetingInvitation.invitee_key).filter_by(meeting_id=continuation_id)
        ).all()
    assert carried == []
