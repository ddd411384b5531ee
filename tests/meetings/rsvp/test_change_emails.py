"""An update email says which date changed, in each recipient's language: a cancelled date and
the next one, a moved date and where it went, what changed in a whole series; its calendar
part matches (EXDATE for a cancelled date, RECURRENCE-ID for a moved one)."""

from datetime import date, timedelta

import icalendar
import pytest

from coalition.core.extensions import db
from coalition.meetings.occurrences import occurrence_key
from coalition.meetings.recurrence import MONTHLY_BY_WEEKDAY, WEEKLY_FREQ, Recurrence
from coalition.outbox.models import OutboxEmail


def _updates(app, address):
    with app.app_context():
        emails = db.session.scalars(
            db.select(OutboxEmail)
            .filter_by(kind="meeting_invitation", to_address=address)
            .order_by(OutboxEmail.id)
        ).all()
        for email in emails:
            db.session.expunge(email)
        return emails[1:]  # the invitation comes first


def _calendar(email):
    [part] = [item for item in email.attachments if item.get("method")]
    return icalendar.Calendar.from_ical(part["data"])


def _full(day):
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def _next_weekday(weekday, after_days=14):
    start = date.today() + timedelta(days=after_days)
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def _last_tuesday_ahead():
    """A month's last Tuesday at least two weeks ahead, with a Wednesday after it that month
    or the next (any month works)."""
    day = _next_weekday(1)
    while (day + timedelta(days=7)).month == day.month:
        day += timedelta(days=7)
    return day


@pytest.fixture
def fortnightly(client, create_coordinator, create_person, create_meeting, invite_to_meeting):
    """A coordinator's client, a fortnightly Tuesday series of four and two invitees."""
    client.login(create_coordinator())
    first = _next_weekday(1)
    meeting = create_meeting(
        title="Diversion working group",
        day=first,
        recurrence=Recurrence(WEEKLY_FREQ, interval=2, count=4),
    )
    keisha = create_person(name="Keisha Moore", email="keisha@example.org")
    rosa = create_person(name="Rosa Delgado", email="rosa@example.org", language="es")
    invite_to_meeting(meeting, people=[keisha, rosa])
    return client, meeting, first


def test_cancelling_a_date_says_which_date_and_the_next_one(app, fortnightly):
    client, meeting, first = fortnightly
    key = occurrence_key(meeting.start_at)
    client.post_form(
        f"/meetings/{meeting.id}/occurrences/{key}/cancel", {"version": str(meeting.version)}
    )
    [update] = _updates(app, "keisha@example.org")
    following = first + timedelta(weeks=2)
    for body in (update.text_body, update.html_body):
        assert f"The meeting on {_full(first)} is cancelled." in body
        assert f"The next date is {_full(following)}, 6:00" in body
        assert f"When: {_full(following)}, 6:00" in body
    [series] = _calendar(update).walk("VEVENT")
    assert [d.dt.date() for d in series["EXDATE"].dts] == [first]
    assert _calendar(update)["METHOD"] == "REQUEST"


def test_cancelling_the_last_date_left_says_none_is_to_come(app, fortnightly):
    client, meeting, first = fortnightly
    for weeks in (0, 2, 4, 6):
        key = occurrence_key(meeting.start_at + timedelta(weeks=weeks))
        with app.app_context():
            version = db.session.get(type(meeting), meeting.id).version
        client.post_form(
            f"/meetings/{meeting.id}/occurrences/{key}/cancel", {"version": str(version)}
        )
    last = _updates(app, "keisha@example.org")[-1]
    assert f"The meeting on {_full(first + timedelta(weeks=6))} is cancelled." in last.text_body
    assert "No other date of this meeting is still to come." in last.text_body
    assert f"When: {_full(first)}" not in last.text_body


def test_moving_a_last_tuesday_says_it_moved_in_spanish_too(
    app, client, create_coordinator, create_person, create_meeting, invite_to_meeting
):
    client.login(create_coordinator())
    first = _last_tuesday_ahead()
    meeting = create_meeting(
        title="Steering committee",
        day=first,
        recurrence=Recurrence(MONTHLY_BY_WEEKDAY, count=3),
    )
    rosa = create_person(name="Rosa Delgado", email="rosa@example.org", language="es")
    keisha = create_person(name="Keisha Moore", email="keisha@example.org")
    invite_to_meeting(meeting, people=[rosa, keisha])
    wednesday = first + timedelta(days=1)
    client.post_form(
        f"/meetings/{meeting.id}/occurrences/{occurrence_key(meeting.start_at)}/move",
        {
            "day": wednesday.isoformat(),
            "start_time": "15:00",
            "end_time": "16:30",
            "location": "City Hall, Room 2",
            "version": str(meeting.version),
        },
    )
    [english] = _updates(app, "keisha@example.org")
    assert (
        f"The meeting of {_full(first)} moves to {_full(wednesday)}, 3:00\u202fPM"
        in english.text_body
    )
    assert "That day it takes place at City Hall, Room 2." in english.text_body
    assert f"moved from {_full(first)}; first of a series" in english.text_body
    assert "Where: City Hall, Room 2" in english.text_body
    [spanish] = _updates(app, "rosa@example.org")
    months = [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
        "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ]  # fmt: skip
    was = f"martes, {first.day} de {months[first.month - 1]} de {first.year}"
    now = f"miércoles, {wednesday.day} de {months[wednesday.month - 1]} de {wednesday.year}"
    for body in (spanish.text_body, spanish.html_body):
        assert was in body and f"{now}, 15:00" in body
    [series, moved] = _calendar(spanish).walk("VEVENT")
    assert moved["RECURRENCE-ID"].dt.date() == first
    assert moved["DTSTART"].dt.date() == wednesday and moved["DTSTART"].dt.hour == 15


def test_a_whole_series_change_says_what_changed(app, fortnightly):
    client, meeting, first = fortnightly
    page = client.get(f"/meetings/{meeting.id}/edit").get_data(as_text=True)
    assert "Diversion working group" in page
    client.post_form(
        f"/meetings/{meeting.id}/edit",
        {
            "title": "Diversion working group",
            "day": first.isoformat(),
            "start_time": "17:00",
            "end_time": "18:30",
            "timezone": "America/Chicago",
            "location": "City Hall, Room 2",
            "repeat": "weekly",
            "interval": "2",
            "ends": "count",
            "count": "4",
            "version": str(meeting.version),
        },
    )
    [update] = _updates(app, "keisha@example.org")
    assert "What changed: the time and the place." in update.text_body
    assert f"When: {_full(first)}, 5:00" in update.text_body
