"""Journeys 2 (recruit) and 3 (import) of JOURNEYS.md, in Chromium, axe-checked on every page.

Journey 2 ends with the director invited by email (development mailbox) landing on
their organization's page.
"""

import re
from datetime import date, timedelta

from playwright.sync_api import expect

from coalition.core.extensions import db
from coalition.demo import COORDINATOR_PASSWORD
from coalition.members.organizations.models import Organization
from coalition.members.people.models import Person
from coalition.members.sectors import Sector

MARISOL = "marisol.vega@example.org"


def _members_nav(page, visitor, name):
    page.get_by_role("navigation", name="Members area").get_by_role("link", name=name).click()
    visitor.check()


def test_journey_2_recruit_a_housing_organization(visitor, demo, app):
    laptop = visitor()
    page = laptop.log_in(MARISOL, COORDINATOR_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Members").click()
    laptop.check()

    # The coordinator sees that no housing organization is active.
    _members_nav(page, laptop, "Representation")
    expect(page.get_by_role("heading", level=1)).to_have_text("Representation")
    housing = page.locator(".gap-list li").filter(has_text="Housing and homelessness services")
    expect(housing).to_contain_text("0 active of a target of 2")
    expect(page.get_by_role("img", name=re.compile("Active partner organizations"))).to_be_visible()

    # ... adds a prospect with a follow-up date ...
    _members_nav(page, laptop, "Pipeline")
    page.get_by_role("link", name="Add a prospect").click()
    laptop.check()
    follow_up = date.today() + timedelta(days=7)
    page.get_by_label("Name", exact=True).fill("Riverside Housing Authority")
    page.get_by_label("Stage").select_option("identified")
    page.get_by_role("group", name="Sectors").get_by_label(
        "Housing and homelessness services"
    ).check()
    page.get_by_role("group", name="Languages served").get_by_label("Spanish").check()
    page.get_by_label("Next follow-up").fill(follow_up.isoformat())
    page.get_by_role("button", name="Save organization").click()
    laptop.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Riverside Housing Authority")
    expect(page.get_by_role("status").first).to_contain_text("is added")

    # ... moves it to "committed" after a call.
    page.get_by_label("Stage of Riverside Housing Authority").select_option("committed")
    page.get_by_role("button", name="Move").click()
    laptop.check()
    expect(page.get_by_role("status").first).to_contain_text(
        "Riverside Housing Authority is now Committed."
    )
    history = page.locator(".history")
    expect(history).to_contain_text("Committed (from Identified)")
    expect(history).to_contain_text("Marisol Vega")

    _members_nav(page, laptop, "Pipeline")
    row = page.get_by_role("row").filter(has_text="Riverside Housing Authority")
    expect(row).to_contain_text("Committed")
    # Overdue demo follow-ups come first, marked in words.
    first_row = page.locator("table.pipeline tbody tr").first
    expect(first_row).to_contain_text("Overdue")

    _members_nav(page, laptop, "Representation")
    table_row = page.get_by_role("row").filter(has_text="Housing and homelessness services")
    expect(table_row.get_by_role("cell").nth(2)).to_have_text("1")  # in the pipeline now

    with app.app_context():
        saved = db.session.scalar(
            db.select(Organization).filter_by(name="Riverside Housing Authority")
        )
        assert (saved.status, saved.follow_up_on) == ("committed", follow_up)


def _contacts(count, broken=()):
    lines = ["Name;Email;Organization;Role;Languages"]
    for n in range(count):
        lines.append(
            f"Contact {n:03d};contact{n:03d}@example.org;Second Chance Reentry Collaborative;"
            f"staff;English, Spanish"
        )
    for index, line in broken:
        lines[index] = line
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


def _upload(page, visitor, data, name):
    page.get_by_label("What the file lists").select_option("people")
    page.get_by_label("Spreadsheet file").set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": data}]
    )
    page.get_by_role("button", name="Upload and continue").click()
    visitor.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("What each column holds")
    expect(page.get_by_label("Email", exact=True)).to_have_value("email")
    page.get_by_role("button", name="Check every row").click()
    visitor.check()


def _people(app):
    with app.app_context():
        return db.session.scalar(db.select(db.func.count(Person.id)))


def test_journey_3_import_last_years_spreadsheet(visitor, demo, app):
    laptop = visitor()
    page = laptop.log_in(MARISOL, COORDINATOR_PASSWORD)
    before = _people(app)
    page.goto(laptop.base_url + "/members/")
    laptop.check()
    _members_nav(page, laptop, "Import")

    broken = [
        (13, "Contact 012;contact012-at-example.org;Second Chance Reentry Collaborative;staff;"),
        (101, "Contact 100;contact100@example.org;Riverside Shelter Network;staff;English"),
        (202, "Contact 201;contact005@example.org;Second Chance Reentry Collaborative;staff;"),
    ]
    _upload(page, laptop, _contacts(300, broken), "contacts-2025.csv")

    # Exactly which rows are wrong, and why; nothing imported.
    expect(page.get_by_role("heading", level=1)).to_have_text("Check before importing")
    problems = page.get_by_role("table", name=re.compile("rows with problems"))
    expect(problems.get_by_role("row")).to_have_count(4)  # header + 3 rows
    expect(problems.get_by_role("row", name=re.compile("Row 14"))).to_contain_text(
        "is not an email address"
    )
    expect(problems.get_by_role("row", name=re.compile("Row 102"))).to_contain_text(
        "No organization called \u201cRiverside Shelter Network\u201d"
    )
    expect(problems.get_by_role("row", name=re.compile("Row 203"))).to_contain_text(
        "is also in row 7"
    )
    expect(page.get_by_role("button", name=re.compile("^Import"))).to_have_count(0)
    assert _people(app) == before

    # The coordinator fixes the file and imports all of it.
    page.get_by_role("link", name="Upload the corrected file").click()
    laptop.check()
    _upload(page, laptop, _contacts(300), "contacts-2025-fixed.csv")
    expect(page.get_by_text("0 rows have problems")).to_be_visible()
    page.get_by_label("Rows that match a record already in the coalition").select_option("skip")
    page.get_by_role("button", name="Import all 300 rows").click()
    laptop.check()
    expect(page.get_by_role("status").first).to_contain_text(
        "Imported: 300 added, 0 updated, 0 skipped."
    )
    assert _people(app) == before + 300
    page.get_by_label("Name contains").fill("Contact 299")
    page.get_by_role("button", name="Show").click()
    laptop.check()
    expect(page.get_by_role("link", name="Contact 299", exact=True)).to_be_visible()


