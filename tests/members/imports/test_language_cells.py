"""Language cells in imported files are read as people write them: without accents, with a
region (es-MX, es_ES, English (US)), by another name (Castellano) or in the language itself."""

import pytest

from coalition.core.extensions import db
from coalition.members.organizations.models import Organization
from coalition.members.people.models import Person
from tests.members.imports.test_import import _csv, _latest_batch, _map, _run, _upload


@pytest.fixture
def coordinator_client(client, create_coordinator):
    client.login(create_coordinator(name="Marisol Vega"))
    return client


def _row_message(html, row):
    start = html.index(f'<th scope="row">{row}</th>')
    return html[start : start + 400]


def test_an_organizations_file_reads_the_email_language_as_people_write_it(coordinator_client, app):
    """Spanish and English as written in real sheets are accepted; a word that is no language
    and a language the coalition does not write email in get different messages."""
    cells = ["Espanol", "ingles", "Castellano", "es-MX", "es_ES", "en-US", "English (US)"]
    rows = [f"Org {index},org{index}@example.org,{cell}" for index, cell in enumerate(cells)]
    data = _csv(
        [*rows, "Typo House,typo@example.org,Englsh", "Haus Berlin,haus@example.org,German"],
        header="Name,Contact email,Language for email to the contact address",
    )
    _upload(coordinator_client, data, "orgs.csv", kind="organizations")
    batch = _latest_batch(app)
    _map(coordinator_client, batch, "name", "contact_email", "email_language")
    html = coordinator_client.get(f"/members/import/{batch.id}").get_data(as_text=True)
    assert "2 rows have problems" in html
    assert (
        "\u201cEnglsh\u201d is not a language we recognize; write its name (for example"
        " Español) or its code (es)." in _row_message(html, "Row 9")
    )
    assert "The coalition does not write email in \u201cGerman\u201d; write one of English," in (
        _row_message(html, "Row 10")
    )

    fixed = _csv(rows, header="Name,Contact email,Language for email to the contact address")
    _upload(coordinator_client, fixed, "orgs.csv", kind="organizations")
    batch = _latest_batch(app)
    _map(coordinator_client, batch, "name", "contact_email", "email_language")
    _run(coordinator_client, batch)
    with app.app_context():
        saved = dict(db.session.execute(db.select(Organization.name, Organization.language)).all())
    assert saved == {
        "Org 0": "es",
        "Org 1": "en",
        "Org 2": "es",
        "Org 3": "es",
        "Org 4": "es",
        "Org 5": "en",
        "Org 6": "en",
    }


def test_a_people_file_reads_languages_spoken_and_preferred_as_people_write_them(
    coordinator_client, app
):
    """Languages spoken and the preferred language accept the same spellings; a word that is
    no language on the list is still refused."""
    rows = [
        "Ana Torres,Espanol; ingles,es_ES",
        "Bo Chen,Chinese (Mandarin) / en-US,English (US)",
        "Chi Nguyen,Tiếng Việt,Castellano",
        "Dee Paul,Kreyòl Ayisyen,ASL",
    ]
    data = _csv([*rows, "Odd Olga,Klingon,"], header="Name,Languages spoken,Preferred language")
    _upload(coordinator_client, data)
    batch = _latest_batch(app)
    _map(coordinator_client, batch, "name", "languages", "preferred_language")
    html = coordinator_client.get(f"/members/import/{batch.id}").get_data(as_text=True)
    assert "1 row has problems" in html
    assert "\u201cKlingon\u201d is not a language on the list." in _row_message(html, "Row 6")

    _upload(coordinator_client, _csv(rows, header="Name,Languages spoken,Preferred language"))
    batch = _latest_batch(app)
    _map(coordinator_client, batch, "name", "languages", "preferred_language")
    _run(coordinator_client, batch)
    with app.app_context():
        people = db.session.scalars(db.select(Person).where(Person.name != "Marisol Vega"))
        saved = {p.name: (sorted(p.language_codes), p.preferred_language) for p in people}
    assert saved == {
        "Ana Torres": (["en", "es"], "es"),
        "Bo Chen": (["en", "zh"], "en"),
        "Chi Nguyen": (["vi"], "es"),
        "Dee Paul": (["ht"], "ase"),
    }
