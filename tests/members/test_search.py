"""Searching people and organizations ignores case and accents on both databases: "jose"
finds "José", "ÁMBITO" and "ambito" find "Ámbito", whatever wrote the name (forms, renames,
imports)."""

import io

from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from coalition.core.extensions import db
from coalition.members.imports.models import ImportBatch

PEOPLE = ("José Ramírez", "Nguyễn Thị Lan", "Marta Peña", "Jo Seward")
ORGANIZATIONS = ("Ámbito Latino", "Alpha Shelter", "Bamboo Collective", "100% Recovery", "Room_One")


def _found(client, url, candidates, **query):
    html = client.get(url, query_string=query).get_data(as_text=True)
    return sorted((name for name in candidates if name in html), key=html.index)


def test_people_are_found_whatever_the_case_and_accents_typed(client, create_person):
    for name in PEOPLE:
        create_person(name=name)
    client.login(create_person(name="Zz Viewer"))

    def names(q):
        return _found(client, "/members/", PEOPLE, q=q)

    assert names("jose") == ["José Ramírez"]
    assert names("JOSÉ RAMIREZ") == ["José Ramírez"]
    assert names("nguyen") == ["Nguyễn Thị Lan"]
    assert names("thi lan") == ["Nguyễn Thị Lan"]
    assert names("pena") == names("peña") == ["Marta Peña"]
    assert names("%") == names("_") == []  # LIKE's wildcards are taken literally


def test_organizations_are_found_whatever_the_case_and_accents_typed(
    client, create_person, create_organization
):
    for name in ORGANIZATIONS:
        create_organization(name)
    client.login(create_person())

    def names(**query):
        return _found(client, "/members/organizations/", ORGANIZATIONS, **query)

    assert names(q="ÁMBITO") == names(q="ámbito") == names(q="ambito") == ["Ámbito Latino"]
    assert names(q="%") == ["100% Recovery"]
    assert names(q="m_o") == ["Room_One"]  # not "Bamboo Collective"
    # Sorted by the same key: "Ámbito" among the a's on both databases, not after the z's.
    assert names(sort="name")[:3] == ["100% Recovery", "Alpha Shelter", "Ámbito Latino"]


def test_a_renamed_organization_is_found_by_its_new_name(
    client, create_coordinator, create_organization
):
    organization = create_organization("Haven House")
    client.login(create_coordinator())
    response = client.post_form(
        f"/members/organizations/{organization.id}/edit",
        {"name": "Casa Ámbito", "description": "", "version": "1", "owner_id": ""},
    )
    assert response.status_code == 302

    def names(q):
        return _found(client, "/members/organizations/", ("Casa Ámbito", "Haven House"), q=q)

    assert names("casa ambito") == ["Casa Ámbito"]
    assert names("haven") == []


def _import(client, app, kind, csv_text, *fields):
    url = "/members/import/"
    form = {
        "csrf_token": client.csrf_token(url),
        "kind": kind,
        "file": FileStorage(io.BytesIO(csv_text.encode()), f"{kind}.csv"),
    }
    boundary, body = encode_multipart(MultiDict(form))
    client.post(url, data=body, content_type=f"multipart/form-data; boundary={boundary}")
    with app.app_context():
        batch_id = db.session.scalar(db.select(ImportBatch.id).order_by(ImportBatch.id.desc()))
    mapping = {f"column_{index}": name for index, name in enumerate(fields)}
    client.post_form(f"/members/import/{batch_id}/columns", mapping)
    return client.post_form(f"/members/import/{batch_id}/run", {"existing": "update"})


def test_imported_and_import_updated_records_are_found_without_accents(
    client, app, create_coordinator, create_person
):
    create_person(name="Ella Old", email="ella@example.org")
    client.login(create_coordinator())
    people = "Name,Email\nJosé Núñez,jose@example.org\nÉlla Nueva,ella@example.org\n"
    assert _import(client, app, "people", people, "name", "email").status_code == 302
    organizations = "Organization\nÁmbito Latino\n"
    assert _import(client, app, "organizations", organizations, "name").status_code == 302

    def found(url, candidates, q):
        return _found(client, url, candidates, q=q)

    assert found("/members/", ("José Núñez",), "jose nunez") == ["José Núñez"]
    assert found("/members/", ("Élla Nueva", "Ella Old"), "ella nueva") == ["Élla Nueva"]
    assert found("/members/organizations/", ("Ámbito Latino",), "AMBITO") == ["Ámbito Latino"]
