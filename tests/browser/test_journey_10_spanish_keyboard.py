"""Journey 10: in Spanish, by keyboard alone, with axe on every page. A partner's contact
switches an RSVP page to Spanish and answers (journey 5); Darnell switches to Spanish and
drafts (journey 8): his save crosses Marisol's and he saves the merge, the language check
flags a label beside its passage with the person-first words to use, he sets the sign-off
rules and asks Ana (participant advisory committee) and Ruth (steering) to review; both
approve by keyboard; he reads the advisory committee, not Ana's name, and publishes.

Pages are reached with Tab, Enter, Space, arrows and typing only: `tab_to` presses Tab
until the element is focused (failing if it never is), so every control is reachable by
keyboard in the page's own order. Elements are found by role and Spanish name where the
catalogue has them, else by their id (so the test holds once new strings are translated).
"""

from playwright.sync_api import expect

from coalition.core.extensions import db
from coalition.demo import MEMBER_PASSWORD
from coalition.demo.messaging import TALKING_POINTS

TAB_LIMIT = 250


def tab_to(page, target):
    """Press Tab until `target` (a CSS selector or a locator) has the focus."""
    locator = page.locator(target).first if isinstance(target, str) else target
    for _ in range(TAB_LIMIT):
        page.keyboard.press("Tab")
        if locator.evaluate("(element) => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target} on {page.url}")


def press_enter(visitor, selector):
    """Tab to a link or button and follow it with Enter."""
    page = visitor.page
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    visitor.check()
    return page


def type_into(page, selector, text, replace=True):
    tab_to(page, selector)
    if replace:
        page.keyboard.press("Control+A")
    page.keyboard.type(text)


def switch_to_spanish(visitor):
    """The header's language switcher, by keyboard."""
    page = visitor.page
    tab_to(page, "#language-choice")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#language-choice")).to_have_value("es")
    press_enter(visitor, ".language-switcher button[type=submit]")
    expect(page.locator("html")).to_have_attribute("lang", "es")


def log_in(visitor, email, password):
    page = visitor.go("/login")
    type_into(page, "#email", email)
    type_into(page, "#password", password)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    visitor.check()
    return page


def test_a_partner_switches_the_rsvp_page_to_spanish_and_answers_by_keyboard(
    app, visitor, invited_partner
):
    from coalition.meetings.rsvp.models import Rsvp

    meeting, _tomas, path = invited_partner(
        "Iglesia Nueva Esperanza", "Tomás Reyes", "Quarterly meeting", sectors=["faith"]
    )

    phone = visitor(width=320, height=640)
    page = phone.go(path)
    switch_to_spanish(phone)
    answer = page.get_by_label("Sí, vendremos")
    tab_to(page, "input[type=radio]")
    while not page.evaluate("() => document.activeElement.value === 'yes'"):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    expect(answer).to_be_checked()
    type_into(page, "#headcount", "3")
    type_into(page, "#needs", "Interpretación al inglés")
    press_enter(phone, page.get_by_role("button", name="Enviar mi respuesta"))
    expect(page.get_by_role("status")).to_contain_text("Gracias")
    with app.app_context():
        rows = db.session.scalars(db.select(Rsvp)).all()
    assert {(row.answer, row.headcount, row.needs) for row in rows} == {
        ("yes", 3, "Interpretación al inglés")
    }


def _ids(app):
    """The talking points' id and the two committees that sign it off; Ruth gets a login;
    the language check's starting list, as a fresh install loads it."""
    from coalition.auth.passwords import hash_password
    from coalition.committees.models import Committee
    from coalition.members.people.models import find_person_by_email
    from coalition.messaging.language.services import ensure_starting_terms
    from coalition.messaging.models import Draft

    with app.app_context():
        ensure_starting_terms()
        ruth = find_person_by_email("ruth.okafor@example.org")
        ruth.password_hash = hash_password(MEMBER_PASSWORD)
        ids = {
            "draft": db.session.scalar(db.select(Draft.id).filter_by(title=TALKING_POINTS)),
            "steering": db.session.scalar(
                db.select(Committee.id).filter_by(name="Steering Committee")
            ),
            "advisory": db.session.scalar(
                db.select(Committee.id).filter_by(name="Participant Advisory Committee")
            ),
        }
        db.session.commit()
        return ids


