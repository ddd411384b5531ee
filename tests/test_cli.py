"""Command-line tasks: create a coordinator, load the demo coalition."""

import re

from coalition.core.extensions import db
from coalition.members.people.models import Person
from coalition.timeline.models import TimelineEntry


def _count(app, model):
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(model))


def test_create_coordinator_with_a_password_option(app, runner, client):
    result = runner.invoke(
        args=[
            "create-coordinator",
            "--email",
            "Lead@Example.org",
            "--name",
            "Lead Person",
            "--password",
            "granite-puffin-orbit",
        ]
    )
    assert result.exit_code == 0, result.output
    assert "Coordinator ready" in result.output
    response = client.post_form(
        "/login", {"email": "lead@example.org", "password": "granite-puffin-orbit"}
    )
    assert response.status_code == 302
    assert client.get("/accounts").status_code == 200


def test_create_coordinator_prompts_for_the_password(app, runner):
    result = runner.invoke(
        args=["create-coordinator", "--email", "p@example.org", "--name", "P"],
        input="granite-puffin-orbit\ngranite-puffin-orbit\n",
    )
    assert result.exit_code == 0, result.output
    assert _count(app, Person) == 1


def test_create_coordinator_refuses_a_weak_password(app, runner):
    result = runner.invoke(
        args=[
            "create-coordinator",
            "--email",
            "p@example.org",
            "--name",
            "P",
            "--password",
            "password",
        ]
    )
    assert result.exit_code != 0
    assert "too weak" in result.output
    assert _count(app, Person) == 0


def test_create_coordinator_promotes_an_existing_person(app, runner, create_person, reload):
    person = create_person(email="darnell@example.org")
    runner.invoke(
        args=[
            "create-coordinator",
            "--email",
            "darnell@example.org",
            "--name",
            "Darnell Brooks",
            "--password",
            "granite-puffin-orbit",
        ]
    )
    assert reload(Person, person.id).role == "coordinator"
    assert _count(app, Person) == 1


def test_seed_demo_is_idempotent_and_prints_the_logins(app, runner, client):
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    assert "marisol.vega@example.org / river-lantern-harbor" in first.output
    people, entries = _count(app, Person), _count(app, TimelineEntry)
    assert people >= 6 and entries >= 3
    second = runner.invoke(args=["seed-demo"])
    assert "(0 new records)" in second.output
    assert (_count(app, Person), _count(app, TimelineEntry)) == (people, entries)
    response = client.post_form(
        "/login", {"email": "marisol.vega@example.org", "password": "river-lantern-harbor"}
    )
    assert response.status_code == 302


def test_seed_demo_if_empty_leaves_a_real_database_alone(app, runner, create_person):
    create_person()
    result = runner.invoke(args=["seed-demo", "--if-empty"])
    assert "was not loaded" in result.output
    assert _count(app, Person) == 1


def test_seed_demo_is_refused_in_production(app, make_app):
    production = make_app(ENV_NAME="production")
    result = production.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code != 0
    assert "refused in production" in result.output
    assert _count(production, Person) == 0


def test_run_scheduled_delivers_and_digests(dev_app, create_queued_email):
    from coalition.outbox.models import OutboxEmail

    create_queued_email()
    result = dev_app.test_cli_runner().invoke(args=["run-scheduled"])
    assert "sent 1" in result.output and "queued 0 digest" in result.output
    with dev_app.app_context():
        assert db.session.scalars(db.select(OutboxEmail.status)).all() == ["sent"]


def test_the_demo_has_answers_a_waiting_list_and_the_record_of_past_meetings(app, runner, client):
    from coalition.meetings.record.models import ActionItem, Minutes
    from coalition.meetings.rsvp.models import Rsvp
    from coalition.members.organizations.models import Organization

    runner.invoke(args=["seed-demo"])
    client.post_form(
        "/login", {"email": "marisol.vega@example.org", "password": "river-lantern-harbor"}
    )
    with app.app_context():
        answers = db.session.scalars(db.select(Rsvp)).all()
        assert any(a.headcount > 1 and a.needs for a in answers)
        assert any(a.waitlisted for a in answers)
        assert (
            db.session.scalar(
                db.select(db.func.count(Minutes.id)).where(Minutes.published_at.is_not(None))
            )
            >= 2
        )
        police = db.session.scalar(
            db.select(Organization.id).filter_by(name="Riverside Police Department")
        )
        assert db.session.scalar(db.select(db.func.count(ActionItem.id))) >= 3
    page = client.get(f"/members/organizations/{police}").get_data(as_text=True)
    assert re.search(r"Attended \d of the last 6 meetings", page)
    home = client.get("/").get_data(as_text=True)
    assert "Book the library room for the next forum" in home
    timeline = client.get("/timeline/").get_data(as_text=True)
    assert "Meeting held: Partners&#39; roundtable" in timeline


def test_the_demo_leaves_something_in_the_cards_that_ask_for_action(
    app, runner, client, make_client
):
    """The coordinator's action items spill over the card (it links to them all), a failed
    email waits in the outbox, and Darnell has a request to join his committee to answer."""
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    client.post_form(
        "/login", {"email": "marisol.vega@example.org", "password": "river-lantern-harbor"}
    )
    home = client.get("/").get_data(as_text=True)
    seen = re.search(r"See all (\d+) of your action items", home)
    assert seen and int(seen.group(1)) > 5
    assert "Retry or cancel the 1 failed email in the outbox" in home
    outbox = client.get("/outbox?status=failed").get_data(as_text=True)
    assert "Recipient address rejected" in outbox
    chair = make_client()
    chair.post_form(
        "/login", {"email": "darnell.brooks@example.org", "password": "maple-harbor-sunrise"}
    )
    home = chair.get("/").get_data(as_text=True)
    assert "Ana Lucía Torres asks to join Law Enforcement Engagement" in home
