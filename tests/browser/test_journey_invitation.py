"""Journey: a coordinator invites a person; the link from the development mailbox lets them in."""

import re

from playwright.sync_api import expect


def test_invite_follow_the_emailed_link_set_a_password_and_land_logged_in(
    visitor, serve, dev_app, create_coordinator
):
    base_url = serve(dev_app)
    coordinator = create_coordinator(name="Marisol Vega", email="marisol@example.org")
    laptop = visitor(base_url=base_url)
    page = laptop.go("/login")
    page.get_by_label("Email").fill(coordinator.email)
    page.get_by_label("Password").fill(coordinator.password)
    page.get_by_role("button", name="Log in").click()
    laptop.check()

    page.get_by_role("link", name="Accounts").click()
    laptop.check()
    page.get_by_role("link", name="Invite someone").click()
    laptop.check()
    page.get_by_label("Name").fill("Rosa Delgado")
    page.get_by_label("Email", exact=True).fill("rosa@example.org")
    page.get_by_label("Language for the email").select_option("en")
    page.get_by_role("button", name="Send invitation").click()
    laptop.check()
    expect(page.get_by_role("status")).to_contain_text("Invitation sent to rosa@example.org")
    expect(page.get_by_role("region", name="Invitations waiting for an answer")).to_contain_text(
        "Rosa Delgado"
    )

    page.get_by_role("link", name="Outbox").click()
    laptop.check()
    page.get_by_role("link", name=re.compile("You are invited to join")).click()
    laptop.check()
    expect(page.locator("pre.email-body")).to_contain_text("[personal link]")

    # Rosa, on her phone, opens the development mailbox (no mail server in development).
    phone = visitor(width=360, height=740, base_url=base_url)
    mailbox = phone.go("/")
    mailbox.get_by_role("link", name=re.compile("Development mailbox")).click()
    phone.check()
    mailbox.get_by_role("link", name=re.compile("You are invited to join")).click()
    phone.check()
    mailbox.locator('a[href*="/invitation/"]').click()
    phone.check()
    expect(mailbox.get_by_role("heading", level=1)).to_contain_text("Rosa Delgado")
    mailbox.get_by_label("New password", exact=True).fill("amber-tidepool-kestrel")
    mailbox.get_by_label("New password again").fill("amber-tidepool-kestrel")
    mailbox.get_by_role("button", name="Set password and log in").click()
    phone.check()
    expect(mailbox.get_by_role("heading", level=1)).to_have_text("Welcome, Rosa Delgado")
    expect(mailbox.get_by_role("status")).to_contain_text("Your account is ready")
