"""Journey 1 of JOURNEYS.md ("First look"), in Chromium, axe-checked on every page.

After the demo is loaded (the README's first command), the coordinator logs in with the demo
login and, within one screen, sees upcoming meetings, RSVPs still missing, drafts waiting for
review, goals at risk, recent wins and losses, and where the coalition lacks a sector.

"Within one screen" is measured as the design promises it: at the top of the home page, the
"On this page" list names every card with how many things wait in it, and all of it sits in
the first viewport of a 1280x800 laptop, above the fold. Each name is a link that brings its
card into view. Twelve cards cannot all fit in one screen; their names and counts can, and
that is what a coordinator between other duties reads first.
"""

import re

from playwright.sync_api import expect

from coalition.demo import COORDINATOR_PASSWORD

SECTIONS = (
    ("meetings-heading", "Your upcoming meetings"),
    ("unanswered-heading", "RSVPs still missing in the next two months"),
    ("drafts-heading", "Drafts waiting for your review"),
    ("goals-heading", "Goals at risk"),
    ("timeline-heading", "Recent wins and losses"),
    ("gaps-heading", "Where the coalition lacks a sector"),
)
SCREEN = {"width": 1280, "height": 800}


def test_journey_1_first_look(visitor, demo, app):
    laptop = visitor(width=SCREEN["width"], height=SCREEN["height"])
    page = laptop.log_in("marisol.vega@example.org", COORDINATOR_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome, Marisol")
    contents = page.get_by_role("navigation", name="On this page")
    for anchor, name in SECTIONS:
        link = contents.get_by_role("link", name=name)
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box["y"] + box["height"] <= SCREEN["height"], f"{name} is below the fold"
        assert link.get_attribute("href") == f"#{anchor}"
        heading = page.locator(f"#{anchor}")
        expect(heading).to_have_text(name)
    # The counts beside the names are the cards' own: the demo leaves something in each.
    for name in ("Your upcoming meetings", "Recent wins and losses"):
        expect(page.get_by_role("region", name=name).get_by_role("listitem").first).to_be_visible()

    # Following a name brings its card into the screen.
    contents.get_by_role("link", name="Where the coalition lacks a sector").click()
    gaps = page.get_by_role("region", name="Where the coalition lacks a sector")
    expect(gaps).to_be_in_viewport()
    expect(gaps.get_by_role("link", name="See representation by sector")).to_be_visible()
    contents.get_by_role("link", name="RSVPs still missing").click()
    missing = page.get_by_role("region", name="RSVPs still missing")
    expect(missing).to_be_in_viewport()
    expect(missing).to_contain_text("have not answered")
    laptop.check()

    # Each item leads where it is handled: the missing answers open the meeting's answers.
    missing.get_by_role("link", name="See the answers").first.click()
    laptop.check()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert "/answers" in page.url

    # Her action items are more than the card lists: its last line opens them all.
    page = laptop.go("/")
    see_all = page.get_by_role("link", name=re.compile(r"^See all \d+ of your action items$"))
    expect(see_all).to_be_visible()
    total = int(re.search(r"\d+", see_all.inner_text()).group(0))
    assert total > 5
    see_all.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your action items")
    assert page.url.endswith("/my/action-items")
    expect(page.locator("main .compact-list > li")).to_have_count(total)
    laptop.check()
