"""After the meeting, in Chromium with axe on every page: the coordinator writes and publishes
the minutes, corrects the attendance, gives a partner an action item; the partner's delegate
finds it on their dashboard on a phone and marks it done; the organization's page counts
the meeting; a Spanish-speaking member reads the published minutes in Spanish."""

from playwright.sync_api import expect

from coalition.demo import COORDINATOR_PASSWORD, MEMBER_PASSWORD
from coalition.demo.meetings import ROUNDTABLE


def _latest_record(page, visitor):
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Meetings").click()
    visitor.check()
    page.get_by_role("link", name=ROUNDTABLE).first.click()
    visitor.check()
    page.get_by_role("region", name="Past dates").get_by_role("link").first.click()
    visitor.check()


def test_record_a_meeting_then_the_owner_finishes_the_task(visitor, demo):
    desk = visitor()
    page = desk.log_in("marisol.vega@example.org", COORDINATOR_PASSWORD)
    _latest_record(page, desk)
    minutes = page.get_by_role("region", name="Minutes")
    expect(minutes).to_contain_text("A draft: only the meeting's organizers see it")

    page.get_by_role("link", name="Change the minutes").click()
    desk.check()
    text = page.get_by_label("Minutes", exact=True)
    text.fill(text.input_value() + "\n## Next steps\nInvite the food bank to present.\n")
    page.get_by_label("What changed (optional)").fill("Added next steps")
    page.get_by_role("button", name="Save the minutes").click()
    desk.check()
    expect(page.get_by_role("status")).to_contain_text("The minutes are saved.")
    page.get_by_role("button", name="Publish the minutes").click()
    desk.check()
    expect(page.get_by_role("status")).to_contain_text("The minutes are published")
    page.get_by_role("link", name="Every version of the minutes, with what changed").click()
    desk.check()
    expect(page.locator(".revision-list li").first.locator("ins", has_text="Next")).to_have_count(1)
    page.get_by_role("link", name="Back to the record of this meeting").click()
    desk.check()

    page.get_by_role("link", name="Correct the attendance").click()
    desk.check()
    police = page.get_by_role("checkbox", name="Came: Riverside Police Department")
    police.check()
    page.get_by_role("spinbutton", name="People who came from Riverside Police Department").fill(
        "5"
    )
    page.get_by_role("button", name="Save the attendance").click()
    desk.check()
    expect(page.get_by_role("region", name="Attendance")).to_contain_text(
        "Riverside Police Department · 5 people"
    )

    page.get_by_label("Action item", exact=True).fill(
        "Share the referral form with patrol sergeants"
    )
    page.get_by_label("Who will do it").select_option(label="Darnell Brooks")
    page.get_by_label("Due date").fill("2030-01-15")
    page.get_by_role("button", name="Add the action item").click()
    desk.check()
    expect(page.get_by_role("region", name="Action items", exact=True)).to_contain_text(
        "Share the referral form with patrol sergeants"
    )

    phone = visitor(width=320, height=640)
    home = phone.log_in("darnell.brooks@example.org", MEMBER_PASSWORD)
    tasks = home.get_by_role("region", name="Your action items")
    expect(tasks).to_contain_text("Share the referral form with patrol sergeants")
    tasks.get_by_role("listitem").filter(has_text="patrol sergeants").get_by_role(
        "button", name="Mark done"
    ).click()
    phone.check()
    expect(home.get_by_role("status")).to_contain_text("Marked done: Share the referral form")
    expect(home.get_by_role("region", name="Your action items")).not_to_contain_text(
        "patrol sergeants"
    )
    overflow = home.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0

    spanish = visitor()  # Ana chose Spanish: the pages follow her, not the browser
    page = spanish.log_in("ana.torres@example.org", MEMBER_PASSWORD)
    page.get_by_role("navigation", name="Principal").get_by_role("link", name="Reuniones").click()
    spanish.check()
    page.get_by_role("link", name=ROUNDTABLE).first.click()
    spanish.check()
    page.get_by_role("region", name="Fechas pasadas").get_by_role("link").first.click()
    spanish.check()
    expect(page.get_by_role("region", name="Acta")).to_contain_text("Invite the food bank")