def _marisol_saves_meanwhile(app, draft_id):
    from coalition.members.people.models import find_person_by_email
    from coalition.messaging import services
    from coalition.messaging.models import Draft

    with app.app_context():
        draft = db.session.get(Draft, draft_id)
        text = draft.text.replace("Fund the pilot", "Fully fund the pilot")
        marisol = find_person_by_email("marisol.vega@example.org")
        services.save_text(draft, text, draft.revision_number, marisol, "Fully")
        db.session.commit()


def _write_and_merge(darnell, app, ids):
    """Darnell adds a paragraph; Marisol saves first; he saves the merge of both."""
    draft = ids["draft"]
    page = press_enter(darnell, "nav.main-nav a[href='/messaging/']")
    page = press_enter(darnell, f"main a[href='/messaging/{draft}']")
    page = press_enter(darnell, f"main a[href='/messaging/{draft}/edit']")
    tab_to(page, "#text")
    page.keyboard.press("Control+End")
    page.keyboard.type("\n\nOfficers meet addicts every week who need care.")
    _marisol_saves_meanwhile(app, draft)
    press_enter(darnell, "#draft-editor [type=submit]")
    expect(page.get_by_role("alert")).to_contain_text("Alguien guardó el borrador")
    merged = page.locator("#text").input_value()
    assert "Fully fund the pilot" in merged and "addicts every week" in merged
    press_enter(darnell, "#draft-editor [type=submit]")
    expect(page.locator("#draft-text")).to_contain_text("Fully fund the pilot")
    expect(page.locator("#draft-text")).to_contain_text("addicts every week")
    return page


def _ask_for_sign_off(darnell, ids):
    """Steering and advisory, one approval each; Ana and Ruth asked."""
    page = press_enter(darnell, f"main a[href='/messaging/{ids['draft']}/review']")
    type_into(page, f"#rule_{ids['steering']}", "1")
    type_into(page, f"#rule_{ids['advisory']}", "1")
    press_enter(darnell, "#rules-submit")
    for name in ("Ana", "Rev"):
        tab_to(page, "#person")
        page.keyboard.type(name)
        press_enter(darnell, "#ask-submit")
    reviewers = page.locator("section[aria-labelledby=reviewers-heading]")
    expect(reviewers).to_contain_text("Rev. Ruth Okafor")
    return page


def _approves(reviewer, email, draft_id):
    page = log_in(reviewer, email, MEMBER_PASSWORD)
    page = press_enter(reviewer, f"main a[href='/messaging/{draft_id}/review']")
    tab_to(page, "#decision-0")
    page.keyboard.press("Space")
    expect(page.locator("#decision-0")).to_be_checked()
    press_enter(reviewer, "#decision-submit")
    expect(page.get_by_role("status")).to_be_visible()


def test_darnell_drafts_in_spanish_by_keyboard_and_the_two_committees_sign_off(app, visitor, demo):
    ids = _ids(app)
    darnell = visitor()
    log_in(darnell, "darnell.brooks@example.org", MEMBER_PASSWORD)
    switch_to_spanish(darnell)
    page = _write_and_merge(darnell, app, ids)

    # The language check, beside its passage, with the words to use instead.
    check = page.locator("#language-check")
    expect(check.locator("mark")).to_have_text(["addicts"])
    expect(check).to_contain_text("person who uses drugs")

    _ask_for_sign_off(darnell, ids)
    ana = visitor(locale="es-ES")
    _approves(ana, "ana.torres@example.org", ids["draft"])
    ruth = visitor()
    _approves(ruth, "ruth.okafor@example.org", ids["draft"])

    # Darnell, outside the advisory committee, reads the committee, not Ana's name.
    page = darnell.go(f"/messaging/{ids['draft']}/review")
    decisions = page.locator("section[aria-labelledby=decisions-heading]")
    expect(decisions).to_contain_text("Participant Advisory Committee")
    expect(decisions).to_contain_text("Rev. Ruth Okafor")
    expect(decisions).not_to_contain_text("Ana Lucía Torres")
    type_into(page, "#place", "Audiencia del concejo municipal, 3 de marzo")
    press_enter(darnell, "#publish-submit")
    expect(page.locator("main .badge").first).to_have_text("Publicado")
    page = press_enter(darnell, "nav.main-nav a[href='/timeline/']")
    expect(page.get_by_role("main")).to_contain_text(TALKING_POINTS)
