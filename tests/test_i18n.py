"""Spanish from day one: a complete catalogue, and the language each person chose."""

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "translations" / "es" / "LC_MESSAGES" / "messages.po"


def _extract(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-k",
            "_ln:1,2",
            "-k",
            "_lp:1c,2",
            # Babel skips folders starting with "_" unless told otherwise; extract them too.
            "--ignore-dirs=.* __pycache__",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as handle:
        return read_po(handle)


def _spanish():
    with CATALOGUE.open("rb") as handle:
        return read_po(handle)


def test_every_string_in_the_code_has_a_spanish_translation(tmp_path):
    extracted = _extract(tmp_path)
    spanish = _spanish()
    missing = [
        message.id
        for message in extracted
        if message.id and spanish.get(message.id, context=message.context) is None
    ]
    assert missing == [], "Run pybabel update and translate: " + repr(missing[:10])


def test_no_spanish_entry_is_empty_or_fuzzy():
    problems = []
    for message in _spanish():
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(message.id)
    assert problems == []


def test_placeholders_survive_translation():
    import re

    placeholder = re.compile(r"%\(\w+\)[sd]")
    for message in _spanish():
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        # Spanish's first plural form is the singular (n == 1): it keeps the English
        # singular's placeholders ("every week", not "every 1 weeks"); the others the plural's.
        for index, string in enumerate(strings):
            expected = set(placeholder.findall(ids[0] if index == 0 else ids[-1]))
            assert set(placeholder.findall(string)) == expected, message.id


def test_browser_language_is_followed_when_nothing_was_chosen(client):
    page = client.get("/login", headers={"Accept-Language": "es-MX,es;q=0.9"})
    html = page.get_data(as_text=True)
    assert '<html lang="es">' in html
    assert "Iniciar sesión" in html


def test_visitor_switches_language_without_an_account(client):
    response = client.post_form("/language", {"language": "es", "next": "/login"})
    assert response.headers["Location"] == "/login"
    html = client.get("/login", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="es">' in html


def test_account_language_wins_over_the_browser(client, create_person):
    client.login(create_person(language="es"))
    html = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="es">' in html


def test_switching_language_when_logged_in_is_saved_on_the_account(
    make_client, create_person, reload
):
    from coalition.members.people.models import Person

    person = create_person(language="en")
    laptop = make_client()
    laptop.login(person)
    laptop.post_form("/language", {"language": "es", "next": "/account"})
    assert reload(Person, person.id).language == "es"
    phone = make_client()
    phone.login(person)
    assert '<html lang="es">' in phone.get("/").get_data(as_text=True)


def test_switcher_refuses_unknown_languages_and_foreign_next(client):
    response = client.post_form("/language", {"language": "xx", "next": "https://evil.example"})
    assert response.headers["Location"] == "/"
    assert '<html lang="en">' in client.get("/login").get_data(as_text=True)


def test_flash_messages_and_errors_are_translated(client, create_person):
    person = create_person(language="es")
    client.login(person)
    response = client.post_form(
        "/account", {"name": "", "email": person.email, "language": "es", "timezone": ""}
    )
    html = response.get_data(as_text=True)
    assert "Enter your name." not in html
    assert 'id="name-error"' in html


def test_spanish_words_agree_with_what_they_describe(
    client, create_person, create_coordinator, create_committee, create_goal
):
    """A committee is "Activo", a goal past its date "Atrasada" (not "Activa", "Atrasado")."""
    from datetime import date

    committee = create_committee("Comité de vivienda")
    create_goal(committee, title="Formar a 40 agentes", target_date=date(2020, 1, 1))
    client.login(create_coordinator(language="es"))
    committees = client.get("/committees/").get_data(as_text=True)
    home = client.get(f"/committees/{committee.id}").get_data(as_text=True)
    board = client.get("/committees/goals/").get_data(as_text=True)
    assert "· Activo" in committees and "· Activo ·" in home
    assert "Atrasada" in board and "Atrasado" not in board
