"""Lists of languages read in the reader's alphabetical order: in Spanish "Árabe" comes first,
not after "Vietnamita" as a plain sort of the accented text put it."""

import re
import unicodedata

from flask_babel import force_locale

from coalition.web.i18n import sorted_by_name

OPTION = re.compile(r'<option[^>]*value="([a-z]+)"[^>]*>([^<]+)</option>')


def _plain(text):
    """The name without accents, as a reader alphabetizes it (an oracle apart from pyuca)."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _language_options(html, field="language"):
    """The languages a select offers (the header's language switcher is another select)."""
    select = re.search(rf'<select[^>]*id="{field}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [name for _code, name in OPTION.findall(select)]


def test_the_directorys_language_filter_is_in_spanish_alphabetical_order(
    client, create_coordinator
):
    client.login(create_coordinator(language="es"))
    names = _language_options(client.get("/members/").get_data(as_text=True))
    assert names[0] == "Árabe"
    assert names == sorted(names, key=lambda name: _plain(name).casefold())


def test_a_persons_preferred_language_choices_are_in_the_readers_order(client, create_person):
    person = create_person(language="es")
    client.login(person)
    html = client.get(f"/members/people/{person.id}/edit").get_data(as_text=True)
    names = _language_options(html, "preferred_language")
    assert names[:2] == ["Árabe", "Chino"]
    assert names == sorted(names, key=lambda name: _plain(name).casefold())


def test_the_languages_a_person_speaks_are_listed_in_the_readers_order(
    client, create_coordinator, create_person
):
    client.login(create_coordinator(language="es"))
    speaker = create_person(name="Rosa Delgado", languages=("es", "vi", "ar", "en"))
    for page in (f"/members/people/{speaker.id}", "/members/"):
        assert "Árabe, Español, Inglés, Vietnamita" in client.get(page).get_data(as_text=True)


def test_spanish_puts_n_with_tilde_after_n_and_english_does_not(app):
    with app.test_request_context():
        with force_locale("es"):
            assert sorted_by_name(["Ñandú", "Nube", "Oso", "Árbol"]) == [
                "Árbol",
                "Nube",
                "Ñandú",
                "Oso",
            ]
        with force_locale("en"):
            assert sorted_by_name(["Ñandú", "Nube", "Oso", "Árbol"]) == [
                "Árbol",
                "Ñandú",
                "Nube",
                "Oso",
            ]


def test_a_sector_written_with_an_accent_sorts_among_its_letter(app, client, create_coordinator):
    from coalition.core.extensions import db
    from coalition.members.sectors import Sector

    with app.app_context():
        db.session.add(Sector(name="Ámbito comunitario", target_active=1))
        db.session.commit()
    client.login(create_coordinator(language="es"))
    html = client.get("/members/").get_data(as_text=True)
    select = re.search(r'<select[^>]*id="sector"[^>]*>(.*?)</select>', html, re.S).group(1)
    names = [name for _value, name in re.findall(r'value="(\d+)"[^>]*>([^<]+)<', select)]
    assert names[:3] == [
        "Acceso a alimentos",
        "Ámbito comunitario",
        "Atención médica (clínicas, hospitales)",
    ]
    assert names == sorted(names, key=lambda name: _plain(name).casefold())
