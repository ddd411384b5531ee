"""A member never reads another person's sensitive fields or unshared contact details.

Each test plants distinctive values on a person, then looks through every page, export and
URL a member can reach.
"""

import io

import pytest
from openpyxl import load_workbook

from coalition.core.extensions import db
from coalition.members.organizations.models import Organization
from coalition.members.organizations.stages import move_stage
from coalition.members.people.models import Person

SECRET_NEEDS = "Needs-ASL-interpreter-7731"
HIDDEN_EMAIL = "hidden.contact@example.org"
HIDDEN_PHONE = "555-0199"


@pytest.fixture
def private_person(create_person, create_organization, link_person):
    """Listed in the directory, but sharing no contact details; with sensitive fields."""
    person = create_person(
        name="Private Priya",
        email=HIDDEN_EMAIL,
        phone=HIDDEN_PHONE,
        access_needs=SECRET_NEEDS,
        lived_experience=True,
        contact_consent=False,
        sensitive_export_consent=True,
        languages=["en"],
    )
    organization = create_organization("Harbor Reentry", sectors=["reentry"], status="active")
    link_person(person, organization, "primary")
    return person, organization


def _member_pages(client, person, organization):
    urls = [
        "/",
        "/members/",
        "/members/?q=Private",
        "/members/?language=en",
        f"/members/people/{person.id}",
        "/members/organizations/",
        f"/members/organizations/{organization.id}",
        "/members/pipeline",
        "/members/representation",
        "/timeline/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 403), url
        yield url, response.get_data(as_text=True)


def _exports(client):
    for url in ("/members/export", "/members/organizations/export"):
        for file_format in ("csv", "xlsx"):
            response = client.post_form(url, {"file_format": file_format, "include_sensitive": "y"})
            assert response.status_code == 200
            yield f"{url} {file_format}", _file_text(response.data, file_format)


def _file_text(data, file_format):
    if file_format == "csv":
        return data.decode("utf-8-sig")
    sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
    return "\n".join(
        ",".join(str(v or "") for v in row) for row in sheet.iter_rows(values_only=True)
    )


def test_a_member_sees_no_sensitive_field_or_unshared_contact_anywhere(
    client, create_person, private_person
):
    person, organization = private_person
    client.login(create_person(name="Curious Member"))
    seen = list(_member_pages(client, person, organization)) + list(_exports(client))
    for where, text in seen:
        assert SECRET_NEEDS not in text, where
        assert HIDDEN_EMAIL not in text, where
        assert HIDDEN_PHONE not in text, where
    # The person is listed (they chose the directory); only the private parts are hidden.
    assert any("Private Priya" in text for _, text in seen)


def test_searching_by_a_hidden_email_finds_no_one(client, create_person, private_person):
    client.login(create_person())
    html = client.get("/members/", query_string={"q": HIDDEN_EMAIL}).get_data(as_text=True)
    assert "Private Priya" not in html and "0 people" in html


def test_edit_urls_do_not_reveal_another_persons_profile(client, create_person, private_person):
    person, _ = private_person
    client.login(create_person())
    response = client.get(f"/members/people/{person.id}/edit")
    assert response.status_code == 403
    assert SECRET_NEEDS not in response.get_data(as_text=True)


def test_contact_details_show_where_the_person_consented(client, create_person):
    sharing = create_person(name="Open Omar", email="omar@example.org", contact_consent=True)
    client.login(create_person())
    html = client.get(f"/members/people/{sharing.id}").get_data(as_text=True)
    assert "omar@example.org" in html
    export = client.post_form("/members/export", {"file_format": "csv"}).data.decode("utf-8-sig")
    assert "omar@example.org" in export


def test_a_person_who_declined_the_directory_is_hidden_on_their_organizations_page(
    client, create_person, create_organization, link_person
):
    person = create_person(name="Quiet Quinn", directory_consent=False)
    organization = create_organization("Harbor Reentry")
    link_person(person, organization, "staff")
    client.login(create_person())
    html = client.get(f"/members/organizations/{organization.id}").get_data(as_text=True)
    assert "Quiet Quinn" not in html
    export = client.post_form("/members/export", {"file_format": "csv"}).data.decode("utf-8-sig")
    assert "Quiet Quinn" not in export


def test_the_person_and_coordinators_see_the_private_section(
    make_client, create_coordinator, private_person
):
    person, _ = private_person
    own, coordinator = make_client(), make_client()
    own.login(person)
    coordinator.login(create_coordinator())
    for client in (own, coordinator):
        html = client.get(f"/members/people/{person.id}").get_data(as_text=True)
        assert SECRET_NEEDS in html and HIDDEN_PHONE in html


def test_lived_experience_counts_below_three_are_not_shown(client, create_person, private_person):
    client.login(create_person())
    html = client.get("/members/representation").get_data(as_text=True)
    assert "fewer than 3" in html
    create_person(lived_experience=True)
    create_person(lived_experience=True)
    html = client.get("/members/representation").get_data(as_text=True)
    assert '<strong class="big-figure">3</strong>' in html


def test_an_unlisted_owner_or_stage_mover_is_not_named_to_members(
    client, create_coordinator, create_person, create_organization, app
):
    quiet = create_coordinator(name="Quiet Coordinator Quincy", directory_consent=False)
    organization = create_organization("Haven House", owner=quiet, status="identified")
    with app.app_context():
        move_stage(
            db.session.get(Organization, organization.id),
            "contacted",
            1,
            db.session.get(Person, quiet.id),
        )
        db.session.commit()
    client.login(create_person())
    pages = [
        f"/members/organizations/{organization.id}",
        "/members/pipeline",
        "/members/organizations/",
    ]
    for url in pages:
        assert "Quincy" not in client.get(url).get_data(as_text=True), url
    export = client.post_form("/members/organizations/export", {"file_format": "csv"})
    text = export.data.decode("utf-8-sig")
    assert "Quincy" not in text and "a coalition member" in text
    coordinator = app.test_client()  # coordinators see everyone
    coordinator.login(create_coordinator())
    for url in pages[:2]:
        assert "Quincy" in coordinator.get(url).get_data(as_text=True), url
