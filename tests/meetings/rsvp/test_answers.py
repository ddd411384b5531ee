"""Answering from the personal link: one row per invitee and date, however many submit."""

import re
import threading

import pytest

from coalition.auth.passwords import hash_password
from coalition.core.extensions import db
from coalition.meetings.rsvp.models import Rsvp
from coalition.outbox.models import OutboxEmail


@pytest.fixture
def invited(
    app, client, create_coordinator, create_person, create_organization, link_person, create_meeting
):
    """A coordinator's client, a 6-date series, and an organization invited by email."""
    client.login(create_coordinator())
    reentry = create_organization("Second Chance Reentry", sectors=["reentry"])
    link_person(
        create_person(name="Darnell Brooks", email="darnell@example.org"), reentry, "primary"
    )
    meeting = create_meeting(title="Steering committee")
    client.post_form(f"/meetings/{meeting.id}/invitations", {"organizations": [reentry.id]})
    with app.app_context():
        body = db.session.scalars(db.select(OutboxEmail.text_body)).first()
    path = re.search(r"http://localhost(/rsvp/[\w-]+)", body).group(1)
    return client, meeting, path


def _rows(app):
    with app.app_context():
        rows = db.session.scalars(db.select(Rsvp).order_by(Rsvp.occurrence_start)).all()
        return [(row.answer, row.headcount, row.needs) for row in rows]


ANSWER = {
    "answer": "yes",
    "headcount": "3",
    "names": "Darnell, Keisha, Luis",
    "needs": "Spanish interpretation",
    "note": "",
}


def test_a_get_records_nothing_and_a_post_answers_every_date(app, invited, make_client):
    client, meeting, path = invited
    phone = make_client()
    page = phone.get(path)
    assert page.status_code == 200 and "Will you come?" in page.get_data(as_text=True)
    assert _rows(app) == []
    response = phone.post_form(path, ANSWER)
    assert response.status_code == 302
    assert _rows(app) == [("yes", 3, "Spanish interpretation")] * 6
    with app.app_context():
        confirmation = db.session.scalars(
            db.select(OutboxEmail).filter_by(kind="rsvp_confirmation")
        ).one()
        assert confirmation.to_address == "darnell@example.org"
        assert "3 people" in confirmation.text_body and "/rsvp/" in confirmation.text_body
    assert "3 people" in phone.get(path).get_data(as_text=True)


def test_changing_one_date_leaves_the_others(app, invited, make_client):
    client, meeting, path = invited
    phone = make_client()
    phone.post_form(path, ANSWER)
    page = phone.get(path).get_data(as_text=True)
    key = re.findall(r"/dates/(\w+)", page)[1]
    phone.post_form(f"{path}/dates/{key}", {"answer": "no", "headcount": "3"})
    answers = [row[0] for row in _rows(app)]
    assert answers == ["yes", "no", "yes", "yes", "yes", "yes"]
    assert _rows(app)[1][1] == 0  # "no" counts nobody


def test_changing_the_headcount_never_counts_twice(app, invited, make_client):
    client, meeting, path = invited
    make_client().post_form(path, ANSWER)
    make_client().post_form(path, {**ANSWER, "headcount": "2"})
    assert [row[1] for row in _rows(app)] == [2] * 6


@pytest.mark.real_commits
def test_twenty_submissions_at_once_leave_one_row_per_date(app, invited, make_client):
    client, meeting, path = invited
    browsers = [make_client() for _ in range(20)]
    tokens = [browser.csrf_token(path) for browser in browsers]
    errors = []

    def submit(browser, token, number):
        try:
            browser.post(
                path, data={**ANSWER, "headcount": str(number % 5 + 1), "csrf_token": token}
            )
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [
        threading.Thread(target=submit, args=(b, t, n))
        for n, (b, t) in enumerate(zip(browsers, tokens, strict=True))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    rows = _rows(app)
    assert len(rows) == 6 and len({row[1] for row in rows}) >= 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**ANSWER, "headcount": "50"}, "Enter a number from 0 to 20."),
        ({**ANSWER, "answer": ""}, "Choose yes, maybe or no."),
        ({**ANSWER, "answer": "perhaps"}, ""),
    ],
)
def test_bad_answers_are_refused_beside_the_field(app, invited, make_client, data, message):
    client, meeting, path = invited
    page = make_client().post_form(path, data)
    assert page.status_code == 200 and message in page.get_data(as_text=True)
    assert _rows(app) == []


