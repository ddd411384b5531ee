"""Reminding those who have not answered one date: once a day, to them only, with their link."""

import re
import threading
from datetime import date, timedelta

import pytest

from coalition.core.dbtypes import utcnow
from coalition.core.extensions import db
from coalition.meetings.rsvp.models import RsvpNudge
from coalition.outbox.models import OutboxEmail

ANSWER = {"answer": "yes", "headcount": "2", "names": "", "needs": "", "note": ""}


@pytest.fixture
def invited(
    app,
    client,
    create_coordinator,
    create_person,
    create_organization,
    link_person,
    create_meeting,
    invite_to_meeting,
):
    """A coordinator's client on a 6-date series with three invitees; Second Chance Reentry
    has answered from its link, Rosa (who reads Spanish) and First Baptist have not."""
    client.login(create_coordinator(name="Maya Ortiz"))
    reentry = create_organization("Second Chance Reentry")
    link_person(
        create_person(name="Darnell Brooks", email="darnell@example.org"), reentry, "primary"
    )
    church = create_organization("First Baptist Church", contact_email="office@fbc.org")
    rosa = create_person(name="Rosa Delgado", email="rosa@example.org", language="es")
    # Three weeks away: within reach of the longest deadline (720 hours).
    meeting = create_meeting(title="Steering committee", day=date.today() + timedelta(days=21))
    invite_to_meeting(meeting, people=[rosa], organizations=[reentry, church])
    with app.app_context():
        body = db.session.scalar(
            db.select(OutboxEmail.text_body).filter_by(to_address="darnell@example.org")
        )
    darnell_link = re.search(r"http://localhost(/rsvp/[\w-]+)", body).group(1)
    client.application.test_client().post_form(darnell_link, ANSWER)
    return client, meeting


def _key(meeting):
    return meeting.start_at.strftime("%Y%m%dT%H%M%SZ")


def _remind_url(meeting):
    return f"/meetings/{meeting.id}/answers/{_key(meeting)}/remind"


def _nudges(app):
    with app.app_context():
        return db.session.scalars(
            db.select(OutboxEmail).filter_by(kind="rsvp_nudge").order_by(OutboxEmail.id)
        ).all()


def test_the_reminder_goes_to_those_who_have_not_answered_with_their_link(
    app, invited, make_client
):
    client, meeting = invited
    answers_page = client.get(f"/meetings/{meeting.id}/answers").get_data(as_text=True)
    assert "2 invitees have not answered for this date." in answers_page
    done = client.post_form(_remind_url(meeting), follow_redirects=True)
    assert "2 emails are on their way to those who have not answered." in done.get_data(
        as_text=True
    )
    emails = _nudges(app)
    assert sorted(email.to_address for email in emails) == ["office@fbc.org", "rosa@example.org"]
    by_address = {email.to_address: email for email in emails}
    rosa = by_address["rosa@example.org"]
    assert rosa.subject == "¿Vendrá? Steering committee"  # in her language
    assert "Rosa Delgado" in rosa.text_body
    for email in emails:
        link = re.search(r"http://localhost(/rsvp/[\w-]+)", email.text_body).group(1)
        assert link in email.html_body and "[personal link]" in email.masked_body
        page = make_client().get(link)
        assert page.status_code == 200 and "Steering committee" in page.get_data(as_text=True)
    church = by_address["office@fbc.org"]
    assert "First Baptist Church" in church.text_body
    with app.app_context():
        nudge = db.session.scalars(db.select(RsvpNudge)).one()
        assert nudge.sent_count == 2 and nudge.occurrence_start == meeting.start_at


def test_a_second_reminder_the_same_day_is_refused_and_sends_nothing(app, invited):
    client, meeting = invited
    client.post_form(_remind_url(meeting))
    again = client.post_form(_remind_url(meeting), follow_redirects=True)
    text = again.get_data(as_text=True)
    assert re.search(
        r"Those who have not answered were already reminded today at [\d:]+\s?[AP]M; you can "
        r"remind them again tomorrow\.",
        text,
    )
    assert len(_nudges(app)) == 2
    page = client.get(f"/meetings/{meeting.id}/answers").get_data(as_text=True)
    assert "by Maya Ortiz: 2 emails sent." in page
    assert re.search(r"<button[^>]*disabled[^>]*>Remind those who have not answered", page)
    assert "/remind" not in page  # no form to post


