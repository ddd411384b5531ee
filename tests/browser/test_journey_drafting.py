"""Journey 8, part 1 (drafting together), in Chromium with axe on every page: Darnell and
Marisol open the same talking points in two browsers; Marisol saves first; Darnell's text
survives a reload before he saves (kept in his browser); his save crosses hers, so he is
shown the merge of both edits, checks it and saves it: not a word of either is lost."""

from playwright.sync_api import expect

from coalition.demo import COORDINATOR_PASSWORD, MEMBER_PASSWORD
from coalition.demo.messaging import TALKING_POINTS

HERS = ("Fund the pilot for two more years", "Fund the pilot for three more years")
HIS = ("within a day", "within a day, seven days a week")


def _open_editor(visitor, email, password):
    page = visitor.log_in(email, password)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Messaging").click()
    visitor.check()
    page.get_by_role("link", name=TALKING_POINTS).click()
    visitor.check()
    page.get_by_role("main").get_by_role("link", name="Edit the text").first.click()
    visitor.check()
    return page


def _replace(page, old, new):
    box = page.get_by_role("textbox", name="Text", exact=True)
    text = box.input_value()
    assert old in text
    box.fill(text.replace(old, new))
    return box


def test_two_members_edit_the_same_talking_points_and_merge_without_losing_a_word(visitor, demo):
    darnell = visitor()
    his_page = _open_editor(darnell, "darnell.brooks@example.org", MEMBER_PASSWORD)
    marisol = visitor()
    her_page = _open_editor(marisol, "marisol.vega@example.org", COORDINATOR_PASSWORD)

    # Darnell starts typing, and his browser reloads before he saves: his words come back.
    _replace(his_page, *HIS)
    his_page.reload()
    darnell.check()
    expect(his_page.get_by_role("status")).to_contain_text("Your unsaved text from this browser")
    assert HIS[1] in his_page.get_by_role("textbox", name="Text", exact=True).input_value()

    # Marisol saves her change first.
    _replace(her_page, *HERS)
    her_page.get_by_label("What changed (optional)").fill("Three years, as the budget allows")
    her_page.get_by_role("button", name="Save", exact=True).click()
    marisol.check()
    expect(her_page.get_by_role("status").filter(has_text="The text is saved.")).to_be_visible()

    # Darnell saves from the version he opened: he sees the merge, with both changes.
    his_page.get_by_role("button", name="Save", exact=True).click()
    darnell.check()
    conflict = his_page.get_by_role("alert")
    expect(conflict).to_contain_text("Someone saved the draft while you were editing")
    expect(conflict).to_contain_text("Marisol Vega saved it on")
    expect(conflict).to_contain_text("touch different words")
    merged = his_page.get_by_role("textbox", name="Text", exact=True).input_value()
    assert HIS[1] in merged and HERS[1] in merged
    his_page.get_by_role("button", name="Save", exact=True).click()
    darnell.check()
    expect(his_page.get_by_role("status").filter(has_text="The text is saved.")).to_be_visible()
    text = his_page.get_by_role("region", name="Text")
    expect(text).to_contain_text("seven days a week")
    expect(text).to_contain_text("three more years")

    # The history shows both saves, and the diff of any two.
    his_page.get_by_role("link", name="History").click()
    darnell.check()
    expect(his_page.get_by_role("main")).to_contain_text("Three years, as the budget allows")
    his_page.get_by_role("button", name="Show the differences").click()
    darnell.check()
    expect(his_page.locator("ins").filter(has_text="seven")).to_have_count(1)

    # Once saved, his browser keeps nothing: the editor opens on the saved text.
    his_page.get_by_role("link", name="Edit the text").first.click()
    darnell.check()
    expect(his_page.locator("#restored-notice")).to_be_hidden()

    # On the draft page he selects words of the text and comments on them.
    his_page.get_by_role("link", name="Draft and comments").click()
    darnell.check()
    his_page.evaluate(
        """() => {
            const item = [...document.querySelectorAll('#draft-text li')]
                .find((li) => li.textContent.includes('seven days a week'));
            const range = document.createRange();
            range.selectNodeContents(item);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }"""
    )
    his_page.get_by_role("button", name="Quote the words selected in the text").click()
    quote = his_page.get_by_label("Passage (optional)")
    expect(quote).to_have_value(
        "The pilot connects people to a peer navigator within a day, seven days a week."
    )
    his_page.get_by_label("Comment", exact=True).fill("Can we staff weekends yet?")
    his_page.get_by_role("button", name="Add the comment").click()
    darnell.check()
    thread = his_page.locator(".comment-threads > li").filter(has_text="Can we staff weekends yet?")
    expect(thread.locator("blockquote")).to_contain_text("seven days a week")
