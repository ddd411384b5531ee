"""Journey 9 of JOURNEYS.md ("Remember"), in Chromium at 320 px, axe-checked on every page.

After a council vote goes against the coalition, the coordinator records the loss from a
phone, with what was learned and what comes next, linked to the goal and the testimony
draft; later the report for
the year shows it beside the wins. A Spanish-speaking member reads the tools' entries in
Spanish.
"""

from datetime import date

from playwright.sync_api import expect

from coalition.demo import COORDINATOR_PASSWORD, MEMBER_PASSWORD
from coalition.demo.messaging import TESTIMONY

GOAL = "Open a 24-hour crisis drop-off center"
TITLE = "Council votes down the crisis center budget"
LESSON = "Two council members heard from us only the week of the vote."


def test_journey_9_record_a_loss_and_find_it_in_the_report(visitor, demo):
    phone = visitor(width=320, height=720)
    page = phone.log_in("marisol.vega@example.org", COORDINATOR_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Timeline").click()
    phone.check()
    page.get_by_role("link", name="Record a moment").click()
    phone.check()
    page.get_by_label("Loss", exact=True).check()
    page.get_by_label("When").fill(date.today().isoformat())
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("What happened").fill("The council voted **5-4** against the budget line.")
    page.get_by_label("What we do next").fill("Meet each council member before the spring budget.")
    page.get_by_label(f"Goal: {GOAL}").check()
    page.get_by_label(TESTIMONY, exact=False).check()  # the testimony draft, offered by messaging
    page.get_by_role("button", name="Save the entry").click()
    phone.check()
    # Losses ask for what was learned: the form says so beside the field.
    expect(page.locator("#lessons-error")).to_contain_text("Write what the coalition learned")
    page.get_by_label("What we learned").fill(LESSON)
    page.get_by_role("button", name="Save the entry").click()
    phone.check()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("link", name=GOAL)).to_be_visible()
    expect(page.get_by_role("link", name=TESTIMONY)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

    # Months later: the report for the year shows the loss, its lesson, and the wins.
    page.get_by_role("link", name="Back to the timeline").click()
    phone.check()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    page.get_by_role("link", name="Report for funders").click()
    phone.check()
    losses = page.get_by_role("region", name="Losses")
    expect(losses).to_contain_text(TITLE)
    expect(losses).to_contain_text(LESSON)
    expect(page.get_by_role("region", name="Wins")).to_contain_text(
        "City council funds a six-month diversion pilot"
    )
    progress = page.get_by_role("region", name="Goals and their progress", exact=True)
    expect(progress).to_contain_text(GOAL)


def test_a_spanish_reader_reads_the_tools_entries_in_spanish(visitor, demo):
    member = visitor()  # Ana chose Spanish in her account
    page = member.log_in("ana.torres@example.org", MEMBER_PASSWORD)
    page.goto(member.base_url + "/timeline/")
    member.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cronología")
    expect(page.locator("main")).to_contain_text("Reunión realizada:")
    expect(page.locator("main")).not_to_contain_text("Meeting held:")
