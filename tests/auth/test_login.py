"""Logging in: the same answer for unknown accounts, safe redirects, rate limits."""

import re
from urllib.parse import quote

import pytest

from coalition.core.dbtypes import utcnow
from coalition.members.people.models import Person

FAILURE_MESSAGE = "The email or password is not correct."


def _visible_text(response):
    """The page without its per-request tokens, to compare two answers."""
    html = response.get_data(as_text=True)
    return re.sub(
        r'(name="csrf_token" type="hidden" value|name="csrf-token" content)="[^"]*"', "TOKEN", html
    )


def test_correct_password_logs_in_and_lands_on_the_dashboard(client, create_person):
    person = create_person(name="Darnell Brooks")
    response = client.log_in_with_form(person)
    assert response.headers["Location"] == "/"
    assert "Welcome, Darnell Brooks" in client.get("/").get_data(as_text=True)


def test_email_is_matched_without_regard_to_case(client, create_person):
    person = create_person(email="ana.torres@example.org")
    response = client.post_form(
        "/login", {"email": "  Ana.Torres@Example.ORG ", "password": person.password}
    )
    assert response.status_code == 302


def test_wrong_password_and_unknown_account_get_the_same_answer(client, create_person):
    person = create_person()
    wrong_password = client.post_form("/login", {"email": person.email, "password": "nope-nope"})
    unknown = client.post_form("/login", {"email": "nobody@example.org", "password": "nope-nope"})
    assert wrong_password.status_code == unknown.status_code == 200
    assert FAILURE_MESSAGE in wrong_password.get_data(as_text=True)
    assert _visible_text(wrong_password).replace(person.email, "EMAIL") == _visible_text(
        unknown
    ).replace("nobody@example.org", "EMAIL")


def test_deactivated_account_cannot_log_in_and_gets_the_same_answer(app, client, create_person):
    person = create_person(deactivated_at=utcnow())
    response = client.post_form("/login", {"email": person.email, "password": person.password})
    assert response.status_code == 200
    assert FAILURE_MESSAGE in response.get_data(as_text=True)


def test_person_without_account_cannot_log_in(client, create_person):
    person = create_person(password=None)
    response = client.post_form("/login", {"email": person.email, "password": "anything-at-all"})
    assert FAILURE_MESSAGE in response.get_data(as_text=True)


def test_empty_form_shows_errors_beside_each_field(client):
    page = client.post_form("/login", {"email": "", "password": ""}).get_data(as_text=True)
    assert 'id="email-error"' in page and "Enter your email address." in page
    assert 'id="password-error"' in page and "Enter your password." in page
    assert 'aria-describedby="email-error"' in page


def test_login_without_csrf_token_is_refused_with_400(client, create_person):
    person = create_person()
    response = client.post("/login", data={"email": person.email, "password": person.password})
    assert response.status_code == 400
    assert "This form expired" in response.get_data(as_text=True)


def test_next_leads_back_to_the_page_that_asked_for_login(client, create_person):
    person = create_person()
    bounce = client.get("/members/")
    assert bounce.status_code == 302
    assert bounce.headers["Location"].startswith("/login?next=")
    response = client.post_form(
        "/login", {"email": person.email, "password": person.password, "next": "/members/?page=1"}
    )
    assert response.headers["Location"] == "/members/?page=1"


def test_a_form_sent_after_the_session_ended_leads_back_to_its_page_after_login(
    client, create_coordinator, create_meeting
):
    """Cancelling a meeting from a page left open past the session: the login leads back to
    the meeting's page (the Referer), not to the form's address, which answers only POST."""
    coordinator = create_coordinator()
    meeting = create_meeting()
    page = f"/meetings/{meeting.id}"
    bounce = client.post_form(
        f"{page}/cancel", {}, token_page="/login", headers={"Referer": f"http://localhost{page}"}
    )
    assert bounce.headers["Location"] == "/login?next=" + quote(page, safe="")
    response = client.post_form(
        "/login", {"email": coordinator.email, "password": coordinator.password, "next": page}
    )
    assert response.headers["Location"] == page
    assert client.get(page).status_code == 200