def test_another_date_and_the_next_day_may_be_reminded(app, invited):
    from coalition.meetings import queries
    from coalition.meetings.models import Meeting
    from coalition.meetings.rsvp import nudges
    from coalition.members.people.models import Person

    client, meeting = invited
    client.post_form(_remind_url(meeting))
    with app.app_context():
        series = db.session.get(Meeting, meeting.id)
        first, second = queries.meeting_occurrences(series)[:2]
        actor = db.session.scalar(db.select(Person).filter_by(name="Maya Ortiz"))
        tomorrow = utcnow() + timedelta(days=1)
        assert nudges.remind_unanswered(series, second, actor).sent_count == 2
        assert nudges.remind_unanswered(series, first, actor, now=tomorrow).sent_count == 2
        db.session.commit()
    assert len(_nudges(app)) == 6


@pytest.mark.real_commits
def test_two_organizers_clicking_at_once_send_once(app, invited, make_client, create_coordinator):
    client, meeting = invited
    second = make_client()
    second.login(create_coordinator())
    page = f"/meetings/{meeting.id}/answers"
    tokens = [client.csrf_token(page), second.csrf_token(page)]
    statuses, errors = [], []

    def click(browser, token):
        try:
            statuses.append(browser.post(_remind_url(meeting), data={"csrf_token": token}))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [
        threading.Thread(target=click, args=pair)
        for pair in zip([client, second], tokens, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == [] and [s.status_code for s in statuses] == [302, 302]
    assert len(_nudges(app)) == 2
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(RsvpNudge.id))) == 1


def test_no_button_once_everyone_has_answered(app, invited):
    from coalition.meetings.models import MeetingInvitation
    from coalition.meetings.rsvp.models import Rsvp

    client, meeting = invited
    with app.app_context():
        answered = set(db.session.scalars(db.select(Rsvp.respondent_key)))
        for invitation in db.session.scalars(db.select(MeetingInvitation)):
            if invitation.invitee_key not in answered:
                db.session.add(
                    Rsvp(
                        meeting_id=meeting.id,
                        invitation_id=invitation.id,
                        respondent_key=invitation.invitee_key,
                        occurrence_start=meeting.start_at,
                        answer="no",
                        headcount=0,
                    )
                )
        db.session.commit()
    page = client.get(f"/meetings/{meeting.id}/answers").get_data(as_text=True)
    assert "Everyone invited has answered for this date." in page
    assert "/remind" not in page
    refused = client.post_form(_remind_url(meeting), follow_redirects=True)
    assert "Everyone invited has answered for this date." in refused.get_data(as_text=True)
    assert _nudges(app) == []


def test_no_button_past_the_deadline(app, invited):
    from coalition.meetings.models import Meeting

    client, meeting = invited
    with app.app_context():
        stored = db.session.get(Meeting, meeting.id)
        hours = int((stored.start_at - utcnow()).total_seconds() // 3600) + 1
        assert hours <= 720
        stored.rsvp_closes_hours_before = hours
        db.session.commit()
    page = client.get(f"/meetings/{meeting.id}/answers").get_data(as_text=True)
    assert "Answers for this date are closed: there is no one to remind." in page
    assert "/remind" not in page
    refused = client.post_form(_remind_url(meeting), follow_redirects=True)
    assert "Answers for this date are closed" in refused.get_data(as_text=True)
    assert _nudges(app) == []


def test_members_may_not_remind_and_a_post_without_csrf_is_refused(
    app, invited, make_client, create_person
):
    client, meeting = invited
    member = make_client()
    member.login(create_person())
    assert member.post_form(_remind_url(meeting)).status_code == 403
    assert client.post(_remind_url(meeting), data={}).status_code == 400
    assert client.post_form(f"/meetings/{meeting.id}/answers/not-a-date/remind").status_code == (
        404
    )
    assert _nudges(app) == []


def test_the_answers_page_queries_do_not_grow_with_invitees_and_reminders(
    app, invited, count_queries, create_person, invite_to_meeting
):
    client, meeting = invited
    url = f"/meetings/{meeting.id}/answers"

    def count():
        with count_queries() as queries:
            response = client.get(url)
        assert response.status_code == 200
        return queries.count

    small = count()
    invite_to_meeting(meeting, people=[create_person() for _ in range(12)])
    client.post_form(_remind_url(meeting))
    assert "Last reminded on" in client.get(url).get_data(as_text=True)
    assert count() == small
