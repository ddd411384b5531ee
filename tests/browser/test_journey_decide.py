"""Journey 7 of JOURNEYS.md ("Decide"), in Chromium, axe-checked on every page.

The steering committee puts an amendment of the operating guidelines to a vote with a
closing time; members record positions with reasons; at the closing time the outcome is
applied (the test runs the cron command), the new text is current and the old one is one
click away with a diff, and the timeline shows the change: "Operating guidelines amended"
and "Proposal adopted" entries, the first linking to the section it changed.
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from coalition.committees.proposals.models import Proposal
from coalition.core.extensions import db
from coalition.demo import COORDINATOR_PASSWORD, MEMBER_PASSWORD

NEW_TEXT = "Decisions are made by consent. A block must come with a reason and an alternative."


def _area(page, visitor, name):
    page.get_by_role("navigation", name="Committees area").get_by_role("link", name=name).click()
    visitor.check()


def _take_position(visitor, email, password, stance, reason):
    page = visitor.log_in(email, password)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Committees").click()
    visitor.check()
    _area(page, visitor, "Proposals")
    page.get_by_role("link", name="Tighten how blocks work").click()
    visitor.check()
    page.get_by_label(stance, exact=True).check()
    page.get_by_label("Reason (required for a block)").fill(reason)
    page.get_by_role("button", name="Record my position").click()
    visitor.check()
    expect(page.get_by_role("status").first).to_contain_text("Your position is recorded.")
    return page


def test_journey_7_decide_an_amendment(visitor, demo, app):
    chair = visitor()
    page = chair.log_in("marisol.vega@example.org", COORDINATOR_PASSWORD)
    page.goto(chair.base_url + "/committees/proposals/")
    chair.check()
    page.get_by_role("link", name="Open a proposal").click()
    chair.check()
    page.get_by_label("Kind").select_option("amendment")
    page.get_by_label("Put to").select_option(label="Steering Committee")
    page.get_by_label("Title", exact=True).fill("Tighten how blocks work")
    page.get_by_label("Explanation").fill("A block without an alternative stalls us.")
    page.get_by_label("Section to amend").select_option(label="Decision-making")
    page.get_by_label("Proposed text of the section (Markdown)").fill(NEW_TEXT)
    page.get_by_label("Quorum (fewest positions for a decision)").fill("2")
    closes = datetime.now(ZoneInfo("America/Chicago")) + timedelta(hours=2)
    page.get_by_label("Closes at (coalition time)").fill(closes.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Open the proposal").click()
    chair.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tighten how blocks work")
    expect(page.locator(".diff ins").first).to_be_visible()

    # Steering members record positions with reasons: the chair, then Darnell Brooks.
    page.get_by_label("Agree", exact=True).check()
    page.get_by_label("Reason (required for a block)").fill("Clearer for everyone.")
    page.get_by_role("button", name="Record my position").click()
    chair.check()
    with app.app_context():
        proposal_id = db.session.scalar(
            db.select(Proposal.id).filter_by(title="Tighten how blocks work")
        )
    member = visitor()
    member_page = _take_position(
        member, "darnell.brooks@example.org", MEMBER_PASSWORD, "Agree", "Officers want clarity."
    )
    expect(member_page.locator("#counts")).to_contain_text("Agree: 2")

    # The closing time passes; cron applies the outcome once.
    with app.app_context():
        saved = db.session.get(Proposal, proposal_id)
        saved.closes_at = datetime.now(UTC) - timedelta(minutes=1)
        db.session.commit()
    member_page.reload()
    member.check()
    expect(member_page.locator("#proposal-status")).to_contain_text("Closed: Adopted")
    result = app.test_cli_runner().invoke(args=["proposals", "close-due"])
    assert "1 closed" in result.output

    # The new text is current; the old one is one click away, with a diff.
    _area(member_page, member, "Operating guidelines")
    section = member_page.get_by_role("region", name="Decision-making")
    expect(section).to_contain_text(NEW_TEXT)
    section.get_by_role("link", name="History of Decision-making").click()
    member.check()
    expect(member_page.get_by_role("heading", level=2).first).to_contain_text("Current")
    member_page.get_by_role("link", name="What changed in revision 3").click()
    member.check()
    expect(member_page.locator(".diff ins").first).to_be_visible()
    expect(member_page.locator(".diff del").first).to_be_visible()

    # The timeline shows the change, each entry linking to what it is about.
    member_page.get_by_role("navigation", name="Main").get_by_role("link", name="Timeline").click()
    member.check()
    amended = member_page.get_by_role(
        "article", name="Operating guidelines amended: Decision-making"
    )
    expect(amended).to_contain_text("Milestone")
    adopted = member_page.get_by_role("article", name="Proposal adopted: Tighten how blocks work")
    expect(
        adopted.get_by_role("link", name="Tighten how blocks work", exact=True)
    ).to_have_attribute("href", f"/committees/proposals/{proposal_id}")
    amended.get_by_role("link", name="Decision-making", exact=True).click()
    member.check()
    expect(member_page.locator("main")).to_contain_text(NEW_TEXT)
