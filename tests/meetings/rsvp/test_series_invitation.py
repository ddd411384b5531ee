"""An invitation to a series that has already begun names its next date and how it repeats,
not "first of a series" with a date in the past."""

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from coalition.core.extensions import db
from coalition.meetings.recurrence import MONTHLY_BY_WEEKDAY, WEEKLY_FREQ, Recurrence
from coalition.outbox.models import OutboxEmail

CHICAGO = ZoneInfo("America/Chicago")


def _invitation(app, address):
    with app.app_context():
        email = db.session.scalars(
            db.select(OutboxEmail).filter_by(kind="meeting_invitation", to_address=address)
        ).one()
        return email.text_body, email.html_body


def _full(day):
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def _second_tuesday(year, month):
    first = date(year, month, 1)
    return first + timedelta(days=(1 - first.weekday()) % 7 + 7)


def test_a_weekly_series_begun_two_weeks_ago_names_its_next_date(
    app, create_person, create_meeting, invite_to_meeting
):
    first = date.today() - timedelta(days=14)
    meeting = create_meeting(
        day=first, start_time=time(18), recurrence=Recurrence(WEEKLY_FREQ, count=6)
    )
    invite_to_meeting(meeting, people=[create_person(email="keisha@example.org")])
    text, html = _invitation(app, "keisha@example.org")
    now = datetime.now(CHICAGO)
    upcoming = [first + timedelta(weeks=n) for n in range(6)]
    following = next(d for d in upcoming if datetime.combine(d, time(18), CHICAGO) > now)
    for body in (text, html):
        assert f"When: {_full(following)}, 6:00" in body
        assert _full(first) not in body and "first of a series" not in body
        assert f"next date of a series: every week on {first:%A}" in body


def test_a_monthly_series_says_which_weekday_of_the_month(
    app, make_client, create_person, create_meeting, invite_to_meeting
):
    today = date.today()
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    first = _second_tuesday(last_month.year, last_month.month)
    meeting = create_meeting(
        day=first, start_time=time(18), recurrence=Recurrence(MONTHLY_BY_WEEKDAY, count=6)
    )
    invite_to_meeting(meeting, people=[create_person(email="keisha@example.org")])
    text, _html = _invitation(app, "keisha@example.org")
    assert "next date of a series: every month on the second Tuesday" in text
    assert _full(first) not in text
    path = re.search(r"http://localhost(/rsvp/[\w-]+)", text).group(1)
    page = make_client().get(path).get_data(as_text=True)
    assert "A recurring series, every month on the second Tuesday" in page


def test_a_series_still_to_begin_says_it_is_the_first(
    app, create_person, create_meeting, invite_to_meeting
):
    first = date.today() + timedelta(days=10)
    meeting = create_meeting(day=first, recurrence=Recurrence(WEEKLY_FREQ, interval=2, count=4))
    invite_to_meeting(meeting, people=[create_person(email="keisha@example.org")])
    text, _html = _invitation(app, "keisha@example.org")
    assert f"When: {_full(first)}" in text
    assert f"first of a series: every 2 weeks on {first:%A}" in text
