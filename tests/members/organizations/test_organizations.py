"""Partner organizations: profiles, delegates, commitments and concurrent edits."""

import unicodedata

import pytest

from coalition.core.extensions import db
from coalition.members.organizations.models import Affiliation, Organization, StatusChange
from coalition.members.sectors import Sector


def _sector_id(app, key):
    with app.app_context():
        return db.session.scalar(db.select(Sector.id).filter_by(key=key))


def _profile(**changes):
    data = {
        "name": "Haven House",
        "description": "Emergency shelter.",
        "website": "https://haven.example.org",
        "contact_email": "Info@Haven.example.org",
        "languages": ["en", "es"],
        "communities_served": "Unhoused adults",
        "owner_id": "",
        "version": "1",
    }
    data.update(changes)
    return data


def test_a_coordinator_adds_a_prospect_with_its_first_stage(client, create_coordinator, app):
    coordinator = create_coordinator()
    client.login(coordinator)
    housing = _sector_id(app, "housing")
    response = client.post_form(
        "/members/organizations/new",
        _profile(
            status="identified",
            sectors=[str(housing)],
            owner_id=str(coordinator.id),
            follow_up_on="2026-12-01",
        ),
    )
    assert response.status_code == 302
    with app.app_context():
        organization = db.session.scalar(db.select(Organization))
        assert organization.name == "Haven House" and organization.status == "identified"
        assert organization.contact_email == "info@haven.example.org"
        assert [s.key for s in organization.sectors] == ["housing"]
        assert organization.language_codes == ["en", "es"]
        assert organization.owner_id == coordinator.id
        change = db.session.scalar(db.select(StatusChange))
        assert (change.from_status, change.to_status, change.changed_by_id) == (
            None,
            "identified",
            coordinator.id,
        )
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Haven House" in page and "Housing and homelessness services" in page


def test_names_are_unique_ignoring_case(client, create_coordinator, create_organization):
    create_organization("Haven House")
    client.login(create_coordinator())
    response = client.post_form(
        "/members/organizations/new", _profile(name="haven house", status="identified")
    )
    assert "Another organization already has this name." in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("saved", "typed"),
    [
        ("Ámbito Latino", "ámbito latino"),
        ("Ámbito Latino", unicodedata.normalize("NFD", "ÁMBITO  LATINO")),
        ("Straße Project", "STRASSE PROJECT"),
    ],
)
def test_names_are_unique_beyond_ascii(
    client, create_coordinator, create_organization, saved, typed
):
    create_organization(saved)
    client.login(create_coordinator())
    response = client.post_form(
        "/members/organizations/new", _profile(name=typed, status="identified")
    )
    assert "Another organization already has this name." in response.get_data(as_text=True)
    assert response.status_code == 200


def test_only_web_addresses_become_links(client, create_coordinator, create_organization):
    organization = create_organization()
    client.login(create_coordinator())
    response = client.post_form(
        f"/members/organizations/{organization.id}/edit",
        _profile(website="javascript:alert(1)"),
    )
    assert 'id="website-error"' in response.get_data(as_text=True)


def test_a_delegate_edits_their_organizations_profile_but_not_its_sectors_or_owner(
    client, create_person, create_organization, link_person, app, reload
):
    delegate = create_person(name="Darnell Brooks")
    organization = create_organization("Second Chance", sectors=["reentry"])
    link_person(delegate, organization, "primary")
    client.login(delegate)
    form = client.get(f"/members/organizations/{organization.id}/edit").get_data(as_text=True)
    assert 'name="sectors"' not in form and 'name="owner_id"' not in form
    response = client.post_form(
        f"/members/organizations/{organization.id}/edit",
        _profile(
            name="Second Chance Collaborative",
            sectors=[str(_sector_id(app, "faith"))],
            owner_id=str(delegate.id),
        ),
    )
    assert response.status_code == 302
    with app.app_context():
        saved = db.session.get(Organization, organization.id)
        assert saved.name == "Second Chance Collaborative"
        assert [s.key for s in saved.sectors] == ["reentry"]
        assert saved.owner_id is None


def test_alternates_edit_and_staff_do_not(
    make_client, create_person, create_organization, link_person
):
    organization = create_organization()
    alternate, staff = create_person(), create_person()
    link_person(alternate, organization, "alternate")
    link_person(staff, organization, "staff")
    alternate_client, staff_client = make_client(), make_client()
    alternate_client.login(alternate)
    staff_client.login(staff)
    url = f"/members/organizations/{organization.id}/edit"
    assert alternate_client.get(url).status_code == 200
    assert staff_client.get(url).status_code == 403
    page = staff_client.get(f"/members/organizations/{organization.id}").get_data(as_text=True)
    assert "Edit profile" not in page and "Record a commitment" not in page


