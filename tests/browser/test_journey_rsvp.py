"""Journey 5: a partner's contact answers from a phone (320 px), with no account, then
changes the answer through the same link; the organizer sees the headcount and the need."""

import re

from playwright.sync_api import expect

from coalition.core.extensions import db
from coalition.outbox.models import OutboxEmail


def test_answer_from_a_phone_then_change_it(app, visitor, create_coordinator, invited_partner):
    meeting, _darnell, path = invited_partner(
        "Second Chance Reentry", "Darnell Brooks", "Steering committee", sectors=["reentry"]
    )

    phone = visitor(width=320, height=640)
    page = phone.go(path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Steering committee")
    expect(page.locator("dl.facts")).to_contain_text("America/Chicago")
    page.get_by_label("Yes, we will come").check()
    page.get_by_label("How many people will come").fill("3")
    page.get_by_label("Interpretation or access needs").fill("Spanish interpretation")
    page.get_by_role("button", name="Send my answer").click()
    phone.check()
    expect(page.get_by_role("status")).to_contain_text("your answer is saved")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0

    later = visitor(width=320, height=640)
    page = later.go(path)
    page.get_by_label("How many people will come").fill("2")
    page.get_by_role("button", name="Send my answer").click()
    later.check()

    organizer = visitor()
    chair = create_coordinator(name="Marisol Vega")
    desk = organizer.go("/login")
    desk.get_by_label("Email").fill(chair.email)
    desk.get_by_label("Password").fill(chair.password)
    desk.get_by_role("button", name="Log in").click()
    organizer.go(f"/meetings/{meeting.id}/answers")
    expect(desk.locator("dl.facts")).to_contain_text("2")
    expect(desk.get_by_role("region", name="Answers by organization and person")).to_contain_text(
        "Spanish interpretation"
    )


def test_a_spanish_speaker_answers_by_keyboard_alone(
    app,
    visitor,
    create_person,
    create_organization,
    link_person,
    create_meeting,
    invite_to_meeting,
):
    """Journey 10's part of journey 5: in Spanish, on a phone, Tab, arrows, Space and Enter."""
    iglesia = create_organization("Iglesia Nueva Esperanza", sectors=["faith"])
    link_person(create_person(name="Ana Lucía Torres", language="es"), iglesia, "primary")
    meeting = create_meeting(title="Reunión trimestral")
    invite_to_meeting(meeting, organizations=[iglesia])
    with app.app_context():
        body = db.session.scalars(db.select(OutboxEmail.text_body)).first()
    path = re.search(r"https?://[^/\s]+(/rsvp/[\w-]+)", body).group(1)

    phone = visitor(width=320, height=640, locale="es-ES")
    page = phone.go(path)
    expect(page.get_by_role("heading", level=2).first).to_be_visible()
    answer = page.get_by_label("Sí, vendremos")
    answer.focus()
    page.keyboard.press("Space")
    expect(answer).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Cuántas personas vendrán")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    page.keyboard.press("Tab")
    page.keyboard.type("Ana, Luis")
    page.keyboard.press("Tab")
    page.keyboard.type("Interpretación al inglés")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Enviar mi respuesta")).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    phone.check()
    expect(page.get_by_role("status")).to_contain_text("Gracias")
    with app.app_context():
        from coalition.meetings.rsvp.models import Rsvp

        rows = db.session.scalars(db.select(Rsvp)).all()
    assert {(row.answer, row.headcount, row.names, row.needs) for row in rows} == {
        ("yes", 2, "Ana, Luis", "Interpretación al inglés")
    }


def test_a_dead_link_leads_to_asking_for_a_new_one(visitor):
    phone = visitor(width=320, height=640)
    page = phone.go("/rsvp/a-link-that-was-cut-short")
    expect(page.get_by_role("heading", level=1)).to_have_text("This link no longer works")
    page.get_by_role("link", name="Send me a new link").click()
    phone.check()
    page.get_by_label("Email").fill("hello@reentry.org")
    page.get_by_role("button", name="Send me a link").click()
    phone.check()
    expect(page.get_by_role("status")).to_contain_text("new links are on their way")


def test_journey_5_in_spanish_from_the_emailed_link_with_an_english_browser(
    app,
    visitor,
    create_coordinator,
    create_person,
    create_organization,
    link_person,
    create_meeting,
    invite_to_meeting,
):
    """The partner's contact speaks Spanish; the phone they open the link on asks for English
    (or nothing): the page, the answer and its confirmation are in Spanish all the same."""
    iglesia = create_organization("Iglesia Nueva Esperanza", sectors=["faith"])
    ana = create_person(
        name="Ana Lucía Torres",
        email="ana@iglesia.org",
        language="es",
        timezone="America/Los_Angeles",
    )
    link_person(ana, iglesia, "primary")
    meeting = create_meeting(title="Comité directivo")
    invite_to_meeting(meeting, organizations=[iglesia])
    with app.app_context():
        invitation = db.session.scalars(
            db.select(OutboxEmail).filter_by(kind="meeting_invitation", to_address=ana.email)
        ).one()
        assert invitation.subject == "Invitación: Comité directivo"
    path = re.search(r"https?://[^/\s]+(/rsvp/[\w-]+)", invitation.text_body).group(1)

    phone = visitor(width=320, height=640, locale="en-US")
    page = phone.go(path)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Comité directivo")
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text("(America/Chicago)")
    footer = page.locator("footer")  # names the zone the page is shown in, not hers
    expect(footer).to_contain_text("Los horarios se muestran en America/Chicago.")
    page.get_by_role("link", name="Mostrar la hora en mi zona horaria").click()
    phone.check()
    expect(facts).to_contain_text("(America/Los_Angeles)")
    expect(footer).to_contain_text("Los horarios se muestran en America/Los_Angeles.")
    expect(facts).to_contain_text("en America/Chicago, la zona horaria de la reunión")

    page.get_by_label("Sí, vendremos").check()
    page.get_by_label("Cuántas personas vendrán").fill("3")
    page.get_by_label("Necesidades de interpretación o accesibilidad").fill(
        "Interpretación al español"
    )
    page.get_by_role("button", name="Enviar mi respuesta").click()
    phone.check()
    expect(page.get_by_role("status")).to_contain_text("Gracias: su respuesta quedó guardada")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    with app.app_context():
        confirmation = db.session.scalars(
            db.select(OutboxEmail).filter_by(kind="rsvp_confirmation", to_address=ana.email)
        ).one()
        assert confirmation.subject == "Su respuesta para Comité directivo"
        assert "Respuesta: Sí · 3 personas" in confirmation.text_body
        assert "Necesidades: Interpretación al español" in confirmation.text_body

    later = visitor(width=320, height=640, locale="en-US")
    page = later.go(path)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_label("Cuántas personas vendrán")).to_have_value("3")
    page.get_by_label("Cuántas personas vendrán").fill("2")
    page.get_by_role("button", name="Enviar mi respuesta").click()
    later.check()
    expect(page.get_by_role("status")).to_contain_text("Gracias")

    organizer = visitor()
    chair = create_coordinator(name="Marisol Vega")
    desk = organizer.log_in(chair.email, chair.password)
    organizer.go(f"/meetings/{meeting.id}/answers")
    totals = desk.get_by_role("region", name="Totals")
    expect(totals.locator("dt:has-text('People coming') + dd")).to_have_text("2")
    expect(desk.get_by_role("region", name="Interpretation and access needs")).to_contain_text(
        "Iglesia Nueva Esperanza: Interpretación al español"
    )
