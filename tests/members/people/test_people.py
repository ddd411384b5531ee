"""A person's profile: who edits it, what is audited, and stale saves."""

import re

from coalition.core.audit import AuditEvent
from coalition.core.extensions import db
from coalition.members.people.models import Person


def _profile(**changes):
    data = {
        "name": "Linh Nguyen",
        "pronouns": "she/her",
        "email": "linh@example.org",
        "phone": "555-0142",
        "languages": ["vi", "en"],
        "preferred_language": "vi",
        "access_needs": "Vietnamese interpretation",
        "lived_experience": "yes",
        "directory_consent": "y",
        "contact_consent": "",
        "version": "1",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_a_person_edits_their_own_profile(client, create_person, reload):
    me = create_person(name="Linh", email="linh@example.org")
    client.login(me)
    assert client.get(f"/members/people/{me.id}/edit").status_code == 200
    response = client.post_form(f"/members/people/{me.id}/edit", _profile())
    assert response.status_code == 302
    saved = reload(Person, me.id)
    assert saved.name == "Linh Nguyen" and saved.phone == "555-0142"
    assert saved.preferred_language == "vi" and saved.lived_experience is True
    assert saved.access_needs == "Vietnamese interpretation"
    assert saved.contact_consent is False and saved.version == 2
    with client.application.app_context():
        codes = db.session.get(Person, me.id).language_codes
    assert codes == ["en", "vi"]


def test_the_form_shows_the_saved_profile(client, create_person):
    me = create_person(phone="555-0100", lived_experience=False, languages=["es"])
    client.login(me)
    html = client.get(f"/members/people/{me.id}/edit").get_data(as_text=True)
    assert 'value="555-0100"' in html
    assert '<option selected value="no">' in html
    checked = re.findall(
        r'<input checked id="languages-\d+" name="languages" [^>]*value="(\w+)">', html
    )
    assert checked == ["es"]


def test_coordinators_changing_someone_elses_private_fields_is_audited(
    client, create_coordinator, create_person, app
):
    person = create_person(email="linh@example.org")
    coordinator = create_coordinator()
    client.login(coordinator)
    client.post_form(f"/members/people/{person.id}/edit", _profile())
    with app.app_context():
        events = db.session.scalars(db.select(AuditEvent)).all()
    assert [(e.action, e.target_id, e.actor_id) for e in events] == [
        ("person.sensitive_changed", person.id, coordinator.id)
    ]
    assert "access_needs" in events[0].detail and "lived_experience" in events[0].detail


def test_a_person_changing_their_own_choices_is_not_audited(client, create_person, app):
    me = create_person(email="linh@example.org")
    client.login(me)
    client.post_form(f"/members/people/{me.id}/edit", _profile())
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(AuditEvent)) == 0


def test_an_email_someone_else_uses_is_refused(client, create_person, reload):
    create_person(email="taken@example.org")
    me = create_person(name="Me")
    client.login(me)
    response = client.post_form(
        f"/members/people/{me.id}/edit", _profile(email="Taken@Example.org")
    )
    assert response.status_code == 200
    assert "Another person already uses this email." in response.get_data(as_text=True)
    assert reload(Person, me.id).name == "Me"


def test_coordinators_add_people_without_an_account(client, create_coordinator, app):
    client.login(create_coordinator())
    response = client.post_form(
        "/members/people/new", _profile(email="new@example.org", name="Tomás Reyes")
    )
    assert response.status_code == 302
    with app.app_context():
        person = db.session.scalar(db.select(Person).filter_by(email="new@example.org"))
        assert person.name == "Tomás Reyes" and not person.has_account
        assert db.session.scalar(db.select(AuditEvent.action)) == "person.created"


def test_a_bad_phone_number_is_refused_beside_its_field(client, create_person):
    me = create_person()
    client.login(me)
    response = client.post_form(f"/members/people/{me.id}/edit", _profile(phone="call me!"))
    html = response.get_data(as_text=True)
    assert 'id="phone-error"' in html and 'aria-invalid="true"' in html


def test_two_people_editing_one_profile_the_second_save_is_refused(
    make_client, create_coordinator, create_person, reload
):
    person = create_person(name="Jamal Carter", email="jamal@example.org")
    first, second = make_client(), make_client()
    first.login(create_coordinator(name="Marisol"))
    second.login(create_coordinator(name="Kevin"))
    assert first.get(f"/members/people/{person.id}/edit").status_code == 200
    assert second.get(f"/members/people/{person.id}/edit").status_code == 200
    saved = first.post_form(
        f"/members/people/{person.id}/edit",
        _profile(name="Jamal Carter", email="jamal@example.org", phone="555-0001"),
    )
    assert saved.status_code == 302
    refused = second.post_form(
        f"/members/people/{person.id}/edit",
        _profile(name="Jamal C.", email="jamal@example.org", phone="555-0002"),
    )
    html = refused.get_data(as_text=True)
    assert refused.status_code == 409
    assert "Someone saved this while you were editing" in html
    assert "555-0001" in html and "555-0002" in html
    current = reload(Person, person.id)
    assert (current.name, current.phone) == ("Jamal Carter", "555-0001")
    # The refused form is now based on the saved version: saving again is a deliberate choice.
    assert 'name="version" type="hidden" value="2"' in html


def test_the_home_page_leads_a_delegate_to_their_organization(
    client, create_person, create_organization, link_person
):
    delegate = create_person()
    organization = create_organization("Second Chance Reentry", status="active")
    link_person(delegate, organization, "primary")
    client.login(delegate)
    html = client.get("/").get_data(as_text=True)
    assert "Your organizations" in html
    assert f'href="/members/organizations/{organization.id}">Second Chance Reentry</a>' in html
    assert "Where the coalition lacks a sector" in html
    assert "Housing and homelessness services: 0 of 1" in html
