"""The coordinators' cards: follow-ups due (the reader's own first), participants' new
feedback and failed email; each only for those whose rules let them read it."""

from datetime import date, timedelta

import pytest

from tests.dashboard.test_meeting_cards import _card


def test_follow_ups_due_list_the_coordinators_own_first(
    client, make_client, create_person, create_coordinator, create_organization
):
    coordinator, member, bystander = (
        create_coordinator(),
        create_person(name="Owner O"),
        create_person(),
    )
    past = date.today() - timedelta(days=3)
    create_organization("Alpha Housing", owner=member, follow_up_on=past - timedelta(days=5))
    create_organization("Zeta Shelter", owner=coordinator, follow_up_on=past)
    create_organization(
        "Later Clinic", owner=coordinator, follow_up_on=date.today() + timedelta(days=9)
    )
    create_organization("Active Church", status="active", owner=member, follow_up_on=past)
    client.login(coordinator)
    card = _card(client.get("/").get_data(as_text=True), "follow-ups-heading")
    assert card.index("Zeta Shelter") < card.index("Alpha Housing")  # own first
    assert "yours" in card and "with Owner O" in card
    assert "Later Clinic" not in card and "Active Church" not in card
    owner = make_client()
    owner.login(member)
    card = _card(owner.get("/").get_data(as_text=True), "follow-ups-heading")
    assert "Alpha Housing" in card and "Zeta Shelter" not in card
    other = make_client()
    other.login(bystander)
    assert 'id="follow-ups-heading"' not in other.get("/").get_data(as_text=True)


@pytest.fixture
def feedback_note(app):
    from coalition.core.extensions import db
    from coalition.feedback.services import submit_feedback

    def write(body):
        with app.app_context():
            note = submit_feedback(body, "en")
            db.session.commit()
            return note.id

    return write


def test_new_feedback_reaches_coordinators_and_the_advisory_committee_only(
    client, make_client, create_person, create_coordinator, create_committee, feedback_note
):
    advisor, member = create_person(), create_person()
    create_committee(kind="advisory", members=[advisor])
    note = feedback_note("The waiting room felt unsafe on Tuesday.")
    for reader in (create_coordinator(), advisor):
        browser = make_client()
        browser.login(reader)
        card = _card(browser.get("/").get_data(as_text=True), "feedback-heading")
        assert "The waiting room felt unsafe" in card and f"/feedback/notes/{note}" in card
    client.login(member)
    page = client.get("/").get_data(as_text=True)
    assert "waiting room" not in page and 'id="feedback-heading"' not in page


def test_failed_emails_are_shown_to_coordinators_only(
    app, client, make_client, create_person, create_coordinator, create_queued_email
):
    from coalition.core.extensions import db
    from coalition.outbox.models import OutboxEmail

    email_id = create_queued_email(subject="Your meeting moved")
    with app.app_context():
        db.session.get(OutboxEmail, email_id).status = "failed"
        db.session.commit()
    client.login(create_coordinator())
    card = _card(client.get("/").get_data(as_text=True), "failed-heading")
    assert "Your meeting moved" in card and f"/outbox/{email_id}" in card
    assert "Retry or cancel the 1 failed email in the outbox" in card
    member = make_client()
    member.login(create_person())
    page = member.get("/").get_data(as_text=True)
    assert "Your meeting moved" not in page and 'id="failed-heading"' not in page
