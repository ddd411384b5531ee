"""An organization's contact address is written to in the organization's own language (issue
18): invitations, updates, confirmations, reminders and lost links, and the page behind its
link, whatever the browser asks for. People keep their own language."""

import re
from datetime import date, timedelta

import icalendar
import pytest

from coalition.core.extensions import db
from coalition.outbox.models import OutboxEmail

ENGLISH_BROWSER = {"Accept-Language": "en-US,en;q=0.9"}
ANSWER = {"answer": "yes", "headcount": "2", "names": "", "needs": "", "note": ""}
IGLESIA = "oficina@nuevaesperanza.org"
PANTRY = "hello@pantry.org"


@pytest.fixture
def invited(app, create_organization, create_meeting, invite_to_meeting):
    """A Spanish-speaking church and an English-speaking pantry, each reached only at its
    contact address, invited to a series three weeks away."""
    iglesia = create_organization("Iglesia Nueva Esperanza", contact_email=IGLESIA, language="es")
    pantry = create_organization("Westside Pantry", contact_email=PANTRY)
    meeting = create_meeting(title="Steering committee", day=date.today() + timedelta(days=21))
    invite_to_meeting(meeting, organizations=[iglesia, pantry])
    return meeting


def _emails(app, to_address, kind):
    with app.app_context():
        emails = db.session.scalars(
            db.select(OutboxEmail)
            .filter_by(to_address=to_address, kind=kind)
            .order_by(OutboxEmail.id)
        ).all()
        for email in emails:
            db.session.expunge(email)
        return emails


def _link(app, to_address):
    [email, *_] = _emails(app, to_address, "meeting_invitation")
    return re.search(r"http://localhost(/rsvp/[\w-]+)", email.text_body).group(1)


def _calendar_text(email):
    [part] = [item for item in email.attachments if item.get("method")]
    [event, *_] = icalendar.Calendar.from_ical(part["data"]).walk("VEVENT")
    return str(event["DESCRIPTION"])


def test_the_invitation_to_a_spanish_contact_address_is_in_spanish(app, invited):
    [iglesia] = _emails(app, IGLESIA, "meeting_invitation")
    assert iglesia.subject == "Invitación: Steering committee"
    assert iglesia.text_body.startswith("Hola:")
    assert "Página de la reunión" in _calendar_text(iglesia)  # the calendar's text too
    [pantry] = _emails(app, PANTRY, "meeting_invitation")
    assert pantry.subject == "Invitation: Steering committee"
    assert pantry.text_body.startswith("Hello,")
    assert "Meeting page" in _calendar_text(pantry)


def test_an_update_to_a_spanish_contact_address_is_in_spanish(app, invited):
    from coalition.meetings.models import Meeting
    from coalition.meetings.rsvp.meeting_invitations import REASON_UPDATED, notify_invitees

    with app.app_context():
        notify_invitees(db.session.get(Meeting, invited.id), REASON_UPDATED)
        db.session.commit()
    assert _emails(app, IGLESIA, "meeting_invitation")[-1].subject == (
        "Actualizada: Steering committee"
    )
    assert _emails(app, PANTRY, "meeting_invitation")[-1].subject == "Updated: Steering committee"


def test_the_link_opens_in_spanish_and_the_answer_is_confirmed_in_spanish(
    app, invited, make_client
):
    visitor = make_client()
    link = _link(app, IGLESIA)
    page = visitor.get(link, headers=ENGLISH_BROWSER)
    assert '<html lang="es">' in page.get_data(as_text=True)
    assert "¿Vendrá?" in page.get_data(as_text=True)
    visitor.post_form(link, ANSWER, token_page=link, headers=ENGLISH_BROWSER)
    [confirmation] = _emails(app, IGLESIA, "rsvp_confirmation")
    assert confirmation.subject == "Su respuesta para Steering committee"
    english = make_client().get(_link(app, PANTRY), headers=ENGLISH_BROWSER)
    assert '<html lang="en">' in english.get_data(as_text=True)


def test_the_reminder_to_a_spanish_contact_address_is_in_spanish(app, invited, make_client):
    from coalition.meetings.rsvp.reminders import send_reminders

    for address in (IGLESIA, PANTRY):
        link = _link(app, address)
        make_client().post_form(link, ANSWER, token_page=link)
    with app.app_context():
        assert send_reminders(now=invited.start_at - timedelta(hours=2)) == 2
        db.session.commit()
    [iglesia] = _emails(app, IGLESIA, "meeting_reminder")
    assert iglesia.subject == "Recordatorio: Steering committee"
    assert iglesia.text_body.startswith("Hola:")
    [pantry] = _emails(app, PANTRY, "meeting_reminder")
    assert pantry.subject == "Reminder: Steering committee"


def test_a_nudge_and_lost_links_to_a_spanish_contact_address_are_in_spanish(
    app, invited, client, create_coordinator
):
    from coalition.meetings.rsvp.lost_links import send_lost_links

    client.login(create_coordinator())
    key = invited.start_at.strftime("%Y%m%dT%H%M%SZ")
    client.post_form(f"/meetings/{invited.id}/answers/{key}/remind")
    assert _emails(app, IGLESIA, "rsvp_nudge")[0].subject == "¿Vendrá? Steering committee"
    assert _emails(app, PANTRY, "rsvp_nudge")[0].subject == "Will you come? Steering committee"
    with app.app_context():
        send_lost_links(IGLESIA.upper())
        db.session.commit()
    lost = _emails(app, IGLESIA, "meeting_invitation")[-1]
    assert lost.subject == "Sus enlaces para responder a invitaciones a reuniones"


def test_a_delegate_reads_their_own_language_not_the_organizations(
    app, create_person, create_organization, link_person, create_meeting, invite_to_meeting
):
    """The organization's language is for its contact address: a delegate who chose none
    reads the coalition's, one who chose Spanish reads Spanish."""
    iglesia = create_organization("Iglesia Nueva Esperanza", contact_email=IGLESIA, language="es")
    link_person(create_person(name="Pat Lee", email="pat@example.org"), iglesia, "primary")
    link_person(
        create_person(name="Tomás Reyes", email="tomas@example.org", language="es"),
        iglesia,
        "alternate",
    )
    invite_to_meeting(create_meeting(title="Steering committee"), organizations=[iglesia])
    [pat] = _emails(app, "pat@example.org", "meeting_invitation")
    [tomas] = _emails(app, "tomas@example.org", "meeting_invitation")
    assert (pat.subject, tomas.subject) == (
        "Invitation: Steering committee",
        "Invitación: Steering committee",
    )
    assert _emails(app, IGLESIA, "meeting_invitation") == []
