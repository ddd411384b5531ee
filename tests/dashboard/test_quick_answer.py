"""The one-click answer on the home page: recorded as the RSVP page records it (one row per
date, the confirmation email, the organizers' view), through the session and its CSRF
token, for one's own or one's organization's invitation only; never a 500."""

import re
from urllib.parse import urlsplit

import pytest

from coalition.meetings.occurrences import occurrence_key
from coalition.meetings.rsvp.models import Rsvp
from coalition.members.people.models import Person
from coalition.outbox.models import OutboxEmail
from tests.factories import DEFAULT_PASSWORD


@pytest.fixture
def invited(client, create_person, create_organization, link_person, create_meeting,
            invite_to_meeting, invitation_of):  # fmt: skip
    """A delegate logged in, whose organization is invited to a six-date series."""
    delegate = create_person(name="Dana Delegate")
    reentry = create_organization("Second Chance Reentry", contact_email="office@scr.org")
    link_person(delegate, reentry, "primary")
    meeting = create_meeting(title="Diversion working group")
    invite_to_meeting(meeting, organizations=[reentry])
    client.login(delegate)
    key = occurrence_key(meeting.start_at)
    url = f"/my/invitations/{invitation_of(meeting, reentry)}/dates/{key}"
    return client, meeting, url


def test_one_click_records_confirms_and_the_organizers_see_it(
    invited, rows, make_client, create_coordinator
):
    client, meeting, url = invited
    response = client.post_form(url, {"answer": "yes"})
    assert response.status_code == 302 and response.location.startswith("/")
    page = client.get("/").get_data(as_text=True)
    assert "Your answer for Diversion working group is saved." in page
    assert "Answer for Second Chance Reentry:" in page and "Yes · 1 person" in page
    [row] = rows(Rsvp, meeting_id=meeting.id)  # one date only, as the RSVP page's date form
    assert (row.answer, row.headcount) == ("yes", 1)
    assert row.respondent_key.startswith("organization:")
    assert row.answered_by_id is not None
    [confirmation] = rows(OutboxEmail, kind="rsvp_confirmation")
    assert "Diversion working group" in confirmation.subject
    assert "/rsvp/invitations/" in confirmation.text_body  # the session's page, not a new link
    organizer = make_client()
    organizer.login(create_coordinator())
    answers = organizer.get(f"/meetings/{meeting.id}/answers").get_data(as_text=True)
    assert "Second Chance Reentry" in answers and "Yes" in answers


def test_one_click_keeps_the_headcount_and_needs_given_before(invited, rows):
    client, meeting, url = invited
    page = url.split("/dates/")[0].replace("/my/invitations/", "/rsvp/invitations/")
    client.post_form(page, {"answer": "yes", "headcount": "3", "needs": "Spanish"})
    client.post_form(url, {"answer": "maybe"})
    answers = {row.occurrence_start: row for row in rows(Rsvp, meeting_id=meeting.id)}
    first = answers[meeting.start_at]
    assert (first.answer, first.headcount, first.needs) == ("maybe", 3, "Spanish")
    assert {row.answer for start, row in answers.items() if start != meeting.start_at} == {"yes"}


def test_one_click_needs_the_csrf_token_and_a_choice(invited, rows):
    client, meeting, url = invited
    assert client.post(url, data={"answer": "yes"}).status_code == 400
    client.post_form(url, {"answer": "perhaps"})
    assert rows(Rsvp, meeting_id=meeting.id) == []
    assert "Choose yes, maybe or no." in client.get("/").get_data(as_text=True)


def test_one_click_refuses_an_invitation_not_ones_own(invited, make_client, create_person, rows):
    own, meeting, url = invited
    stranger = make_client()
    stranger.login(create_person())
    assert stranger.post_form(url, {"answer": "yes"}).status_code == 403
    missing = "/my/invitations/999999/dates/" + url.rsplit("/", 1)[1]
    assert stranger.post_form(missing, {"answer": "yes"}).status_code == 404
    other_date = url.rsplit("/", 1)[0] + "/20200101T000000Z"
    assert own.post_form(other_date, {"answer": "yes"}).status_code == 404
    nonsense = url.rsplit("/", 1)[0] + "/nonsense"
    assert own.post_form(nonsense, {"answer": "yes"}).status_code == 404
    assert rows(Rsvp, meeting_id=meeting.id) == []


def test_one_click_on_a_cancelled_date_says_so(invited, app, rows):
    from coalition.core.extensions import db
    from coalition.meetings.models import Meeting
    from coalition.meetings.series.services import cancel_occurrence

    client, meeting, url = invited
    home = client.get("/").get_data(as_text=True)
    assert url in home
    with app.app_context():
        saved = db.session.get(Meeting, meeting.id)
        cancel_occurrence(saved, meeting.start_at, saved.version)
        db.session.commit()
    response = client.post_form(url, {"answer": "yes"})  # the page was open before
    assert response.status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert "This date has passed or is cancelled: answers are closed." in page
    assert url not in page  # the cancelled date is gone from the cards
    assert rows(Rsvp, meeting_id=meeting.id) == []


