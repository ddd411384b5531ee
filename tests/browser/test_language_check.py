"""The language check in Chromium, axe-checked on every page: a member checks a text, a
coordinator adds a term (an error first) and the check finds it."""

import pytest
from playwright.sync_api import expect

from coalition.core.extensions import db
from coalition.messaging.language import services

pytestmark = [pytest.mark.browser, pytest.mark.real_commits]


@pytest.fixture
def starting_list(app):
    with app.app_context():
        services.ensure_starting_terms()
        db.session.commit()


def test_a_member_checks_a_text_and_a_coordinator_adds_a_term(
    visitor,
    app,
    create_person,
    create_coordinator,
    starting_list,
):
    member = create_person()
    reader = visitor(width=320)
    page = reader.log_in(member.email, member.password)
    reader.go("/messaging/language/check")
    page.get_by_label("Text to check").fill(
        "Our volunteers met two **junkies** downtown.\n\nWe want clean parks for everyone."
    )
    page.get_by_label("Language of the text").select_option("en")
    page.get_by_role("button", name="Check the language").click()
    reader.check()
    expect(page.get_by_role("status").first).to_have_text("1 flag")
    expect(page.locator("mark")).to_have_text(["junkies"])
    expect(page.locator("#flag-1")).to_contain_text("person who uses drugs")
    page.get_by_role("link", name="Terms flagged").click()
    reader.check()
    expect(page.get_by_role("link", name="Add a term")).to_have_count(0)

    coordinator = create_coordinator()
    editor = visitor()
    page = editor.log_in(coordinator.email, coordinator.password)
    editor.go("/messaging/language/new")
    page.get_by_role("button", name="Save term").click()
    editor.check()
    expect(page.locator("#terms-error")).to_contain_text("Enter at least one term.")
    page.get_by_label("Terms", exact=True).fill("gizmo")
    page.get_by_label("Suggest instead").fill("device")
    page.get_by_label("Never flag in these phrases").fill("gizmo museum")
    page.get_by_role("button", name="Save term").click()
    editor.check()
    editor.go("/messaging/language/check")
    page.get_by_label("Text to check").fill("A gizmo at the gizmo museum.")
    page.keyboard.press("Tab")  # to the language
    page.keyboard.press("Tab")  # to the button
    with page.expect_navigation():
        page.keyboard.press("Enter")
    editor.check()
    expect(page.locator("mark")).to_have_text(["gizmo"])
    expect(page.locator("#flag-1")).to_contain_text("device")
