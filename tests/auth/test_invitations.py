"""Invitations: a coordinator invites; the emailed link (7 days, single use) sets a password."""

import re
from datetime import timedelta

from coalition.core.dbtypes import utcnow
from coalition.core.extensions import db
from coalition.core.tokens import EmailToken
from coalition.members.people.models import Person
from coalition.outbox.models import OutboxEmail

LINK = re.compile(r"http://localhost(/invitation/[\w-]+)")


def _emails(app, kind=None):
    with app.app_context():
        query = db.select(OutboxEmail).order_by(OutboxEmail.id)
        if kind:
            query = query.where(OutboxEmail.kind == kind)
        emails = db.session.scalars(query).all()
        for email in emails:
            db.session.expunge(email)
        return emails


def _invite(client, name="Rosa Delgado", email="rosa@example.org", language="es"):
    return client.post_form(
        "/accounts/invite", {"name": name, "email": email, "language": language}
    )


def _link(email):
    return LINK.search(email.text_body).group(1)


def test_coordinator_invites_and_the_person_sets_a_password(app, make_client, create_coordinator):
    admin = make_client()
    admin.login(create_coordinator(name="Marisol Vega"))
    response = _invite(admin)
    assert response.headers["Location"] == "/accounts"
    [email] = _emails(app, "invitation")
    assert email.to_address == "rosa@example.org"
    assert "Marisol Vega" in email.text_body
    # Written in the language chosen for the invitee.
    assert email.subject != "You are invited to join Riverside Diversion Coalition"
    assert "[personal link]" in email.masked_body and "/invitation/" not in email.masked_body

    invitee = make_client()
    page = invitee.get(_link(email))
    assert page.status_code == 200
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert page.headers["Cache-Control"] == "no-store"
    done = invitee.post_form(
        _link(email),
        {"new_password": "amber-tidepool-kestrel", "confirm": "amber-tidepool-kestrel"},
    )
    assert done.headers["Location"] == "/"
    assert invitee.get("/account").status_code == 200


def test_the_link_works_only_once(app, make_client, create_coordinator):
    admin = make_client()
    admin.login(create_coordinator())
    _invite(admin)
    link = _link(_emails(app, "invitation")[0])
    first = make_client()
    first.post_form(
        link, {"new_password": "amber-tidepool-kestrel", "confirm": "amber-tidepool-kestrel"}
    )
    second = make_client()
    response = second.get(link)
    assert response.status_code == 404
    # Still written for Rosa, invited in Spanish, though it no longer lets her in.
    assert "Este enlace de invitación caducó o ya se usó." in response.get_data(as_text=True)


def test_an_expired_link_no_longer_works(app, make_client, create_coordinator):
    admin = make_client()
    admin.login(create_coordinator())
    _invite(admin)
    link = _link(_emails(app, "invitation")[0])
    with app.app_context():
        token = db.session.scalars(db.select(EmailToken)).one()
        assert token.expires_at - utcnow() > timedelta(days=6, hours=23)
        token.expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert make_client().get(link).status_code == 404


def test_resending_revokes_the_older_link(app, make_client, create_coordinator):
    admin = make_client()
    admin.login(create_coordinator())
    _invite(admin)
    old_link = _link(_emails(app, "invitation")[0])
    with app.app_context():
        person_id = db.session.scalar(db.select(Person.id).filter_by(email="rosa@example.org"))
    admin.post_form(f"/accounts/{person_id}/invitation")
    new_link = _link(_emails(app, "invitation")[1])
    assert old_link != new_link
    assert make_client().get(old_link).status_code == 404
    assert make_client().get(new_link).status_code == 200


def test_tokens_are_stored_only_as_hashes(app, make_client, create_coordinator):
    admin = make_client()
    admin.login(create_coordinator())
    _invite(admin)
    raw = _link(_emails(app, "invitation")[0]).rsplit("/", 1)[1]
    assert len(raw) >= 43
    with app.app_context():
        token = db.session.scalars(db.select(EmailToken)).one()
    assert raw not in token.token_hash and len(token.token_hash) == 64


