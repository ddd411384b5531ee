"""Inviting organizations and people: emails with calendar invitations, updates, links."""

import re

import icalendar
import pytest

from coalition.core.extensions import db
from coalition.meetings.calendar.models import CalendarSettings
from coalition.outbox.models import OutboxEmail
from tests.meetings.rsvp.series_steps import move_and_cancel, split_at_fourth_date


def _emails(app):
    with app.app_context():
        emails = db.session.scalars(
            db.select(OutboxEmail)
            .where(OutboxEmail.kind == "meeting_invitation")
            .order_by(OutboxEmail.id)
        ).all()
        for email in emails:
            db.session.expunge(email)
        return emails


def _calendar(email):
    [part] = [item for item in email.attachments if item.get("method")]
    return icalendar.Calendar.from_ical(part["data"])


@pytest.fixture
def setting(
    client, create_coordinator, create_person, create_organization, link_person, create_meeting
):
    """A coordinator's client, a meeting, an organization with two delegates and a staffer,
    an organization with only a contact address, and a person."""
    client.login(create_coordinator())
    reentry = create_organization("Second Chance Reentry")
    link_person(
        create_person(name="Darnell Brooks", email="darnell@example.org"), reentry, "primary"
    )
    link_person(create_person(name="Alt Delegate", email="alt@example.org"), reentry, "alternate")
    link_person(create_person(name="Staff Only", email="staff@example.org"), reentry, "staff")
    church = create_organization("First Baptist Church", contact_email="office@firstbaptist.org")
    rosa = create_person(name="Rosa Delgado", email="rosa@example.org", language="es")
    meeting = create_meeting(title="Steering committee")
    return client, meeting, reentry, church, rosa


def _invite(client, meeting, organizations=(), people=()):
    return client.post_form(
        f"/meetings/{meeting.id}/invitations",
        {
            "organizations": [org.id for org in organizations],
            "people": [person.id for person in people],
        },
    )


def test_invitations_reach_delegates_contact_addresses_and_people(app, setting):
    client, meeting, reentry, church, rosa = setting
    response = _invite(client, meeting, [reentry, church], [rosa])
    assert response.status_code == 302
    emails = _emails(app)
    assert sorted(email.to_address for email in emails) == [
        "alt@example.org",
        "darnell@example.org",
        "office@firstbaptist.org",
        "rosa@example.org",
    ]
    for email in emails:
        calendar = _calendar(email)
        [event] = calendar.walk("VEVENT")
        assert calendar["METHOD"] == "REQUEST"
        assert str(event["ATTENDEE"]) == f"mailto:{email.to_address}"
        assert "ORGANIZER" in event and event["UID"] == meeting.uid
        assert re.search(r"http://localhost/rsvp/[\w-]+", email.text_body)
        assert "/rsvp/" not in email.masked_body
    darnell = next(email for email in emails if email.to_address == "darnell@example.org")
    assert darnell.subject == "Invitation: Steering committee"
    assert "Second Chance Reentry" in darnell.text_body
    assert "America/Chicago" in darnell.text_body
    rosa_email = next(email for email in emails if email.to_address == "rosa@example.org")
    assert rosa_email.subject.startswith("Invitación")


def test_inviting_twice_sends_nothing_more(app, setting):
    client, meeting, reentry, church, rosa = setting
    _invite(client, meeting, [church], [rosa])
    _invite(client, meeting, [church], [rosa])
    assert len(_emails(app)) == 2


def test_people_who_follow_the_feed_get_no_calendar_part(app, setting):
    client, meeting, reentry, church, rosa = setting
    with app.app_context():
        db.session.add(CalendarSettings(person_id=rosa.id, feed_secret="s", delivery="feed"))
        db.session.commit()
    _invite(client, meeting, [], [rosa])
    [email] = _emails(app)
    assert email.attachments == []


def test_a_moved_date_sends_an_update_and_a_cancellation_sends_cancel(app, setting):
    client, meeting, reentry, church, rosa = setting
    _invite(client, meeting, [church])
    move_and_cancel(client, meeting)
    invitation, update, cancel = _emails(app)
    assert update.subject == "Updated: Steering committee"
    assert cancel.subject == "Cancelled: Steering committee"
    sequences = [
        max(event["SEQUENCE"] for event in _calendar(email).walk("VEVENT"))
        for email in (invitation, update, cancel)
    ]
    assert sequences == sorted(sequences) and sequences[0] < sequences[2]
    assert _calendar(cancel)["METHOD"] == "CANCEL"
    assert {str(e["UID"]) for e in _calendar(cancel).walk("VEVENT")} == {meeting.uid}


def test_the_personal_link_opens_the_meeting_without_an_account(app, setting, make_client):
    client, meeting, reentry, church, rosa = setting
    _invite(client, meeting, [church])
    [email] = _emails(app)
    path = re.search(r"http://localhost(/rsvp/[\w-]+)", email.text_body).group(1)
    phone = make_client()
    page = phone.get(path)
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Steering committee" in html
    assert "America/Chicago" in html and "First Baptist Church" in html
    assert page.headers["Referrer-Policy"] == "no-referrer"
    ics = phone.get(path + "/calendar.ics")
    assert ics.mimetype == "text/calendar"
    assert phone.get("/rsvp/forged-token").status_code == 404


def test_splitting_a_series_carries_the_invitations_over(app, setting):
    client, meeting, reentry, church, rosa = setting
    _invite(client, meeting, [church])
    response = split_at_fourth_date(client, meeting, "Steering committee")
    new_id = int(response.headers["Location"].rsplit("/", 1)[1])
    invitations_page = client.get(f"/meetings/{new_id}/invitations").get_data(as_text=True)
    assert "First Baptist Church" in invitations_page
    subjects = [email.subject for email in _emails(app)]
    assert subjects == [
        "Invitation: Steering committee",
        "Updated: Steering committee",
        "Invitation: Steering committee",
    ]
    first_link = re.search(r"http://localhost(/rsvp/[\w-]+)", _emails(app)[0].text_body).group(1)
    old_page = client.get(first_link).get_data(as_text=True)
    assert "This series continues with new times" in old_page
    followed = client.post_form(f"{first_link}/continuation", token_page=first_link)
    new_page = client.get(followed.headers["Location"]).get_data(as_text=True)
    assert "5:00" in new_page and "This series continues" not in new_page
    assert "Invitation for First Baptist Church" in new_page


def test_invitations_page_query_count_does_not_grow(
    app, setting, count_queries, create_organization, create_person
):
    client, meeting, reentry, church, rosa = setting
    _invite(client, meeting, [reentry, church], [rosa])

    def count():
        with count_queries() as queries:
            assert client.get(f"/meetings/{meeting.id}/invitations").status_code == 200
        return queries.count

    small = count()
    organizations = [create_organization(f"Org {n}") for n in range(15)]
    people = [create_person() for _ in range(15)]
    _invite(client, meeting, organizations, people)
    assert count() == small


def test_a_choice_not_offered_is_refused_beside_its_list(app, setting):
    client, meeting, reentry, church, rosa = setting
    response = client.post_form(
        f"/meetings/{meeting.id}/invitations", {"organizations": [999_999], "people": [rosa.id]}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'class="error-summary"' in page
    assert re.search(
        r'<fieldset class="field field-group field-error checklist" '
        r'aria-describedby="organizations-error">\s*<legend class="label">Partner organizations',
        page,
    )
    assert _emails(app) == []  # nothing was sent, not even to the person chosen rightly
