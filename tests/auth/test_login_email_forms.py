"""An email typed with its accents decomposed (as some keyboards and systems send them)
is the same email as the one saved composed."""

import unicodedata


def test_an_email_with_decomposed_accents_logs_in(client, create_person):
    person = create_person(email="ana@ñandú.example.org")
    typed = unicodedata.normalize("NFD", "Ana@ÑANDÚ.Example.org")
    response = client.post_form("/login", {"email": typed, "password": person.password})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
