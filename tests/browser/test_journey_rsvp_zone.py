"""Journey: an invitee with no time zone of their own opens a weekly series' link on a phone
(320 px) whose clock is set to Kolkata. The page offers the browser's zone (static/js/zone.js);
once chosen, every date and the footer are on Kolkata's clocks, including the hour the dates
move by after the US clock change, and the way back shows Chicago's again."""

import re
from datetime import date, time, timedelta

from playwright.sync_api import expect

from coalition.core.extensions import db
from coalition.meetings.recurrence import WEEKLY_FREQ, Recurrence
from coalition.outbox.models import OutboxEmail


def _first_tuesday_of_next_march(today):
    year = today.year + 1 if today >= date(today.year, 3, 1) else today.year
    day = date(year, 3, 1)
    return day + timedelta(days=(1 - day.weekday()) % 7)


def test_an_invitee_with_no_zone_reads_the_dates_on_their_phones_clock(
    app, visitor, create_person, create_meeting, invite_to_meeting
):
    ana = create_person(name="Ana", email="ana@example.org", timezone=None, password=None)
    series = create_meeting(
        title="Steering committee",
        day=_first_tuesday_of_next_march(date.today()),
        start_time=time(9),
        end_time=time(10),
        timezone="America/Chicago",
        recurrence=Recurrence(WEEKLY_FREQ, count=6),
    )
    invite_to_meeting(series, people=[ana])
    with app.app_context():
        body = db.session.scalars(db.select(OutboxEmail.text_body)).one()
    path = re.search(r"https?://[^/\s]+(/rsvp/[\w-]+)", body).group(1)

    phone = visitor(width=320, height=640, timezone_id="Asia/Kolkata")
    page = phone.go(path)
    footer = page.locator("footer")
    dates = page.locator(".occurrence-list > li")
    expect(footer).to_contain_text("Times are shown in America/Chicago.")
    expect(dates.first).to_contain_text("9:00\u202fAM – 10:00\u202fAM (America/Chicago)")

    # Chromium reports Asia/Calcutta, the old name: the page says Asia/Kolkata all the same.
    page.get_by_role("link", name="Show the time in my time zone (Asia/Calcutta)").click()
    phone.check()
    expect(footer).to_contain_text("Times are shown in Asia/Kolkata.")
    expect(dates).to_have_count(6)
    # Chicago moves its clocks on the second Sunday of March: Kolkata's evening moves an hour.
    for index, clock in enumerate(["8:30", "8:30", "7:30", "7:30", "7:30", "7:30"]):
        expect(dates.nth(index)).to_contain_text(f"{clock}\u202fPM")
        expect(dates.nth(index)).to_contain_text("(Asia/Kolkata)")
        expect(dates.nth(index)).to_contain_text("9:00\u202fAM in America/Chicago")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0

    page.get_by_role("link", name="Show the time in the meeting's time zone").click()
    phone.check()
    expect(footer).to_contain_text("Times are shown in America/Chicago.")
    expect(dates.nth(5)).to_contain_text("9:00\u202fAM – 10:00\u202fAM (America/Chicago)")
