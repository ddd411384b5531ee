"""Journey: a coordinator logs in, switches to Spanish, and logs out everywhere.

Every page visited is checked with axe-core (no serious or critical violation) and for
console errors, which is where a Content-Security-Policy violation would show.
"""

import re

from playwright.sync_api import expect


def _log_in(visitor, person):
    page = visitor.go("/")
    page.get_by_role("link", name=re.compile("Log in|Iniciar sesión")).first.click()
    visitor.check()
    page.get_by_label(re.compile("^(Email|Correo electrónico)$")).fill(person.email)
    page.get_by_label(re.compile("^(Password|Contraseña)$")).fill(person.password)
    page.get_by_role("button", name=re.compile("^(Log in|Iniciar sesión)$")).click()
    visitor.check()
    return page


def test_log_in_switch_to_spanish_and_log_out_everywhere(visitor, create_coordinator):
    coordinator = create_coordinator(name="Marisol Vega", email="marisol@example.org")
    laptop = visitor()
    phone = visitor(width=320, height=640)

    page = _log_in(laptop, coordinator)
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Marisol Vega")
    _log_in(phone, coordinator)

    page.get_by_label("Language").select_option("es")
    page.get_by_role("button", name="Change").click()
    laptop.check()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("navigation", name="Principal")).to_contain_text("Miembros")

    page.get_by_role("link", name="Marisol Vega").click()
    laptop.check()
    page.get_by_role("button", name="Cerrar sesión en todos los dispositivos").click()
    laptop.check()
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")

    phone.go("/account")
    expect(phone.page).to_have_url(re.compile(r"/login\?next=%2Faccount$"))
    expect(phone.page.get_by_text("Please log in to see this page.")).to_be_visible()


def test_every_area_is_accessible_in_both_languages(
    visitor, create_coordinator, create_person, create_timeline_entry
):
    coordinator = create_coordinator(name="Marisol Vega")
    other = create_person(name="Darnell Brooks")
    create_timeline_entry(kind="loss", title="Budget cut", lessons="Start in spring.")
    laptop = visitor()
    _log_in(laptop, coordinator)
    paths = [
        "/",
        "/members/",
        f"/members/people/{other.id}",
        "/committees/",
        "/meetings/",
        "/messaging/",
        "/timeline/",
        "/accounts",
        "/account",
        "/account/password",
        "/account/notifications",
        "/accounts/invite",
        "/outbox",
        "/meetings/new",
        "/meetings/?view=month",
        "/account/calendar",
        "/no-such-page",
    ]
    for path in paths:
        laptop.go(path)
    laptop.page.get_by_label("Language").select_option("es")
    laptop.page.get_by_role("button", name="Change").click()
    for path in paths:
        laptop.go(path)
    assert len(laptop.checked) >= 2 * len(paths)


def test_keyboard_user_skips_to_content_and_sees_focus(visitor, create_person):
    person = create_person()
    laptop = visitor()
    page = _log_in(laptop, person)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none" or page.evaluate("document.activeElement.id") == "main"


def test_form_errors_are_announced_and_linked_to_their_fields(visitor):
    phone = visitor(width=320, height=640)
    page = phone.go("/login")
    page.get_by_role("button", name="Log in").click()
    phone.check()
    summary = page.get_by_role("alert").filter(has_text="Please correct the following")
    expect(summary).to_be_visible()
    expect(page.get_by_label("Email")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Email")).to_have_accessible_description(
        re.compile("Enter your email address")
    )


def test_pages_fit_a_320_pixel_phone(visitor, create_coordinator):
    coordinator = create_coordinator(name="Marisol Vega")
    phone = visitor(width=320, height=640)
    _log_in(phone, coordinator)
    for path in ["/", "/members/", "/timeline/", "/accounts", "/account"]:
        page = phone.go(path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"


def test_forgotten_password_pages_are_accessible_on_a_phone(visitor, create_person):
    person = create_person(email="linh@example.org")
    phone = visitor(width=320, height=640)
    page = phone.go("/login")
    page.get_by_role("link", name="Forgot your password?").click()
    phone.check()
    page.get_by_label("Email").fill(person.email)
    page.get_by_role("button", name="Send me a link").click()
    phone.check()
    expect(page.get_by_role("status")).to_contain_text("If an account uses linh@example.org")
    phone.go("/reset-password/an-old-link")
    expect(page.get_by_role("heading", level=1)).to_have_text("This link no longer works")
