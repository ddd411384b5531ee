"""Language versions out of date since a revision of the original, with its diff, until
saved up to date; the language check's flags on the draft page in both languages."""

import pytest

from coalition.core.extensions import db
from tests.messaging.conftest import base_revision


@pytest.fixture
def starting_list(app):
    """The starting list of terms, as a fresh install loads it."""
    from coalition.messaging.language import services

    with app.app_context():
        services.ensure_starting_terms()
        db.session.commit()


def _new_version(client, draft_id, language="es", title="Puntos para el concejo"):
    return client.post_form(
        f"/messaging/{draft_id}/translations",
        {"translation-language": language, "translation-title": title},
    )


def _version_id(response):
    return int(response.headers["Location"].rstrip("/").split("/")[-2])


def test_a_translation_is_out_of_date_until_saved_against_the_new_revision(
    client, create_person, create_draft, save_text
):
    wren = create_person(name="Wren Writer")
    draft_id = create_draft(wren, text="We ask for care.")
    client.login(wren)
    response = _new_version(client, draft_id)
    assert response.status_code == 302
    version = _version_id(response)
    assert "Up to date" in client.get(f"/messaging/{version}").get_data(as_text=True)

    save_text(draft_id, wren, "We ask for care and housing.")
    page = client.get(f"/messaging/{version}").get_data(as_text=True)
    assert "Out of date since revision 2 of the original" in page
    assert "<ins" in page and "housing" in page
    original = client.get(f"/messaging/{draft_id}").get_data(as_text=True)
    assert "Out of date since revision 2" in original

    edit = client.get(f"/messaging/{version}/edit").get_data(as_text=True)
    response = client.post_form(
        f"/messaging/{version}/edit",
        {
            "text": "Pedimos cuidado y vivienda.",
            "base_revision": base_revision(edit),
            "source_revision": "2",
            "synced": "y",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/messaging/{version}").get_data(as_text=True)
    assert "Out of date" not in page and "Follows revision 2 of the original." in page


def test_a_second_version_in_one_language_is_refused(client, create_person, create_draft):
    wren = create_person(name="Wren Writer")
    draft_id = create_draft(wren)
    client.login(wren)
    _new_version(client, draft_id)
    assert _new_version(client, draft_id).status_code == 400
    assert _new_version(client, draft_id, language="en").status_code == 400


def test_the_draft_page_flags_terms_beside_their_passages_with_context_rules(
    client, create_person, create_draft, starting_list
):
    wren = create_person(name="Wren Writer")
    flagged = create_draft(wren, text="Our outreach team met three junkies downtown.")
    excluded = create_draft(wren, text="The app users asked for a bigger font.")
    spanish = create_draft(
        wren, text="El programa ayuda a los drogadictos del barrio.", language="es"
    )
    client.login(wren)
    page = client.get(f"/messaging/{flagged}").get_data(as_text=True)
    assert "1 flag" in page and "<mark>junkies</mark>" in page
    assert "person who uses drugs" in page
    page = client.get(f"/messaging/{excluded}").get_data(as_text=True)
    assert "Checked: no flags." in page
    page = client.get(f"/messaging/{spanish}").get_data(as_text=True)
    assert "<mark>drogadictos</mark>" in page and "persona que usa drogas" in page
    review = client.get(f"/messaging/{flagged}/review").get_data(as_text=True)
    assert "Language check: 1 flag" in review