def test_members_pages_are_accessible_in_both_languages_and_fit_a_phone(visitor, demo, app):
    with app.app_context():
        organization = db.session.scalar(
            db.select(Organization.id).filter_by(name="Second Chance Reentry Collaborative")
        )
        # Its contact address is written to in Spanish: the page says so in Spanish's own name.
        iglesia = db.session.scalar(
            db.select(Organization.id).filter_by(name="Iglesia Nueva Esperanza")
        )
        person = db.session.scalar(db.select(Person.id).filter_by(email=MARISOL))
        sector = db.session.scalar(db.select(Sector.id).filter_by(key="housing"))
    paths = [
        "/members/",
        f"/members/people/{person}",
        f"/members/people/{person}/edit",
        "/members/people/new",
        "/members/organizations/",
        f"/members/organizations/{organization}",
        f"/members/organizations/{organization}/edit",
        f"/members/organizations/{iglesia}",
        "/members/organizations/new",
        "/members/pipeline",
        "/members/representation",
        "/members/sectors",
        f"/members/sectors/{sector}/edit",
        "/members/import/",
    ]
    phone = visitor(width=320, height=640)
    page = phone.log_in(MARISOL, COORDINATOR_PASSWORD)
    for language in ("en", "es"):
        if language == "es":
            page.get_by_label("Language").select_option("es")
            page.get_by_role("button", name="Change").click()
        for path in paths:
            phone.go(path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} ({language}) scrolls sideways by {overflow}px"
    expect(page.locator("html")).to_have_attribute("lang", "es")


def test_a_delegate_edits_their_organization(visitor, demo, app):
    laptop = visitor()
    page = laptop.log_in("darnell.brooks@example.org", "maple-harbor-sunrise")
    page.goto(laptop.base_url + "/members/organizations/")
    laptop.check()
    page.get_by_role("link", name="Second Chance Reentry Collaborative").click()
    laptop.check()
    expect(page.get_by_text("You speak for this organization")).to_be_visible()
    page.get_by_role("link", name="Edit profile").click()
    laptop.check()
    page.get_by_label("Website").fill("https://secondchance.example.org")
    page.get_by_role("button", name="Save organization").click()
    laptop.check()
    expect(page.get_by_role("link", name="https://secondchance.example.org")).to_be_visible()


def test_journey_2_ends_with_the_director_invited_landing_on_their_organization(
    visitor, serve, dev_app, create_coordinator, create_person, create_organization
):
    """The last step of journey 2: the director is invited by email, sets a password from
    the development mailbox's link, and lands on their organization's page."""
    base_url = serve(dev_app)
    coordinator = create_coordinator(name="Marisol Vega")
    create_organization("Riverside Housing Authority", sectors=["housing"], status="committed")
    create_person(name="Lena Ortiz", email="lena.ortiz@example.org", password=None)
    laptop = visitor(base_url=base_url)
    page = laptop.log_in(coordinator.email, coordinator.password)
    page.goto(base_url + "/members/organizations/")
    laptop.check()
    page.get_by_role("link", name="Riverside Housing Authority").click()
    laptop.check()
    page.get_by_label("Their email").fill("lena.ortiz@example.org")
    page.get_by_label("Role", exact=True).select_option("primary")
    page.get_by_role("button", name="Add person").click()
    laptop.check()
    page.get_by_role("link", name="Lena Ortiz").first.click()
    laptop.check()
    page.get_by_role("button", name="Send an account invitation to Lena Ortiz").click()
    laptop.check()
    expect(page.get_by_role("status").first).to_contain_text("lena.ortiz@example.org")

    phone = visitor(width=360, height=740, base_url=base_url)
    mailbox = phone.go("/dev/mailbox/")
    mailbox.get_by_role("link", name=re.compile("You are invited to join")).click()
    phone.check()
    mailbox.locator('a[href*="/invitation/"]').click()
    phone.check()
    mailbox.get_by_label("New password", exact=True).fill("amber-tidepool-kestrel")
    mailbox.get_by_label("New password again").fill("amber-tidepool-kestrel")
    mailbox.get_by_role("button", name="Set password and log in").click()
    phone.check()
    expect(mailbox.get_by_role("heading", level=1)).to_have_text("Riverside Housing Authority")
