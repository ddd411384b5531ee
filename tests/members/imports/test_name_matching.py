"""Imports match names and emails with letters beyond ASCII the way people read them:
capitals, "ß" and "SS", composed and decomposed accents, extra spaces."""

import unicodedata

import pytest

from coalition.core.extensions import db
from coalition.members.imports.models import ImportRow
from coalition.members.organizations.models import Affiliation, Organization
from coalition.members.people.models import Person
from tests.members.imports.test_import import _count, _csv, _latest_batch, _map, _run, _upload

DECOMPOSED = unicodedata.normalize("NFD", "Ámbito Latino")


@pytest.fixture
def coordinator_client(client, create_coordinator):
    client.login(create_coordinator(name="Marisol Vega"))
    return client


@pytest.fixture
def two_organizations(create_organization):
    return create_organization("Ámbito Latino"), create_organization("Straße Project")


def _preview(client, batch):
    page = client.get(f"/members/import/{batch.id}").get_data(as_text=True)
    return " ".join(page.split())


def _organizations_file(client, app, *names):
    _upload(client, _csv(names, header="Name"), "orgs.csv", kind="organizations")
    batch = _latest_batch(app)
    _map(client, batch, "name")
    return batch


def test_people_link_to_organizations_written_in_any_case_or_form(
    coordinator_client, app, two_organizations
):
    ambito, strasse = two_organizations
    rows = [
        "A One,a1@x.org,Ámbito Latino",
        "B Two,b2@x.org,Straße Project",
        "C Three,c3@x.org,ÁMBITO LATINO",
        "D Four,d4@x.org,STRASSE PROJECT",
        f"E Five,e5@x.org,{DECOMPOSED}",
        "F Six,f6@x.org,  ámbito   latino ",
    ]
    _upload(coordinator_client, _csv(rows, header="Name,Email,Organization"))
    batch = _latest_batch(app)
    _map(coordinator_client, batch, "name", "email", "organization")
    page = _preview(coordinator_client, batch)
    assert "No organization called" not in page
    assert "0 rows have problems" in page and "6 rows are new" in page
    _run(coordinator_client, batch)
    with app.app_context():
        linked = db.session.execute(
            db.select(Person.name, Affiliation.organization_id).join(Affiliation.person)
        ).all()
    expected = [ambito.id, strasse.id, ambito.id, strasse.id, ambito.id, ambito.id]
    assert sorted(linked) == sorted(
        zip(["A One", "B Two", "C Three", "D Four", "E Five", "F Six"], expected, strict=True)
    )


@pytest.mark.parametrize(
    "written", ["Ámbito Latino", "ÁMBITO LATINO", DECOMPOSED, "STRASSE PROJECT", "straße project"]
)
def test_an_organization_written_differently_matches_the_one_in_the_coalition(
    coordinator_client, app, two_organizations, written
):
    batch = _organizations_file(coordinator_client, app, written)
    page = _preview(coordinator_client, batch)
    assert "1 row matches a record already in the coalition" in page
    assert "0 rows are new" in page
    response = _run(coordinator_client, batch, existing="update")
    assert response.status_code == 302
    assert _count(app, Organization) == 2


def test_one_organization_written_twice_in_a_file_is_reported(
    coordinator_client, app, two_organizations
):
    batch = _organizations_file(
        coordinator_client, app, "Straße Project", "Nuevo Ñandú", "STRASSE PROJECT"
    )
    page = _preview(coordinator_client, batch)
    assert "Name \u201cSTRASSE PROJECT\u201d is also in row 2." in page


def test_people_match_by_email_with_accents_in_any_case_or_form(
    coordinator_client, app, create_person, reload
):
    josé = create_person(name="José Old", email="josé@example.org")
    decomposed = unicodedata.normalize("NFD", "JOSÉ@EXAMPLE.ORG")
    _upload(coordinator_client, _csv([f"José New,{decomposed}"]))
    batch = _latest_batch(app)
    _map(coordinator_client, batch, "name", "email")
    assert "1 row matches a record already in the coalition" in _preview(coordinator_client, batch)
    _run(coordinator_client, batch, existing="update")
    assert reload(Person, josé.id).name == "José New"
    assert reload(Person, josé.id).email == "josé@example.org"
    assert _count(app, Person) == 2


def test_two_organizations_told_apart_only_by_capitals_are_reported_not_guessed(
    coordinator_client, app, create_organization
):
    create_organization("Haven House")
    create_organization("HAVEN HOUSE")  # saved before names were compared this way
    batch = _organizations_file(coordinator_client, app, "haven house")
    assert "Name \u201chaven house\u201d matches more than one record" in _preview(
        coordinator_client, batch
    )
    _upload(coordinator_client, _csv(["Pat,pat@x.org,Haven House"], "Name,Email,Organization"))
    batch = _latest_batch(app)
    _map(coordinator_client, batch, "name", "email", "organization")
    assert "More than one organization in the coalition is called \u201cHaven House\u201d" in (
        _preview(coordinator_client, batch)
    )


def test_a_sector_named_twice_in_one_cell_is_linked_once(coordinator_client, app):
    _upload(
        coordinator_client,
        _csv(["Haven,Harm reduction; HARM REDUCTION"], header="Name,Sectors"),
        "orgs.csv",
        kind="organizations",
    )
    batch = _latest_batch(app)
    _map(coordinator_client, batch, "name", "sectors")
    assert _run(coordinator_client, batch).status_code == 302
    with app.app_context():
        haven = db.session.scalar(db.select(Organization).filter_by(name="Haven"))
        assert [sector.key for sector in haven.sectors] == ["harm-reduction"]


def test_a_name_taken_while_importing_is_reported_not_a_server_error(
    coordinator_client, app, two_organizations, monkeypatch
):
    """Another session adds the name between this import's check and its writing: the
    import stops, checks the file again, and says so."""
    from coalition.members.imports import services

    batch = _organizations_file(coordinator_client, app, "Ámbito Latino", "Nuevo Ñandú")
    real_context = services._context
    calls = []

    def stale_then_real(batch):
        context = real_context(batch)
        calls.append(1)
        if len(calls) == 1:  # the check inside the import misses the existing one
            context.existing.clear()
        return context

    monkeypatch.setattr(services, "_context", stale_then_real)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = _run(coordinator_client, batch)
    assert response.status_code == 302
    page = _preview(coordinator_client, batch)
    assert "Nothing was imported: records were added to the coalition while you imported" in page
    assert "1 row matches a record already in the coalition" in page
    assert _count(app, Organization) == 2
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(ImportRow)) == 2


def test_words_in_the_file_are_read_with_decomposed_accents(coordinator_client, app):
    spanish, yes = (unicodedata.normalize("NFD", word) for word in ("ESPAÑOL", "Sí"))
    _upload(
        coordinator_client,
        _csv([f"Ana Ruiz,ana@x.org,{spanish},{yes}"], header="Name,Email,Language,Directory"),
    )
    batch = _latest_batch(app)
    _map(coordinator_client, batch, "name", "email", "preferred_language", "directory_consent")
    assert "0 rows have problems" in _preview(coordinator_client, batch)
    _run(coordinator_client, batch)
    with app.app_context():
        ana = db.session.scalar(db.select(Person).filter_by(name="Ana Ruiz"))
        assert (ana.preferred_language, ana.directory_consent) == ("es", True)
