"""Journey 6: a member subscribes to "my meetings"; the chair moves one date and cancels
another; the calendar app, reading the feed again, follows both and duplicates nothing."""

import re
import urllib.request
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
from playwright.sync_api import expect


def _read_feed(url):
    """What a calendar app does: fetch the feed and expand every occurrence."""
    with urllib.request.urlopen(url, timeout=10) as response:
        calendar = icalendar.Calendar.from_ical(response.read())
    now = datetime.now(UTC)
    events = recurring_ical_events.of(calendar).between(now, now + timedelta(days=400))
    return sorted((event["DTSTART"].dt.astimezone(UTC), str(event["SUMMARY"])) for event in events)


def _log_in(visitor, person):
    page = visitor.go("/login")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(person.password)
    page.get_by_role("button", name="Log in").click()
    visitor.check()
    return page


def test_the_subscribed_calendar_follows_a_move_and_a_cancellation(
    visitor, create_person, create_coordinator, create_meeting, invite_to_meeting
):
    meeting = create_meeting(title="Steering committee")
    member = create_person(name="Darnell Brooks")
    invite_to_meeting(meeting, people=[member])
    laptop = visitor()
    page = _log_in(laptop, member)
    page.get_by_role("link", name="Meetings", exact=True).click()
    laptop.check()
    page.get_by_role("link", name="Add meetings to your calendar").click()
    laptop.check()
    page.get_by_label(re.compile("A subscribed calendar")).check()
    page.get_by_role("button", name="Save my choice").click()
    laptop.check()
    expect(page.get_by_label(re.compile("A subscribed calendar"))).to_be_checked()
    feed_url = page.locator("#feed-mine").input_value()
    before = _read_feed(feed_url)
    assert len(before) == 6

    chair = visitor()
    chair_page = _log_in(chair, create_coordinator(name="Marisol Vega"))
    chair_page.goto(laptop.base_url + "/meetings/")
    chair.check()
    chair_page.get_by_role("link", name="Steering committee").first.click()
    chair.check()
    chair_page.get_by_role("link", name="Move this date").nth(1).click()
    chair.check()
    moved_day = (before[1][0] - timedelta(days=1)).astimezone(ZoneInfo("America/Chicago")).date()
    chair_page.get_by_label("Date").fill(moved_day.isoformat())
    chair_page.get_by_role("button", name="Move this meeting").click()
    chair.check()
    expect(chair_page.get_by_role("status")).to_contain_text("This occurrence is moved")
    chair_page.get_by_role("button", name="Cancel this date").nth(2).click()
    chair.check()
    expect(chair_page.get_by_role("status")).to_contain_text("This occurrence is cancelled")

    after = _read_feed(feed_url)
    assert len(after) == 5  # one cancelled, none duplicated
    assert before[2] not in after  # the cancelled date is gone
    assert before[1] not in after and (before[1][0] - timedelta(days=1), before[1][1]) in after
    assert len(set(after)) == len(after)