def test_anonymous_visitors_are_sent_to_log_in(app, invited):
    _client, _meeting, url = invited
    anonymous = app.test_client()
    response = anonymous.post_form(url, {"answer": "yes"}, token_page="/login")
    assert response.status_code == 302 and "/login" in response.location


def _log_in_after(client, bounce, email):
    """Log in on the page `bounce` led to, as a browser does, and follow where it sends."""
    page = client.get(bounce.location).get_data(as_text=True)
    back = re.search(r'id="next" name="next" type="hidden" value="([^"]*)"', page).group(1)
    landed = client.post_form(
        "/login", {"email": email, "password": DEFAULT_PASSWORD, "next": back},
        token_page=bounce.location,
    )  # fmt: skip
    return back, client.get(landed.location)


def test_an_answer_sent_after_the_session_ended_leads_back_to_the_home_page_after_login(
    invited, rows
):
    """The home page stayed open past the session; the click sends to the login page, and
    after logging in the browser lands on the page it came from, not on a 405."""
    client, _meeting, url = invited
    client.post_form("/logout", {})
    bounce = client.post_form(url, {"answer": "yes"}, headers={"Referer": "http://localhost/"})
    assert bounce.status_code == 302 and urlsplit(bounce.location).path == "/login"
    [delegate] = rows(Person, name="Dana Delegate")
    back, page = _log_in_after(client, bounce, delegate.email)
    assert back == "/" and page.status_code == 200
    assert "Diversion working group" in page.get_data(as_text=True)


def test_a_form_sent_after_the_session_ended_never_returns_to_its_address(app, invited):
    """Without a page of this site to go back to, the login leads home: never to the form's
    address (a GET there answers 405), nor to another site."""
    _client, _meeting, url = invited
    for referrer in (None, "https://evil.example/", "http://localhost//evil.example/x"):
        anonymous = app.test_client()
        headers = {"Referer": referrer} if referrer else {}
        bounce = anonymous.post_form(url, {"answer": "yes"}, token_page="/login", headers=headers)
        assert bounce.location == "/login", referrer


def test_too_many_one_click_answers_show_the_too_many_answers_page(app, invited, rows):
    """Past the answers' limit the page says so, as the RSVP page does, with the way back
    to the invitation: not the login lockout's advice about a forgotten password."""
    app.config["RSVP_POSTS_PER_ACCOUNT"] = "2 per hour"
    client, meeting, url = invited
    codes = [client.post_form(url, {"answer": answer}).status_code for answer in ("yes", "no")]
    assert codes == [302, 302]
    limited = client.post_form(url, {"answer": "maybe"})
    page = limited.get_data(as_text=True)
    assert limited.status_code == 429
    assert "Too many answers in a short time" in page and "forgot your password" not in page
    invitation_page = url.split("/dates/")[0].replace("/my/invitations/", "/rsvp/invitations/")
    assert f'href="{invitation_page}"' in page
    assert [row.answer for row in rows(Rsvp, meeting_id=meeting.id)] == ["no"]


def test_too_many_one_click_answers_from_one_address_show_the_same_page(app, invited):
    app.config["RSVP_POSTS_PER_CLIENT"] = "1 per hour"
    client, _meeting, url = invited
    assert client.post_form(url, {"answer": "yes"}).status_code == 302
    limited = client.post_form(url, {"answer": "no"})
    assert limited.status_code == 429
    assert "Too many answers in a short time" in limited.get_data(as_text=True)


def test_the_home_page_and_the_rsvp_page_record_one_date_alike(invited, app, rows):
    """One click for one date records the same row from the home page and from beside the
    date on the RSVP page: a date not answered yet takes what the invitee usually answers
    (three people, their names, Spanish interpretation), only yes/maybe/no changes."""
    from coalition.core.extensions import db

    client, meeting, url = invited
    page = url.split("/dates/")[0].replace("/my/invitations/", "/rsvp/invitations/")
    usual = {"headcount": "3", "names": "Dana, Luis, Ana", "needs": "Spanish", "note": "Ramp"}
    client.post_form(page, {"answer": "yes", **usual})
    first, second = sorted(row.occurrence_start for row in rows(Rsvp, meeting_id=meeting.id))[:2]
    with app.app_context():  # two dates with no answer yet (say, added after answering)
        db.session.execute(
            db.delete(Rsvp).where(
                Rsvp.meeting_id == meeting.id, Rsvp.occurrence_start.in_([first, second])
            )
        )
        db.session.commit()
    assert occurrence_key(first) in url
    client.post_form(url, {"answer": "maybe"})  # the home page's button for the first date
    html = client.get(page).get_data(as_text=True)
    action = f"{page}/dates/{occurrence_key(second)}"
    form = re.search(rf'<form method="post" action="{action}"[^>]*>(.*?)</form>', html, re.S)
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form.group(1)))
    client.post_form(action, {**fields, "answer": "maybe"})  # the page's form for the second
    answers = {row.occurrence_start: row for row in rows(Rsvp, meeting_id=meeting.id)}

    def recorded(start):
        row = answers[start]
        return (row.answer, row.headcount, row.names, row.needs, row.note)

    assert recorded(first) == recorded(second) == ("maybe", 3, "Dana, Luis, Ana", "Spanish", "Ramp")
