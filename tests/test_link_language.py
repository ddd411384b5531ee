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


# --- A link that no longer works, or a request refused before its page opens ---------------
# The token row still names whom the link was sent to: that names the page's language (never
# lets anyone in), so Beatriz reads "Este enlace ya no funciona", not the browser's English.

BAD_FORM = {"csrf_token": "expired-or-forged"}


def _dead(response, status=404):
    assert response.status_code == status, response.status_code
    return LANG.search(response.get_data(as_text=True)).group(1)


def _end_links(app, purpose):
    from coalition.core.dbtypes import utcnow
    from coalition.core.tokens import EmailToken

    with app.app_context():
        db.session.execute(
            db.update(EmailToken).filter_by(purpose=purpose).values(revoked_at=utcnow())
        )
        db.session.commit()


@pytest.fixture
def beatriz_invited(app, make_client, create_coordinator):
    admin = make_client()
    admin.login(create_coordinator())
    admin.post_form(
        "/accounts/invite",
        {"name": "Beatriz Ortega", "email": "beatriz@example.org", "language": "es"},
        token_page="/accounts/invite",
    )
    return _path(app, "beatriz@example.org", r"/invitation/[\w-]+")


def test_a_used_account_invitation_says_so_in_the_persons_language(make_client, beatriz_invited):
    password = {"new_password": "amber-tidepool-kestrel", "confirm": "amber-tidepool-kestrel"}
    accepted = make_client().post_form(beatriz_invited, password, token_page=beatriz_invited)
    assert accepted.status_code == 302
    again = make_client().get(beatriz_invited, headers=ENGLISH_BROWSER)
    assert _dead(again) == "es"
    text = again.get_data(as_text=True)
    assert "Este enlace ya no funciona" in text and "new_password" not in text


def test_an_expired_form_behind_an_invitation_is_refused_in_the_persons_language(
    make_client, beatriz_invited
):
    refused = make_client().post(beatriz_invited, data=BAD_FORM, headers=ENGLISH_BROWSER)
    assert _dead(refused, 400) == "es"


def test_a_revoked_reset_link_says_so_in_the_persons_language(app, make_client, create_person):
    create_person(email="rosa@example.org", language="es")
    make_client().post_form("/forgot-password", {"email": "rosa@example.org"})
    path = _path(app, "rosa@example.org", r"/reset-password/[\w-]+")
    _end_links(app, "password_reset")
    assert _dead(make_client().get(path, headers=ENGLISH_BROWSER)) == "es"


def test_a_dead_rsvp_link_says_so_in_the_invitees_language(app, make_client, invited_in_spanish):
    _end_links(app, "meeting_invitation")
    dead = make_client().get(invited_in_spanish, headers=ENGLISH_BROWSER)
    assert _dead(dead) == "es"
    assert "¿Vendrá?" not in dead.get_data(as_text=True)  # the page itself stays shut
    calendar = make_client().get(invited_in_spanish + "/calendar.ics", headers=ENGLISH_BROWSER)
    assert _dead(calendar) == "es"


def test_an_expired_rsvp_form_is_refused_in_the_invitees_language(make_client, invited_in_spanish):
    refused = make_client().post(invited_in_spanish, data=BAD_FORM, headers=ENGLISH_BROWSER)
    assert _dead(refused, 400) == "es"
    assert "Este formulario caducó" in refused.get_data(as_text=True)


def test_an_expired_unsubscribe_form_is_refused_in_the_persons_language(
    app, make_client, create_person
):
    from coalition.outbox.preferences import unsubscribe_url

    rosa = create_person(language="es")
    with app.test_request_context():
        url = unsubscribe_url(db.session.get(Person, rosa.id), "draft_review")
    path = url.removeprefix("http://localhost")
    refused = make_client().post(path, data=BAD_FORM, headers=ENGLISH_BROWSER)
    assert _dead(refused, 400) == "es"


def test_a_link_that_names_no_one_keeps_the_browsers_language(make_client, invited_in_spanish):
    forged = invited_in_spanish[:-4] + "AAAA"
    assert _dead(make_client().get(forged, headers=ENGLISH_BROWSER)) == "en"
    assert _dead(make_client().get(forged, headers=SPANISH_BROWSER)) == "es"
