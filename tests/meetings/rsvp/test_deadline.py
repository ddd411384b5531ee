"""An RSVP deadline: answers to each date close some hours before it starts."""

import re
from datetime import date, timedelta

import pytest

from coalition.auth.passwords import hash_password
from coalition.core.extensions import db
from coalition.meetings.rsvp.models import Rsvp
from coalition.outbox.models import OutboxEmail

ANSWER = {"answer": "yes", "headcount": "2", "names": "", "needs": "", "note": ""}


@pytest.fixture
def closing(app, client, create_coordinator, create_person, create_organization, link_person):
    """make(**meeting) -> (meeting, link path): Second Chance Reentry invited to a meeting
    whose first date is tomorrow and whose answers close 72 hours before each date."""

    coordinator = create_coordinator()
    client.login(coordinator)
    reentry = create_organization("Second Chance Reentry")
    darnell = create_person(name="Darnell Brooks", email="darnell@example.org")
    link_person(darnell, reentry, "primary")

    def make(create_meeting, invite_to_meeting, **overrides):
        fields = {"day": date.today() + timedelta(days=1), "rsvp_closes_hours_before": 72}
        meeting = create_meeting(**{**fields, **overrides})
        invite_to_meeting(meeting, organizations=[reentry])
        with app.app_context():
            body = db.session.scalars(
                db.select(OutboxEmail.text_body).order_by(OutboxEmail.id.desc())
            ).first()
        return meeting, re.search(r"http://localhost(/rsvp/[\w-]+)", body).group(1)

    return make


def _answers(app):
    with app.app_context():
        rows = db.session.scalars(db.select(Rsvp).order_by(Rsvp.occurrence_start)).all()
        return [(row.occurrence_start, row.answer, row.headcount) for row in rows]


def _first_closing(app, meeting):
    """What the page should say for the first date's deadline, in the meeting's zone."""
    from coalition.meetings.display import moment_in_zone

    with app.test_request_context():
        return moment_in_zone(meeting.start_at - timedelta(hours=72), meeting.zone)


def test_each_date_says_when_answers_close_and_a_closed_one_has_no_form(
    app, closing, create_meeting, invite_to_meeting, make_client
):
    meeting, path = closing(create_meeting, invite_to_meeting)
    page = make_client().get(path).get_data(as_text=True)
    closed_on = _first_closing(app, meeting)
    assert "(America/Chicago)" in closed_on
    assert f"Answers for this date closed on {closed_on}." in page
    assert page.count("Answers close on ") == 5  # the five later dates of the series
    assert "Answers close 72 hours before each date." in page
    assert len(re.findall(r"/dates/\w+", page)) == 5  # no form for the closed date
    assert "Will you come?" in page  # the later dates still take answers


def test_an_answer_after_the_deadline_changes_nothing(
    app, closing, create_meeting, invite_to_meeting, make_client
):
    meeting, path = closing(create_meeting, invite_to_meeting)
    phone = make_client()
    first = meeting.start_at.strftime("%Y%m%dT%H%M%SZ")
    refused = phone.post_form(f"{path}/dates/{first}", ANSWER, follow_redirects=True)
    assert refused.status_code == 200
    assert "Answers for this date closed on" in refused.get_data(as_text=True)
    assert _answers(app) == []
    saved = phone.post_form(path, ANSWER, follow_redirects=True).get_data(as_text=True)
    assert "every date still taking answers" in saved
    rows = _answers(app)
    assert len(rows) == 5 and meeting.start_at not in [row[0] for row in rows]


def test_a_delegate_logged_in_meets_the_same_deadline(
    app, closing, create_meeting, invite_to_meeting, make_client
):
    from coalition.meetings.models import MeetingInvitation
    from coalition.members.people.models import Person

    meeting, _path = closing(create_meeting, invite_to_meeting)
    with app.app_context():
        darnell = db.session.scalar(db.select(Person).filter_by(email="darnell@example.org"))
        darnell.password_hash = hash_password("orchard-violet-lantern")
        invitation_id = db.session.scalars(db.select(MeetingInvitation.id)).one()
        db.session.commit()
    delegate = make_client()
    delegate.post_form(
        "/login", {"email": "darnell@example.org", "password": "orchard-violet-lantern"}
    )
    answer_page = f"/rsvp/invitations/{invitation_id}"
    first = meeting.start_at.strftime("%Y%m%dT%H%M%SZ")
    refused = delegate.post_form(f"{answer_page}/dates/{first}", ANSWER, follow_redirects=True)
    assert "Answers for this date closed on" in refused.get_data(as_text=True)
    assert _answers(app) == []


def test_when_every_date_has_closed_the_page_and_a_late_post_say_so(
    app, closing, create_meeting, invite_to_meeting, make_client
):
    meeting, path = closing(create_meeting, invite_to_meeting, recurrence=None)
    phone = make_client()
    page = phone.get(path).get_data(as_text=True)
    assert "Answers are closed for every upcoming date." in page
    assert "Will you come?" not in page and "/dates/" not in page
    late = phone.post_form(path, ANSWER, follow_redirects=True)
    assert late.status_code == 200
    assert "Nothing was changed." in late.get_data(as_text=True)
    assert _answers(app) == []


def test_without_a_deadline_answers_stay_open_until_the_date(
    app, closing, create_meeting, invite_to_meeting, make_client
):
    meeting, path = closing(create_meeting, invite_to_meeting, rsvp_closes_hours_before=None)
    page = make_client().get(path).get_data(as_text=True)
    assert "Answers close" not in page and "closed on" not in page
    assert len(re.findall(r"/dates/\w+", page)) == 6


MEETING = {
    "committee_id": "",
    "title": "Steering committee",
    "day": "2027-03-09",
    "start_time": "18:00",
    "end_time": "19:30",
    "timezone": "America/Chicago",
    "repeat": "none",
    "interval": "1",
    "ends": "until",
}


@pytest.mark.parametrize("hours", ["-1", "721", "100000"])
def test_the_form_refuses_a_deadline_out_of_range_beside_the_field(client, closing, hours):
    page = client.post_form("/meetings/new", {**MEETING, "rsvp_closes_hours_before": hours})
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    error = re.search(r'id="rsvp_closes_hours_before-error">(.*?)</p>', text, re.S)
    assert error and "Enter a number of hours from 0 to 720 (30 days)." in error.group(1)


def test_the_form_saves_the_deadline_and_shows_it_again(app, client, closing):
    from coalition.meetings.models import Meeting

    form = client.get("/meetings/new").get_data(as_text=True)
    assert "Answers close (hours before each date)" in form
    saved = client.post_form("/meetings/new", {**MEETING, "rsvp_closes_hours_before": "48"})
    assert saved.status_code == 302
    with app.app_context():
        meeting = db.session.scalars(db.select(Meeting)).one()
        assert meeting.rsvp_closes_hours_before == 48
    edit = client.get(f"/meetings/{meeting.id}/edit").get_data(as_text=True)
    assert re.search(r'name="rsvp_closes_hours_before"[^>]*value="48"', edit)
    cleared = client.post_form(
        f"/meetings/{meeting.id}/edit",
        {**MEETING, "version": str(meeting.version), "rsvp_closes_hours_before": ""},
    )
    assert cleared.status_code == 302
    with app.app_context():
        assert db.session.get(Meeting, meeting.id).rsvp_closes_hours_before is None
