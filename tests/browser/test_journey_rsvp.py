"""Journey 5: a partner's contact answers from a phone (320 px), with no account, then
changes the answer through the same link; the organizer sees the headcount and the need."""

import re

from playwright.sync_api import expect

from coalition.extensions import db
from coalition.outbox.models import OutboxEmail


def test_answer_from_a_phone_then_change_it(
    app,
    visitor,
    create_coordinator,
    create_person,
    create_organization,
    link_person,
    create_meeting,
    invite_to_meeting,
):
    reentry = create_organization("Second Chance Reentry", sectors=["reentry"])
    link_person(create_person(name="Darnell Brooks"), reentry, "primary")
    meeting = create_meeting(title="Steering committee")
    invite_to_meeting(meeting, organizations=[reentry])
    with app.app_context():
        body = db.session.scalars(db.select(OutboxEmail.text_body)).first()
    path = re.search(r"https?://[^/\s]+(/rsvp/[\w-]+)", body).group(1)

    phone = visitor(width=320, height=640)
    page = phone.go(path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Steering committee")
    expect(page.locator("dl.facts")).to_contain_text("America/Chicago")
    page.get_by_label("Yes, we will come").check()
    page.get_by_label("How many people will come").fill("3")
    page.get_by_label("Interpretation or access needs").fill("Spanish interpretation")
    page.get_by_role("button", name="Send my answer").click()
    phone.check()
    expect(page.get_by_role("status")).to_contain_text("your answer is saved")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0

    later = visitor(width=320, height=640)
    page = later.go(path)
    page.get_by_label("How many people will come").fill("2")
    page.get_by_role("button", name="Send my answer").click()
    later.check()

    organizer = visitor()
    chair = create_coordinator(name="Marisol Vega")
    desk = organizer.go("/login")
    desk.get_by_label("Email").fill(chair.email)
    desk.get_by_label("Password").fill(chair.password)
    desk.get_by_role("button", name="Log in").click()
    organizer.go(f"/meetings/{meeting.id}/answers")
    expect(desk.locator("dl.facts")).to_contain_text("2")
    expect(desk.get_by_role("region", name="Answers by organization and person")).to_contain_text(
        "Spanish interpretation"
    )