def test_forged_links_and_missing_csrf_are_refused(app, invited, make_client):
    client, meeting, path = invited
    phone = make_client()
    assert phone.get("/rsvp/not-a-token").status_code == 404
    assert phone.post(path, data=ANSWER).status_code == 400
    assert _rows(app) == []


def test_a_cancelled_series_takes_no_answers(app, invited, make_client):
    client, meeting, path = invited
    client.post_form(f"/meetings/{meeting.id}/cancel")
    page = make_client().get(path).get_data(as_text=True)
    assert "Will you come?" not in page and "This meeting is cancelled." in page


def test_the_organizers_view_shows_headcount_needs_and_sectors(app, invited, make_client):
    client, meeting, path = invited
    make_client().post_form(path, ANSWER)
    page = client.get(f"/meetings/{meeting.id}/answers").get_data(as_text=True)
    assert "Second Chance Reentry" in page and "Spanish interpretation" in page
    totals = re.search(r"People coming</dt><dd>(\d+)</dd>", page).group(1)
    assert totals == "3"
    coming = page.split("Coming:")[1].split("</p>")[0]
    assert "Reentry" in coming
    assert "Housing" in page.split("Missing:")[1].split("</p>")[0]


def test_members_do_not_see_who_answered(invited, make_client, create_person):
    client, meeting, path = invited
    member = make_client()
    member.login(create_person())
    assert member.get(f"/meetings/{meeting.id}/answers").status_code == 403


def _set_capacity(app, meeting, capacity):
    from coalition.meetings.models import Meeting

    with app.app_context():
        db.session.get(Meeting, meeting.id).capacity = capacity
        db.session.commit()


def test_a_yes_that_does_not_fit_waits_and_a_freed_seat_promotes_it(
    app, invited, make_client, create_organization, create_person, link_person, invite_to_meeting
):
    client, meeting, path = invited
    _set_capacity(app, meeting, 4)
    church = create_organization("First Baptist Church", contact_email="office@fbc.org")
    invite_to_meeting(meeting, organizations=[church])
    with app.app_context():
        bodies = db.session.scalars(
            db.select(OutboxEmail.text_body).where(OutboxEmail.to_address == "office@fbc.org")
        ).all()
    church_path = re.search(r"http://localhost(/rsvp/[\w-]+)", bodies[0]).group(1)
    make_client().post_form(path, {**ANSWER, "headcount": "3"})
    make_client().post_form(church_path, {**ANSWER, "headcount": "2"})
    waiting = make_client().get(church_path).get_data(as_text=True)
    assert "On the waiting list" in waiting
    assert "The meeting is full: you are on the waiting list." in waiting  # at the top
    assert "number 1 in line" in waiting
    with app.app_context():
        confirmation = db.session.scalars(
            db.select(OutboxEmail.text_body).filter_by(
                kind="rsvp_confirmation", to_address="office@fbc.org"
            )
        ).first()
    assert "you are on the waiting list" in confirmation
    make_client().post_form(path, {**ANSWER, "headcount": "2"})  # one seat freed: 2 + 2 = 4
    assert "On the waiting list" not in make_client().get(church_path).get_data(as_text=True)
    with app.app_context():
        promoted = db.session.scalars(
            db.select(OutboxEmail).where(
                OutboxEmail.to_address == "office@fbc.org",
                OutboxEmail.subject.like("A seat is free%"),
            )
        ).all()
        assert len(promoted) == 6  # one per date
    page = client.get(f"/meetings/{meeting.id}/answers").get_data(as_text=True)
    assert re.search(r"People coming</dt><dd>4</dd>", page)