def test_inviting_someone_who_has_an_account_is_refused_beside_the_field(
    app, client, create_coordinator, create_person
):
    existing = create_person(email="darnell@example.org")
    client.login(create_coordinator())
    page = _invite(client, email=existing.email).get_data(as_text=True)
    assert 'id="email-error"' in page and "already has an account" in page
    assert _emails(app) == []


def test_invitation_form_errors_show_beside_fields(client, create_coordinator):
    client.login(create_coordinator())
    page = _invite(client, name="", email="not-an-email").get_data(as_text=True)
    assert 'id="name-error"' in page and 'id="email-error"' in page


def test_accounts_page_lists_pending_invitations(app, client, create_coordinator):
    client.login(create_coordinator())
    _invite(client, name="Rosa Delgado")
    page = client.get("/accounts").get_data(as_text=True)
    assert "Invitations waiting for an answer" in page and "Rosa Delgado" in page


def test_a_weak_password_is_refused_on_the_invitation_page(app, make_client, create_coordinator):
    admin = make_client()
    admin.login(create_coordinator())
    _invite(admin, language="en")
    invitee = make_client()
    page = invitee.post_form(
        _link(_emails(app, "invitation")[0]),
        {"new_password": "rosa12345678", "confirm": "rosa12345678"},
    )
    assert "too easy to guess" in page.get_data(as_text=True)
    assert invitee.get("/account").status_code == 302


def test_the_welcome_message_speaks_the_invitees_language(app, make_client, create_coordinator):
    admin = make_client()
    admin.login(create_coordinator())
    _invite(admin, language="es")
    invitee = make_client()
    done = invitee.post_form(
        _link(_emails(app, "invitation")[0]),
        {"new_password": "amber-tidepool-kestrel", "confirm": "amber-tidepool-kestrel"},
        headers={"Accept-Language": "en"},
    )
    page = invitee.get(done.headers["Location"]).get_data(as_text=True)
    assert "Welcome! Your account is ready." not in page
    assert '<html lang="es">' in page


def test_a_coordinator_invites_from_a_persons_page(app, client, create_coordinator, create_person):
    client.login(create_coordinator())
    person = create_person(name="Rev. Ruth Okafor", password=None)
    page = client.get(f"/members/people/{person.id}").get_data(as_text=True)
    assert "Send an account invitation to Rev. Ruth Okafor" in page
    response = client.post_form(
        f"/accounts/{person.id}/invitation", {"next": f"/members/people/{person.id}"}
    )
    assert response.headers["Location"] == f"/members/people/{person.id}"
    [email] = _emails(app, "invitation")
    assert email.to_address == person.email


def test_members_see_no_invite_button(client, create_person):
    client.login(create_person())
    other = create_person(name="No Account", password=None)
    page = client.get(f"/members/people/{other.id}").get_data(as_text=True)
    assert "Send an account invitation" not in page


def test_a_delegate_lands_on_their_organization(
    app, make_client, create_coordinator, create_person, create_organization, link_person
):
    director = create_person(name="Director D", password=None)
    organization = create_organization("Hope Housing Alliance", sectors=["housing"])
    link_person(director, organization, "primary")
    admin = make_client()
    admin.login(create_coordinator())
    admin.post_form(f"/accounts/{director.id}/invitation")
    invitee = make_client()
    done = invitee.post_form(
        _link(_emails(app, "invitation")[0]),
        {"new_password": "amber-tidepool-kestrel", "confirm": "amber-tidepool-kestrel"},
    )
    assert done.headers["Location"] == f"/members/organizations/{organization.id}"
    assert "Hope Housing Alliance" in invitee.get(done.headers["Location"]).get_data(as_text=True)