def test_a_form_of_the_account_pages_sent_logged_out_leads_home_after_login(client):
    """login_required's routes take the same way: no Referer, no page to go back to."""
    bounce = client.post_form("/logout-everywhere", {}, token_page="/login")
    assert bounce.headers["Location"] == "/login"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
        "javascript:alert(1)",
        "http:/evil.example",
        "members/",
        "/\tevil",
    ],
)
def test_next_never_leaves_the_site(client, create_person, target):
    person = create_person()
    response = client.post_form(
        "/login", {"email": person.email, "password": person.password, "next": target}
    )
    assert response.headers["Location"] == "/"


def _fail(client, email, address="10.0.0.1", headers=None):
    return client.post_form(
        "/login",
        {"email": email, "password": "wrong-password-123"},
        environ_base={"REMOTE_ADDR": address},
        headers=headers or {},
    )


def test_sixth_failure_for_one_account_is_refused_even_from_new_addresses(client, create_person):
    person = create_person()
    for attempt in range(5):
        assert _fail(client, person.email, address=f"10.0.0.{attempt + 1}").status_code == 200
    blocked = client.post_form(
        "/login",
        {"email": person.email, "password": person.password},
        environ_base={"REMOTE_ADDR": "10.0.0.99"},
    )
    assert blocked.status_code == 429
    page = blocked.get_data(as_text=True)
    assert "Too many attempts" in page and "if you forgot your password" in page


def test_sixth_failure_from_one_address_is_refused_whatever_the_account(client, create_person):
    person = create_person()
    for attempt in range(5):
        assert _fail(client, f"someone{attempt}@example.org").status_code == 200
    blocked = client.post_form(
        "/login",
        {"email": person.email, "password": person.password},
        environ_base={"REMOTE_ADDR": "10.0.0.1"},
    )
    assert blocked.status_code == 429


def test_unknown_accounts_are_limited_like_real_ones(client):
    for _ in range(5):
        assert _fail(client, "ghost@example.org", address="10.1.1.1").status_code == 200
    assert _fail(client, "ghost@example.org", address="10.2.2.2").status_code == 429


def test_successful_logins_do_not_count_as_failures(client, create_person):
    person = create_person()
    for _ in range(7):
        response = client.post_form(
            "/login",
            {"email": person.email, "password": person.password},
            environ_base={"REMOTE_ADDR": "10.0.0.5"},
        )
        assert response.status_code == 302
        client.post_form("/logout")


def test_behind_a_trusted_proxy_the_limit_applies_to_the_real_client(make_app):
    client = make_app(TRUSTED_PROXIES=1).test_client()
    for attempt in range(5):
        _fail(
            client,
            f"a{attempt}@example.org",
            address="127.0.0.1",
            headers={"X-Forwarded-For": "203.0.113.7"},
        )
    # Another client behind the same proxy is not blocked by the first one's failures.
    other = _fail(
        client, "b@example.org", address="127.0.0.1", headers={"X-Forwarded-For": "198.51.100.4"}
    )
    assert other.status_code == 200
    same = _fail(
        client, "c@example.org", address="127.0.0.1", headers={"X-Forwarded-For": "203.0.113.7"}
    )
    assert same.status_code == 429


def test_without_trusted_proxies_forwarded_headers_are_ignored(client):
    for attempt in range(5):
        _fail(
            client,
            f"a{attempt}@example.org",
            address="10.9.9.9",
            headers={"X-Forwarded-For": f"203.0.113.{attempt}"},
        )
    spoofed = _fail(
        client, "z@example.org", address="10.9.9.9", headers={"X-Forwarded-For": "198.51.100.200"}
    )
    assert spoofed.status_code == 429


def test_logged_in_visitor_to_login_is_sent_home(client, create_person):
    client.log_in_with_form(create_person())
    assert client.get("/login").headers["Location"] == "/"


def test_password_is_stored_as_argon2id(app, create_person):
    person = create_person()
    with app.app_context():
        stored = app.extensions["sqlalchemy"].session.get(Person, person.id).password_hash
    assert stored.startswith("$argon2id$")
    assert person.password not in stored