def test_two_coordinators_editing_one_organization_the_second_is_refused(
    make_client, create_coordinator, create_organization, reload
):
    organization = create_organization("Haven House", description="Shelter")
    marisol, kevin = make_client(), make_client()
    marisol.login(create_coordinator(name="Marisol"))
    kevin.login(create_coordinator(name="Kevin"))
    url = f"/members/organizations/{organization.id}/edit"
    assert 'value="1"' in marisol.get(url).get_data(as_text=True)
    assert 'value="1"' in kevin.get(url).get_data(as_text=True)

    first = marisol.post_form(url, _profile(description="Shelter with 40 beds"))
    assert first.status_code == 302
    second = kevin.post_form(url, _profile(description="Shelter and rapid rehousing"))

    html = second.get_data(as_text=True)
    assert second.status_code == 409
    assert "Someone saved this while you were editing" in html
    assert "Shelter with 40 beds" in html and "Shelter and rapid rehousing" in html
    assert "Different" in html
    assert reload(Organization, organization.id).description == "Shelter with 40 beds"
    # Kevin saw both; saving again now is a deliberate choice and succeeds.
    again = kevin.post_form(url, _profile(description="Shelter and rapid rehousing", version="2"))
    assert again.status_code == 302
    assert reload(Organization, organization.id).description == "Shelter and rapid rehousing"


def test_adding_a_primary_delegate_makes_the_former_one_an_alternate(
    client, create_coordinator, create_person, create_organization, link_person, app
):
    organization = create_organization()
    former = create_person()
    link_person(former, organization, "primary")
    newcomer = create_person(email="director@haven.example.org")
    client.login(create_coordinator())
    response = client.post_form(
        f"/members/organizations/{organization.id}/people",
        {"email": "Director@Haven.example.org", "role": "primary"},
    )
    assert response.status_code == 302
    with app.app_context():
        roles = dict(
            db.session.execute(
                db.select(Affiliation.person_id, Affiliation.role).filter_by(
                    organization_id=organization.id
                )
            ).all()
        )
    assert roles == {former.id: "alternate", newcomer.id: "primary"}


def test_linking_an_unknown_email_says_so_beside_the_field(
    client, create_coordinator, create_organization
):
    organization = create_organization()
    client.login(create_coordinator())
    response = client.post_form(
        f"/members/organizations/{organization.id}/people",
        {"email": "nobody@example.org", "role": "staff"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="email-error"' in html and "Add the person first." in html


def test_a_delegate_records_and_removes_commitments(
    client, create_person, create_organization, link_person, app
):
    delegate = create_person()
    organization = create_organization()
    link_person(delegate, organization, "primary")
    client.login(delegate)
    response = client.post_form(
        f"/members/organizations/{organization.id}/commitments",
        {"text": "Two case managers for referrals", "committed_on": "2026-06-01"},
    )
    assert response.status_code == 302
    page = client.get(f"/members/organizations/{organization.id}").get_data(as_text=True)
    assert "Two case managers for referrals" in page
    with app.app_context():
        commitment_id = db.session.get(Organization, organization.id).commitments[0].id
    client.post_form(f"/members/organizations/{organization.id}/commitments/{commitment_id}/remove")
    page = client.get(f"/members/organizations/{organization.id}").get_data(as_text=True)
    assert "Two case managers for referrals" not in page


def test_a_commitment_is_reached_only_through_its_own_organization(
    client, create_person, create_organization, link_person, create_commitment
):
    delegate = create_person()
    mine, theirs = create_organization(), create_organization()
    link_person(delegate, mine, "primary")
    commitment = create_commitment(theirs)
    client.login(delegate)
    response = client.post_form(
        f"/members/organizations/{mine.id}/commitments/{commitment.id}/remove"
    )
    assert response.status_code == 404


def test_the_profile_lists_people_with_their_roles(
    client, create_person, create_organization, link_person
):
    organization = create_organization()
    link_person(create_person(name="Darnell Brooks"), organization, "primary")
    link_person(create_person(name="Jamal Carter"), organization, "staff")
    client.login(create_person())
    html = client.get(f"/members/organizations/{organization.id}").get_data(as_text=True)
    assert "Darnell Brooks" in html and "Primary delegate" in html
    assert "Jamal Carter" in html and "Staff" in html


def test_the_directory_filters_by_sector_stage_and_language_and_sorts(
    client, create_person, create_organization
):
    create_organization("Alpha Shelter", sectors=["housing"], status="active", languages=["es"])
    create_organization("Beta Church", sectors=["faith"], status="contacted", languages=["en"])
    create_organization("Gamma Clinic", sectors=["health-care"], status="active")
    client.login(create_person())
    url = "/members/organizations/"

    def names(**query):
        html = client.get(url, query_string=query).get_data(as_text=True)
        found = [n for n in ("Alpha Shelter", "Beta Church", "Gamma Clinic") if n in html]
        return sorted(found, key=html.index)

    assert names(status="active") == ["Alpha Shelter", "Gamma Clinic"]
    assert names(language="es") == ["Alpha Shelter"]
    assert names(q="church") == ["Beta Church"]
    assert names(sort="-name") == ["Gamma Clinic", "Beta Church", "Alpha Shelter"]
    assert names(status="bogus") == ["Alpha Shelter", "Beta Church", "Gamma Clinic"]
