"""Forgot password: the same answer for everyone; a one-hour, single-use link."""

import re

from coalition.core.extensions import db
from coalition.outbox.models import OutboxEmail

LINK = re.compile(r"http://localhost(/reset-password/[\w-]+)")
# A CSRF token carries the second it was made in: two answers a second apart differ there
# and nowhere a person would see.
CSRF_TOKEN = re.compile(r'((?:content|value)=")[\w.-]+\.[\w-]+\.[\w-]+(")')


def _reset_emails(app):
    with app.app_context():
        return [
            (email.to_address, email.text_body)
            for email in db.session.scalars(
                db.select(OutboxEmail).where(OutboxEmail.kind == "password_reset")
            )
        ]


def _ask(client, email):
    return client.post_form("/forgot-password", {"email": email})


def _answer(client, email):
    """The page a person sees after asking, with the address they typed left out."""
    page = _ask(client, email).get_data(as_text=True).replace(email, "X")
    return CSRF_TOKEN.sub(r"\1TOKEN\2", page)


def test_the_answer_is_the_same_whether_the_email_is_known_or_not(app, client, create_person):
    person = create_person(email="known@example.org")
    known = _answer(client, person.email)
    unknown = _answer(client, "stranger@example.org")
    assert known == unknown
    assert [address for address, _ in _reset_emails(app)] == ["known@example.org"]


def test_reset_link_sets_a_new_password_and_ends_other_sessions(app, make_client, create_person):
    person = create_person()
    phone = make_client()
    phone.login(person)
    laptop = make_client()
    _ask(laptop, person.email)
    [(_, body)] = _reset_emails(app)
    link = LINK.search(body).group(1)
    assert "60 minutes" in body
    page = laptop.get(link)
    assert page.headers["Referrer-Policy"] == "no-referrer"
    response = laptop.post_form(
        link, {"new_password": "harvest-lagoon-crimson", "confirm": "harvest-lagoon-crimson"}
    )
    assert response.headers["Location"] == "/"
    assert laptop.get("/account").status_code == 200
    assert phone.get("/account").status_code == 302
    assert make_client().get(link).status_code == 404  # single use
    other = make_client()
    other.log_in_with_form(person, password="harvest-lagoon-crimson")


def test_deactivated_people_get_no_reset_link(app, client, create_person):
    from coalition.core.dbtypes import utcnow

    person = create_person(deactivated_at=utcnow())
    _ask(client, person.email)
    assert _reset_emails(app) == []


def test_someone_invited_who_never_set_a_password_gets_the_invitation_again(
    app, make_client, create_coordinator
):
    admin = make_client()
    admin.login(create_coordinator())
    admin.post_form(
        "/accounts/invite", {"name": "Rosa", "email": "rosa@example.org", "language": "en"}
    )
    _ask(make_client(), "rosa@example.org")
    with app.app_context():
        kinds = [email.kind for email in db.session.scalars(db.select(OutboxEmail))]
    assert kinds == ["invitation", "invitation"]


def test_asking_too_often_is_limited(client, create_person):
    person = create_person()
    for _ in range(3):
        assert _ask(client, person.email).status_code == 200
    limited = _ask(client, person.email)
    assert limited.status_code == 429
    # Told to look for the link already sent, not to ask for a new password again.
    page = limited.get_data(as_text=True)
    assert "look for the link already sent" in page and "forgot your password" not in page


def test_login_page_links_to_forgot_password(client):
    assert 'href="/forgot-password"' in client.get("/login").get_data(as_text=True)


def _links(app):
    return [LINK.search(body).group(1) for _, body in _reset_emails(app)]


def test_changing_the_password_ends_every_reset_link_sent_before(app, make_client, create_person):
    person = create_person()
    stranger = make_client()
    _ask(stranger, person.email)
    _ask(stranger, person.email)
    owner = make_client()
    owner.login(person)
    changed = owner.post_form(
        "/account/password",
        {
            "current_password": person.password,
            "new_password": "harvest-lagoon-crimson",
            "confirm": "harvest-lagoon-crimson",
        },
        token_page="/account/password",
    )
    assert changed.status_code == 302
    for link in _links(app):
        assert stranger.get(link).status_code == 404
        refused = stranger.post_form(
            link, {"new_password": "quartz-meadow-lantern", "confirm": "quartz-meadow-lantern"}
        )
        assert refused.status_code == 404
    make_client().log_in_with_form(person, password="harvest-lagoon-crimson")


def test_a_reset_ends_the_other_reset_links_too(app, make_client, create_person):
    person = create_person()
    client = make_client()
    _ask(client, person.email)
    first = _links(app)[0]
    _ask(client, person.email)  # a second request revokes the first link already
    second = _links(app)[1]
    assert client.get(first).status_code == 404
    client.post_form(
        second, {"new_password": "harvest-lagoon-crimson", "confirm": "harvest-lagoon-crimson"}
    )
    assert make_client().get(second).status_code == 404
