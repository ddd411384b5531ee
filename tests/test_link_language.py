"""Every page behind an emailed link opens in its recipient's language, whatever the browser
asks for (an invitee reads it on a borrowed phone, a library computer...); the language switch
still wins for the rest of the visit."""

import re

import pytest

from coalition.core.extensions import db
from coalition.members.people.models import Person
from coalition.outbox.models import OutboxEmail

ENGLISH_BROWSER = {"Accept-Language": "en-US,en;q=0.9"}
SPANISH_BROWSER = {"Accept-Language": "es-MX,es;q=0.9"}
LANG = re.compile(r'<html lang="(\w+)">')


def _language(response):
    assert response.status_code == 200, response.status_code
    return LANG.search(response.get_data(as_text=True)).group(1)


def _path(app, to_address, pattern):
    with app.app_context():
        body = db.session.scalars(
            db.select(OutboxEmail.text_body)
            .filter_by(to_address=to_address)
            .order_by(OutboxEmail.id.desc())
        ).first()
    return re.search(rf"http://localhost({pattern})", body).group(1)


def _rsvp_path(app, address):
    return _path(app, address, r"/rsvp/[\w-]+")


@pytest.fixture
def invited_in_spanish(app, create_person, create_meeting, invite_to_meeting):
    rosa = create_person(name="Rosa Delgado", email="rosa@example.org", language="es")
    invite_to_meeting(create_meeting(title="Steering committee"), people=[rosa])
    return _rsvp_path(app, "rosa@example.org")


def test_an_invitees_link_opens_in_their_language_not_the_browsers(make_client, invited_in_spanish):
    page = make_client().get(invited_in_spanish, headers=ENGLISH_BROWSER)
    assert _language(page) == "es"
    text = page.get_data(as_text=True)
    assert "¿Vendrá?" in text and "Will you come?" not in text


def test_the_language_switch_still_wins_behind_the_link(make_client, invited_in_spanish):
    visitor = make_client()
    visitor.get(invited_in_spanish, headers=ENGLISH_BROWSER)
    switched = visitor.post_form(
        "/language",
        {"language": "en", "next": invited_in_spanish},
        token_page=invited_in_spanish,
        headers=ENGLISH_BROWSER,
    )
    assert switched.headers["Location"] == invited_in_spanish
    assert _language(visitor.get(invited_in_spanish, headers=SPANISH_BROWSER)) == "en"


def test_an_answer_through_the_link_is_thanked_in_the_invitees_language(
    make_client, invited_in_spanish
):
    visitor = make_client()
    answer = {"answer": "yes", "headcount": "1", "names": "", "needs": "", "note": ""}
    visitor.post_form(
        invited_in_spanish, answer, token_page=invited_in_spanish, headers=ENGLISH_BROWSER
    )
    page = visitor.get(invited_in_spanish, headers=ENGLISH_BROWSER).get_data(as_text=True)
    assert "Gracias" in page and "Thank you" not in page


def test_too_many_answers_through_the_link_are_refused_in_the_invitees_language(
    app, make_client, invited_in_spanish
):
    app.config["RSVP_POSTS_PER_LINK"] = "1 per hour"
    visitor = make_client()
    answer = {"answer": "yes", "headcount": "1", "names": "", "needs": "", "note": ""}
    for expected in (302, 429):
        refused = visitor.post_form(
            invited_in_spanish, answer, token_page=invited_in_spanish, headers=ENGLISH_BROWSER
        )
        assert refused.status_code == expected
    assert LANG.search(refused.get_data(as_text=True)).group(1) == "es"


def test_an_organizations_link_opens_in_the_language_its_emails_are_written_in(
    app,
    make_client,
    create_person,
    create_organization,
    link_person,
    create_meeting,
    invite_to_meeting,
):
    iglesia = create_organization("Iglesia Nueva Esperanza")
    link_person(create_person(email="ana@example.org", language="es"), iglesia, "primary")
    pantry = create_organization("Westside Pantry", contact_email="hello@pantry.org")
    invite_to_meeting(create_meeting(), organizations=[iglesia, pantry])
    delegate = make_client().get(_rsvp_path(app, "ana@example.org"), headers=ENGLISH_BROWSER)
    assert _language(delegate) == "es"
    # No person behind a contact address: its emails are in the coalition's language.
    contact = make_client().get(_rsvp_path(app, "hello@pantry.org"), headers=SPANISH_BROWSER)
    assert _language(contact) == app.config["BABEL_DEFAULT_LOCALE"] == "en"


def test_an_account_invitation_opens_in_the_language_chosen_for_the_invitee(
    app, make_client, create_coordinator
):
    admin = make_client()
    admin.login(create_coordinator())
    admin.post_form(
        "/accounts/invite",
        {"name": "Rosa Delgado", "email": "rosa@example.org", "language": "es"},
        token_page="/accounts/invite",
    )
    path = _path(app, "rosa@example.org", r"/invitation/[\w-]+")
    assert _language(make_client().get(path, headers=ENGLISH_BROWSER)) == "es"


def test_a_password_reset_opens_in_the_persons_language(app, make_client, create_person):
    create_person(email="rosa@example.org", language="es")
    make_client().post_form("/forgot-password", {"email": "rosa@example.org"})
    path = _path(app, "rosa@example.org", r"/reset-password/[\w-]+")
    assert _language(make_client().get(path, headers=ENGLISH_BROWSER)) == "es"


def test_an_unsubscribe_link_opens_in_the_persons_language(app, make_client, create_person):
    from coalition.outbox.preferences import unsubscribe_url

    rosa = create_person(language="es")
    with app.test_request_context():
        url = unsubscribe_url(db.session.get(Person, rosa.id), "draft_review")
    path = url.removeprefix("http://localhost")
    assert _language(make_client().get(path, headers=ENGLISH_BROWSER)) == "es"
