"""A committee's name is its own: another written with other capitals, "ß" as "SS" or
decomposed accents is refused beside the field."""

import unicodedata

import pytest

from coalition.committees.models import Committee
from coalition.core.extensions import db


@pytest.mark.parametrize(
    "typed",
    [
        "comité de vivienda",
        unicodedata.normalize("NFD", "COMITÉ DE VIVIENDA"),
        "Comité  de Vivienda ",
    ],
)
def test_a_committee_name_taken_in_another_form_is_refused(
    client, app, create_coordinator, create_committee, typed
):
    create_committee("Comité de Vivienda")
    client.login(create_coordinator())
    response = client.post_form(
        "/committees/new", {"name": typed, "kind": "working", "open_to_requests": "y"}
    )
    assert response.status_code == 200
    assert "Another committee already has this name." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Committee)) == 1


def test_renaming_a_committee_to_its_own_name_in_capitals_is_saved(
    client, create_coordinator, create_committee, reload
):
    committee = create_committee("Straße Outreach")
    client.login(create_coordinator())
    response = client.post_form(
        f"/committees/{committee.id}/edit",
        {"name": "STRASSE OUTREACH", "kind": "working", "version": str(committee.version)},
    )
    assert response.status_code == 302
    assert reload(Committee, committee.id).name == "STRASSE OUTREACH"
