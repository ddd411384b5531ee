"""A person's own settings and password."""

from coalition.members.people.models import Person


def test_settings_are_saved(client, create_person, reload):
    person = create_person(name="Linh Nguyen")
    client.login(person)
    response = client.post_form(
        "/account",
        {
            "name": "Linh T. Nguyen",
            "email": "Linh.Nguyen@Example.org",
            "language": "es",
            "timezone": "America/Los_Angeles",
        },
    )
    assert response.status_code == 302
    saved = reload(Person, person.id)
    assert (saved.name, saved.email, saved.language, saved.timezone) == (
        "Linh T. Nguyen",
        "linh.nguyen@example.org",
        "es",
        "America/Los_Angeles",
    )


def test_settings_form_shows_current_values(client, create_person):
    person = create_person(name="Jamal Carter", timezone="America/New_York")
    client.login(person)
    page = client.get("/account").get_data(as_text=True)
    assert 'value="Jamal Carter"' in page
    assert '<option selected value="America/New_York">' in page


def test_email_of_another_account_is_refused_beside_the_field(client, create_person, reload):
    create_person(email="taken@example.org")
    person = create_person(name="Priya")
    client.login(person)
    response = client.post_form(
        "/account",
        {
            "name": "Priya N.",
            "email": "taken@example.org",
            "language": "",
            "timezone": "",
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="email-error"' in page and "Another account already uses this email." in page
    assert reload(Person, person.id).name == "Priya"


def test_unknown_time_zone_and_language_are_refused(client, create_person):
    client.login(create_person())
    response = client.post_form(
        "/account",
        {
            "name": "X",
            "email": "x@example.org",
            "language": "klingon",
            "timezone": "Mars/Base",
        },
    )
    page = response.get_data(as_text=True)
    assert 'id="language-error"' in page
    assert 'id="timezone-error"' in page


def _change(client, person, new, confirm=None, current=None):
    return client.post_form(
        "/account/password",
        {
            "current_password": current or person.password,
            "new_password": new,
            "confirm": confirm if confirm is not None else new,
        },
    )


def test_short_password_is_refused_with_our_message(client, create_person):
    person = create_person()
    client.login(person)
    page = _change(client, person, "a1b2c3").get_data(as_text=True)
    assert "Use at least 10 characters." in page


def test_guessable_password_is_refused_with_our_own_words(client, create_person):
    person = create_person()
    client.login(person)
    page = _change(client, person, "password1234").get_data(as_text=True)
    assert "This password is too easy to guess." in page
    # zxcvbn's own English hints are never shown.
    assert "This is a very common password" not in page
    assert "Add another word" not in page


def test_password_built_from_ones_own_name_is_refused(client, create_person):
    person = create_person(name="Marisol Vega", email="marisol@example.org")
    client.login(person)
    page = _change(client, person, "marisolvega1").get_data(as_text=True)
    assert "too easy to guess" in page


def test_guessable_password_message_is_translated(client, create_person):
    person = create_person(language="es")
    client.login(person)
    page = _change(client, person, "password1234").get_data(as_text=True)
    assert "This password is too easy to guess." not in page
    assert 'id="new_password-error"' in page


def test_mismatched_confirmation_is_refused(client, create_person):
    person = create_person()
    client.login(person)
    page = _change(client, person, "copper-meadow-saxophone", confirm="x").get_data(as_text=True)
    assert "The two passwords do not match." in page


def test_wrong_current_password_is_refused_and_nothing_changes(client, create_person):
    person = create_person()
    client.login(person)
    page = _change(client, person, "copper-meadow-saxophone", current="not-my-password").get_data(
        as_text=True
    )
    assert "Your current password is not correct." in page
    client.post_form("/logout")
    client.log_in_with_form(person)  # the old password still works


def test_a_password_made_of_ones_name_or_email_is_refused(client, create_person):
    person = create_person(name="Darnell Brooks", email="darnell.brooks@example.org")
    client.login(person)
    for weak in ("darnell brooks", "darnell.brooks@example.org", "Riverside Diversion 2026"):
        assert "too easy to guess" in _change(client, person, weak).get_data(as_text=True)


def test_a_password_too_long_gets_one_clear_message(client, create_person):
    person = create_person()
    client.login(person)
    page = _change(client, person, "x" * 300).get_data(as_text=True)
    assert "too easy to guess" not in page
    assert 'id="new_password-error"' in page


def test_the_language_switcher_ignores_other_forms_fields(client, create_coordinator):
    client.login(create_coordinator(language="es"))
    page = client.post_form("/accounts/invite", {"name": "", "email": "x", "language": "en"})
    html = page.get_data(as_text=True)
    assert '<option selected value="es">' in html.split('id="language-choice"')[1][:200]


def test_changing_the_email_warns_the_old_address(app, client, create_person):
    from coalition.core.extensions import db
    from coalition.outbox.models import OutboxEmail

    person = create_person(name="Linh", email="old@example.org")
    client.login(person)
    client.post_form(
        "/account", {"name": "Linh", "email": "new@example.org", "language": "", "timezone": ""}
    )
    with app.app_context():
        [notice] = db.session.scalars(db.select(OutboxEmail)).all()
        assert notice.to_address == "old@example.org" and notice.kind == "account_change"
        assert "new@example.org" in notice.text_body
