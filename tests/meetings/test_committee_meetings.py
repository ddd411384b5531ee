"""A committee's meetings: its chairs manage them; its members and invitees see them."""

import re

import pytest

from tests.meetings.series.test_meeting_pages import _form


@pytest.fixture
def committee_world(create_person, create_committee, create_meeting, make_client):
    chair = create_person(name="Chair C")
    member = create_person(name="Member On")
    outsider = create_person(name="Not On It")
    housing = create_committee("Housing working group", chairs=[chair], members=[member])
    other = create_committee("Budget working group")
    clients = {}
    for name, person in (("chair", chair), ("member", member), ("outsider", outsider)):
        clients[name] = make_client()
        clients[name].login(person)
    return clients, housing, other, outsider


def _schedule(client, committee):
    response = client.post_form(
        "/meetings/new", _form(committee_id=str(committee.id), repeat="none")
    )
    assert response.status_code == 302, response.get_data(as_text=True)[-2000:]
    return int(response.headers["Location"].rsplit("/", 1)[1])


def test_a_chair_schedules_and_manages_their_committees_meeting(committee_world):
    clients, housing, other, outsider = committee_world
    meeting_id = _schedule(clients["chair"], housing)
    assert clients["chair"].get(f"/meetings/{meeting_id}/edit").status_code == 200
    refused = clients["chair"].post_form("/meetings/new", _form(committee_id=str(other.id)))
    assert 'id="committee_id-error"' in refused.get_data(as_text=True)


def test_committee_members_see_it_and_others_do_not(committee_world, invite_to_meeting):
    clients, housing, other, outsider = committee_world
    meeting_id = _schedule(clients["chair"], housing)
    assert clients["member"].get(f"/meetings/{meeting_id}").status_code == 200
    assert clients["member"].get(f"/meetings/{meeting_id}/edit").status_code == 403
    assert clients["outsider"].get(f"/meetings/{meeting_id}").status_code == 403
    assert "Steering committee" not in clients["outsider"].get("/meetings/").get_data(as_text=True)


def test_an_invited_outsider_sees_it(app, committee_world, invite_to_meeting):
    from coalition.core.extensions import db
    from coalition.meetings.models import Meeting

    clients, housing, other, outsider = committee_world
    meeting_id = _schedule(clients["chair"], housing)
    with app.app_context():
        meeting = db.session.get(Meeting, meeting_id)
        db.session.expunge(meeting)
    invite_to_meeting(meeting, people=[outsider])
    assert clients["outsider"].get(f"/meetings/{meeting_id}").status_code == 200


def test_inviting_a_committee_invites_each_member(app, committee_world):
    clients, housing, other, outsider = committee_world
    meeting_id = _schedule(clients["chair"], housing)
    clients["chair"].post_form(f"/meetings/{meeting_id}/invitations", {"committees": [housing.id]})
    page = clients["chair"].get(f"/meetings/{meeting_id}/invitations").get_data(as_text=True)
    invited = page.split('id="invited-heading"')[1].split("<form")[0]
    assert "Chair C" in invited and "Member On" in invited and "Not On It" not in invited


def test_the_committee_feed_and_filter(committee_world):
    clients, housing, other, outsider = committee_world
    _schedule(clients["chair"], housing)
    settings = clients["member"].get("/account/calendar").get_data(as_text=True)
    feed = re.search(
        rf'value="http://localhost(/feeds/\d+/committee-{housing.id}/\w+\.ics)"', settings
    ).group(1)
    assert "SUMMARY:Steering committee" in clients["member"].get(feed).get_data(as_text=True)
    listed = clients["member"].get(f"/meetings/?committee={other.id}").get_data(as_text=True)
    assert "Steering committee" not in listed
    listed = clients["member"].get(f"/meetings/?committee={housing.id}").get_data(as_text=True)
    assert "Steering committee" in listed
    outsider_settings = clients["outsider"].get("/account/calendar").get_data(as_text=True)
    assert f"committee-{housing.id}" not in outsider_settings
