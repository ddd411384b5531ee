"""Operating guidelines: editorial corrections, two editors at once, who edits, safe Markdown."""

from coalition.committees.guidelines.models import GuidelineSection
from coalition.core.extensions import db


def test_editorial_correction_and_concurrent_edit(
    app, make_client, create_coordinator, create_section
):
    section = create_section("Meetings", "We meet monthy.")
    first, second = make_client(), make_client()
    for browser in (first, second):
        browser.login(create_coordinator())
    url = f"/committees/guidelines/{section.id}/edit"
    version = str(section.version)
    ok = first.post_form(url, {"version": version, "text": "We meet monthly.", "note": "Spelling"})
    assert ok.status_code == 302
    refused = second.post_form(url, {"version": version, "text": "We meet weekly.", "note": "Typo"})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 409 and "<del>" in page and "We meet weekly." in page
    with app.app_context():
        saved = db.session.get(GuidelineSection, section.id)
        assert saved.text == "We meet monthly."
        assert saved.revisions[0].editorial is True
    diff = first.get(f"/committees/guidelines/{section.id}/diff?old=1&new=2").get_data(as_text=True)
    assert "<ins>" in diff and "monthly" in diff


def test_member_cannot_edit_guidelines(client, create_person, create_section):
    section = create_section()
    client.login(create_person())
    assert client.get(f"/committees/guidelines/{section.id}/edit").status_code == 403


def test_guidelines_markdown_is_sanitized(client, create_person, create_section):
    create_section("Purpose", "**Bold** <script>alert(1)</script>")
    client.login(create_person())
    page = client.get("/committees/guidelines/").get_data(as_text=True)
    assert "<strong>Bold</strong>" in page and "<script>alert" not in page
