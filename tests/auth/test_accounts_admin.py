"""Coordinators change roles and deactivate accounts; the last coordinator stays."""

from coalition.core.audit import AuditEvent
from coalition.core.extensions import db
from coalition.members.people.models import Person


def test_coordinator_sees_every_account_with_role_and_status(
    client, create_coordinator, create_person
):
    coordinator = create_coordinator(name="Marisol Vega")
    create_person(name="Darnell Brooks")
    create_person(name="No Account", password=None)
    client.login(coordinator)
    page = client.get("/accounts").get_data(as_text=True)
    assert "Darnell Brooks" in page and "Marisol Vega" in page
    assert "No Account" not in page
    assert "2 accounts" in page


def test_coordinator_promotes_a_member(client, create_coordinator, create_person, reload, app):
    coordinator = create_coordinator()
    member = create_person(name="Darnell Brooks")
    client.login(coordinator)
    response = client.post_form(f"/accounts/{member.id}/role", {"role": "coordinator"})
    assert response.status_code == 302
    assert reload(Person, member.id).role == "coordinator"
    with app.app_context():
        event = db.session.scalars(db.select(AuditEvent)).one()
        assert (event.action, event.actor_id, event.target_id) == (
            "account.role_changed",
            coordinator.id,
            member.id,
        )


def test_unknown_role_is_refused(client, create_coordinator, create_person, reload):
    coordinator = create_coordinator()
    member = create_person()
    client.login(coordinator)
    client.post_form(f"/accounts/{member.id}/role", {"role": "emperor"})
    assert reload(Person, member.id).role == "member"
    assert "Choose a role from the list." in client.get("/accounts").get_data(as_text=True)


def test_last_coordinator_cannot_step_down(client, create_coordinator, reload):
    coordinator = create_coordinator(name="Marisol Vega")
    client.login(coordinator)
    client.post_form(f"/accounts/{coordinator.id}/role", {"role": "member"})
    assert reload(Person, coordinator.id).role == "coordinator"
    page = client.get("/accounts").get_data(as_text=True)
    assert "Marisol Vega is the last coordinator." in page


def test_last_coordinator_cannot_be_deactivated(client, create_coordinator, reload):
    coordinator = create_coordinator()
    client.login(coordinator)
    client.post_form(f"/accounts/{coordinator.id}/deactivate")
    assert reload(Person, coordinator.id).is_active


def test_a_coordinator_steps_down_when_another_remains(client, create_coordinator, reload):
    first = create_coordinator()
    create_coordinator()
    client.login(first)
    client.post_form(f"/accounts/{first.id}/role", {"role": "member"})
    assert reload(Person, first.id).role == "member"
    # Their session ended with the role change.
    assert client.get("/account").status_code == 302


def test_deactivated_coordinator_does_not_count_as_remaining(client, create_coordinator, reload):
    active = create_coordinator()
    inactive = create_coordinator()
    client.login(active)
    client.post_form(f"/accounts/{inactive.id}/deactivate")
    client.post_form(f"/accounts/{active.id}/role", {"role": "member"})
    assert reload(Person, active.id).role == "coordinator"


def test_reactivated_person_can_log_in_again(make_client, create_coordinator, create_person):
    coordinator = create_coordinator()
    member = create_person()
    admin = make_client()
    admin.login(coordinator)
    admin.post_form(f"/accounts/{member.id}/deactivate")
    browser = make_client()
    failed = browser.post_form("/login", {"email": member.email, "password": member.password})
    assert failed.status_code == 200
    admin.post_form(f"/accounts/{member.id}/reactivate")
    browser.login(member)


def test_someone_without_an_account_cannot_be_made_coordinator(
    client, create_coordinator, create_person, reload
):
    coordinator = create_coordinator(name="Marisol Vega")
    invited = create_person(name="Ruth Okafor", password=None)
    client.login(coordinator)
    client.post_form(f"/accounts/{invited.id}/role", {"role": "coordinator"})
    assert reload(Person, invited.id).role == "member"
    assert "Ruth Okafor has no account yet." in client.get("/accounts").get_data(as_text=True)
    client.post_form(f"/accounts/{coordinator.id}/role", {"role": "member"})
    assert reload(Person, coordinator.id).role == "coordinator"
