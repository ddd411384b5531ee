"""A meeting with no date still to come is not invited to, and its pages say it is over
("This series ended on ...", "This meeting took place on ..."), never a past date as "When"."""

from datetime import date, time, timedelta

import pytest

from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.meetings.models import Meeting, MeetingInvitation
from coalition.meetings.recurrence import WEEKLY_FREQ, Recurrence
from coalition.meetings.rsvp import meeting_invitations
from coalition.meetings.rsvp.links import mint_link
from coalition.members.people.models import Person
from coalition.outbox.models import OutboxEmail


def _full(day):
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def _sent(app):
    with app.app_context():
        return db.session.scalars(
            db.select(OutboxEmail.text_body).filter_by(kind="meeting_invitation")
        ).all()


@pytest.fixture
def ended(client, create_coordinator, create_person, create_meeting):
    """A coordinator's client, a weekly series of three whose last date was a week ago, and a
    person to invite."""
    client.login(create_coordinator())
    first = date.today() - timedelta(weeks=3)
    meeting = create_meeting(
        title="Reentry roundtable",
        day=first,
        start_time=time(18),
        recurrence=Recurrence(WEEKLY_FREQ, count=3),
    )
    keisha = create_person(name="Keisha Moore", email="keisha@example.org")
    return client, meeting, first + timedelta(weeks=2), keisha


def test_inviting_to_an_ended_series_is_refused_beside_the_form(app, ended):
    client, meeting, last, keisha = ended
    page = client.get(f"/meetings/{meeting.id}/invitations").get_data(as_text=True)
    assert "This meeting has no date still to come: schedule new dates first." in page
    assert page.index("no date still to come") < page.index('name="people"')  # before the form
    response = client.post_form(f"/meetings/{meeting.id}/invitations", {"people": [keisha.id]})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "This meeting has no date still to come: schedule new dates first." in page
    assert "on their way" not in page and "on its way" not in page
    assert 'role="alert" id="invite-closed"' in page
    assert _sent(app) == []
    with app.app_context(), pytest.raises(ActionRefused):
        meeting_invitations.invite(
            db.session.get(Meeting, meeting.id), None, people=[db.session.get(Person, keisha.id)]
        )


def test_the_rsvp_and_meeting_pages_say_the_series_ended(app, ended, make_client):
    client, meeting, last, keisha = ended
    with app.app_context():  # invited while it ran: the invitation and its personal link
        person = db.session.get(Person, keisha.id)
        invitation = MeetingInvitation(
            meeting=db.session.get(Meeting, meeting.id),
            invitee_key=f"person:{person.id}",
            person=person,
        )
        db.session.add(invitation)
        db.session.flush()
        path = f"/rsvp/{mint_link(invitation, person)}"
        db.session.commit()
    rsvp = make_client().get(path).get_data(as_text=True)
    assert f"This series ended on {_full(last)}." in rsvp
    assert "every date is listed below" not in rsvp
    detail = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert f"This series ended on {_full(last)}." in detail
    first = last - timedelta(weeks=2)
    facts = detail.split('<dl class="facts card">')[1].split("</dl>")[0]
    assert _full(first) not in facts


def test_a_single_past_meeting_took_place(app, client, create_coordinator, create_meeting):
    client.login(create_coordinator())
    day = date.today() - timedelta(days=3)
    meeting = create_meeting(day=day, start_time=time(18), recurrence=None)
    detail = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert f"This meeting took place on {_full(day)}, 6:00" in detail
    page = client.get(f"/meetings/{meeting.id}/invitations").get_data(as_text=True)
    assert "This meeting has no date still to come" in page


def test_a_series_still_running_is_invited_to(app, client, create_coordinator, create_meeting):
    client.login(create_coordinator())
    meeting = create_meeting(
        day=date.today() - timedelta(weeks=1), recurrence=Recurrence(WEEKLY_FREQ, count=3)
    )
    page = client.get(f"/meetings/{meeting.id}/invitations").get_data(as_text=True)
    assert "no date still to come" not in page and 'name="people"' in page
