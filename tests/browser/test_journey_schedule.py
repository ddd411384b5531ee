"""Journey 4: a chair schedules "second Tuesday, 6 pm" for the year and invites eight
organizations; every email carries a calendar invitation a calendar accepts."""

import re
from datetime import date, timedelta

import icalendar
import vobject
from playwright.sync_api import expect

from coalition.core.extensions import db
from coalition.outbox.models import OutboxEmail


def _second_tuesday_next_month():
    today = date.today()
    first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    return first + timedelta(days=(1 - first.weekday()) % 7 + 7)


def test_schedule_a_year_of_second_tuesdays_and_invite_eight_organizations(
    app, visitor, create_coordinator, create_organization, create_person, link_person
):
    organizations = []
    for number in range(8):
        organization = create_organization(f"Partner {number + 1}")
        link_person(create_person(name=f"Delegate {number + 1}"), organization, "primary")
        organizations.append(organization)
    chair = create_coordinator(name="Marisol Vega")
    laptop = visitor()
    page = laptop.go("/login")
    page.get_by_label("Email").fill(chair.email)
    page.get_by_label("Password").fill(chair.password)
    page.get_by_role("button", name="Log in").click()
    laptop.check()

    page.get_by_role("link", name="Meetings", exact=True).click()
    laptop.check()
    page.get_by_role("link", name="Schedule a meeting").click()
    laptop.check()
    first = _second_tuesday_next_month()
    page.get_by_label("Title").fill("Housing working group")
    page.get_by_label("Date", exact=True).fill(first.isoformat())
    page.get_by_label("Starts at").fill("18:00")
    page.get_by_label("Ends at").fill("19:30")
    page.get_by_label("Repeats", exact=True).select_option("monthly_by_weekday")
    page.get_by_label("On a date").check()
    page.get_by_label("Last date").fill((first + timedelta(days=360)).isoformat())
    page.get_by_label("Place", exact=True).fill("Riverside Library, Room B")
    page.get_by_role("button", name="Save meeting").click()
    laptop.check()
    expect(page.get_by_role("status")).to_contain_text("The meeting is scheduled.")

    page.get_by_role("link", name="Invite organizations and people").click()
    laptop.check()
    for organization in organizations:
        page.get_by_label(organization.name, exact=True).check()
    page.get_by_role("button", name="Send invitations").click()
    laptop.check()
    expect(page.get_by_role("status")).to_contain_text("8 invitations are on their way.")

    with app.app_context():
        emails = db.session.scalars(
            db.select(OutboxEmail).where(OutboxEmail.kind == "meeting_invitation")
        ).all()
        assert len(emails) == 8
        for email in emails:
            [part] = [item for item in email.attachments if item.get("method") == "REQUEST"]
            parsed = icalendar.Calendar.from_ical(part["data"])
            [event] = parsed.walk("VEVENT")
            assert event["RRULE"]["BYDAY"] == ["2TU"]
            assert event["DTSTART"].dt.hour == 18 and event["DTSTART"].dt.date() == first
            other = vobject.readOne(part["data"])
            assert other.vevent.summary.value == "Housing working group"
            assert re.search(r"/rsvp/[\w-]+", email.text_body)


def test_cancelling_a_date_someone_changed_meanwhile_shows_both_and_cancels_on_request(
    app, visitor, create_coordinator, create_meeting
):
    from coalition.meetings.models import Meeting

    chair = create_coordinator(name="Marisol Vega")
    meeting = create_meeting(title="Housing working group")
    laptop = visitor()
    laptop.log_in(chair.email, chair.password)
    page = laptop.go(f"/meetings/{meeting.id}")
    with app.app_context():  # another organizer saves the series while the page is open
        db.session.get(Meeting, meeting.id).location = "City Hall, Room 3"
        db.session.commit()

    page.get_by_role("button", name="Cancel this date").first.click()
    laptop.check()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Cancel one date of Housing working group"
    )
    expect(page.get_by_role("main")).to_contain_text("Not cancelled")
    expect(page.get_by_role("main")).to_contain_text("City Hall, Room 3")  # the date as saved now
    page.get_by_role("button", name="Cancel this date").click()
    laptop.check()
    expect(page.get_by_role("status").first).to_contain_text("cancelled")