def test_reminders_go_once_to_those_coming(app, invited, make_client, runner):
    from datetime import timedelta

    from coalition.core.dbtypes import utcnow
    from coalition.meetings.rsvp.reminders import send_reminders

    client, meeting, path = invited
    make_client().post_form(path, ANSWER)
    with app.app_context():
        soon = meeting.start_at - timedelta(hours=2)
        assert send_reminders(now=utcnow()) == 0  # the first date is weeks away
        assert send_reminders(now=soon) == 1
        db.session.commit()
        assert send_reminders(now=soon) == 0  # running twice sends nothing twice
        db.session.commit()
        reminder = db.session.scalars(
            db.select(OutboxEmail).filter_by(kind="meeting_reminder")
        ).one()
        assert reminder.to_address == "darnell@example.org"
        assert "3 people" in reminder.text_body
    assert "queued 0 reminder" in runner.invoke(args=["meetings", "send-reminders"]).output


def test_a_delegate_answers_while_logged_in_as_the_same_respondent(
    app, invited, make_client, create_person, create_organization, link_person
):
    client, meeting, path = invited
    make_client().post_form(path, ANSWER)  # first, from the emailed link
    with app.app_context():
        from coalition.meetings.models import MeetingInvitation
        from coalition.members.people.models import Person

        invitation = db.session.scalars(db.select(MeetingInvitation)).one()
        darnell = db.session.scalar(db.select(Person).filter_by(email="darnell@example.org"))
        darnell.password_hash = hash_password("orchard-violet-lantern")
        db.session.commit()
        darnell_id, invitation_id = darnell.id, invitation.id
    delegate = make_client()
    delegate.post_form(
        "/login", {"email": "darnell@example.org", "password": "orchard-violet-lantern"}
    )
    page = delegate.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "Answer for Second Chance Reentry" in page
    answer_page = f"/rsvp/invitations/{invitation_id}"
    assert f'href="{answer_page}"' in page  # the session's own page: no link is minted
    delegate.post_form(answer_page, {**ANSWER, "headcount": "5"})
    assert [row[1] for row in _rows(app)] == [5] * 6  # still one row per date
    outsider = make_client()
    outsider.login(create_person())
    assert outsider.get(answer_page).status_code == 403
    assert outsider.post_form(answer_page, ANSWER).status_code == 403
    assert darnell_id


def test_answers_download_as_a_safe_spreadsheet(invited, make_client):
    client, meeting, path = invited
    make_client().post_form(path, {**ANSWER, "note": '=HYPERLINK("http://evil")'})
    response = client.get(f"/meetings/{meeting.id}/answers.csv")
    text = response.data.decode("utf-8-sig")
    assert response.mimetype == "text/csv"
    assert "Second Chance Reentry" in text and "'=HYPERLINK" in text


def test_one_date_changed_to_no_leaves_the_form_and_the_needs_of_the_others(
    app, invited, make_client
):
    client, meeting, path = invited
    phone = make_client()
    phone.post_form(path, ANSWER)
    page = phone.get(path).get_data(as_text=True)
    key = re.findall(r"/dates/(\w+)", page)[0]
    phone.post_form(f"{path}/dates/{key}", {"answer": "no"})  # only the choice is sent
    page = phone.get(path).get_data(as_text=True)
    assert re.search(r'value="yes"[^>]*checked', page)  # the form starts from most dates' answer
    assert 'value="Spanish interpretation"' in page
    assert [row[2] for row in _rows(app)] == ["Spanish interpretation"] * 6
    assert [row[0] for row in _rows(app)] == ["no"] + ["yes"] * 5
