"""Sessions end on logout, logout everywhere, password change, role change and deactivation."""

import pytest

from coalition.members.people.models import Person


def _logged_in(client):
    return client.get("/account").status_code == 200


def test_logout_ends_this_session(client, create_person):
    client.log_in_with_form(create_person())
    response = client.post_form("/logout")
    assert response.headers["Location"] == "/login"
    assert not _logged_in(client)


def test_logout_is_refused_without_csrf_token(client, create_person):
    client.log_in_with_form(create_person())
    assert client.post("/logout").status_code == 400
    assert _logged_in(client)


def test_logout_everywhere_ends_every_session(make_client, create_person):
    person = create_person()
    laptop, phone = make_client(), make_client()
    laptop.log_in_with_form(person)
    phone.log_in_with_form(person)
    laptop.post_form("/logout-everywhere")
    assert not _logged_in(laptop)
    assert not _logged_in(phone)
    # A fresh login works again afterwards.
    phone.log_in_with_form(person)
    assert _logged_in(phone)


def test_password_change_keeps_this_device_and_ends_the_others(make_client, create_person):
    person = create_person()
    laptop, phone = make_client(), make_client()
    laptop.log_in_with_form(person)
    phone.log_in_with_form(person)
    response = laptop.post_form(
        "/account/password",
        {
            "current_password": person.password,
            "new_password": "copper-meadow-saxophone",
            "confirm": "copper-meadow-saxophone",
        },
    )
    assert response.status_code == 302
    assert _logged_in(laptop)
    assert not _logged_in(phone)
    phone.log_in_with_form(person, password="copper-meadow-saxophone")


def test_role_change_ends_the_persons_sessions(make_client, create_coordinator, create_person):
    coordinator = create_coordinator()
    member = create_person()
    admin, member_browser = make_client(), make_client()
    admin.log_in_with_form(coordinator)
    member_browser.log_in_with_form(member)
    admin.post_form(f"/accounts/{member.id}/role", {"role": "coordinator"})
    assert not _logged_in(member_browser)
    member_browser.log_in_with_form(member)
    assert member_browser.get("/accounts").status_code == 200


def test_deactivation_ends_the_persons_sessions(make_client, create_coordinator, create_person):
    coordinator = create_coordinator()
    member = create_person()
    admin, member_browser = make_client(), make_client()
    admin.log_in_with_form(coordinator)
    member_browser.log_in_with_form(member)
    admin.post_form(f"/accounts/{member.id}/deactivate")
    assert not _logged_in(member_browser)


def test_a_tampered_session_generation_is_not_accepted(app, client, create_person):
    person = create_person()
    client.log_in_with_form(person)
    with client.session_transaction() as session:
        _id, _generation, key = session["_user_id"].split(":")
        session["_user_id"] = f"{person.id}:999:{key}"
    assert not _logged_in(client)


def _cookie(client):
    return client.get_cookie("session").value


def _with_cookie(make_client, value):
    copy = make_client()
    copy.set_cookie("session", value)
    return copy


def test_a_copy_of_the_session_cookie_stops_working_after_logout(make_client, create_person):
    person = create_person()
    laptop = make_client()
    laptop.log_in_with_form(person)
    stolen = _cookie(laptop)
    assert _logged_in(_with_cookie(make_client, stolen))
    laptop.post_form("/logout")
    assert not _logged_in(_with_cookie(make_client, stolen))


def test_logout_ends_this_device_only(make_client, create_person):
    person = create_person()
    laptop, phone = make_client(), make_client()
    laptop.log_in_with_form(person)
    phone.log_in_with_form(person)
    laptop.post_form("/logout")
    assert not _logged_in(laptop)
    assert _logged_in(phone)


@pytest.mark.parametrize(
    "identity",
    [
        "{id}:{generation}",
        "{id}:{generation}:",
        "{id}:{generation}:forged-key",
        "{id}:x:{key}",
        "{id}:{generation}:{key}:extra",
        "99999999999:{generation}:{key}",
    ],
)
def test_an_identity_without_a_live_session_key_is_not_accepted(client, create_person, identity):
    person = create_person()
    client.log_in_with_form(person)
    with client.session_transaction() as session:
        _id, _generation, key = session["_user_id"].split(":")
        session["_user_id"] = identity.format(id=person.id, generation=_generation, key=key)
    assert not _logged_in(client)


def test_session_cookie_is_httponly_and_samesite_lax(client, create_person):
    response = client.log_in_with_form(create_person())
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_session_generation_is_bumped_in_the_database(app, client, create_person, reload):
    person = create_person()
    client.log_in_with_form(person)
    client.post_form("/logout-everywhere")
    assert reload(Person, person.id).session_generation == person.session_generation + 1


def test_the_tests_log_in_through_the_session_as_a_login_would(make_client, create_person):
    person = create_person()
    fast = make_client()
    fast.login(person)
    assert _logged_in(fast)
    fast.post_form("/logout")
    assert not _logged_in(fast)
