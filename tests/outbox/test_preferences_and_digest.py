"""Optional email follows each person's choice; unsubscribe; daily digests."""

import re

from coalition.core.extensions import db
from coalition.members.people.models import Person
from coalition.outbox.digest import send_digests
from coalition.outbox.mail import queue_email
from coalition.outbox.models import DigestItem, OutboxEmail


def _notify(app, person_id, subject="Draft ready for review"):
    with app.app_context():
        person = db.session.get(Person, person_id)
        result = queue_email(
            kind="draft_review",
            person=person,
            to_address=person.email,
            subject=subject,
            template="digest",
            context={"items": [], "kind_labels": {}},
            link="http://localhost/x",
        )
        db.session.commit()
        return type(result).__name__ if result is not None else None


def _set(client, **choices):
    data = {
        "draft_review": "immediately",
        "meeting_reminder": "immediately",
        "proposal": "immediately",
        "committee": "immediately",
        "timeline": "immediately",
        "action_item": "immediately",
    }
    data.update(choices)
    return client.post_form("/account/notifications", data)


def test_optional_email_goes_out_immediately_by_default_with_unsubscribe(app, create_person):
    person = create_person()
    assert _notify(app, person.id) == "OutboxEmail"
    with app.app_context():
        email = db.session.scalars(db.select(OutboxEmail)).one()
        assert email.headers["List-Unsubscribe"].startswith("<http://localhost/unsubscribe/")
        assert email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert "/unsubscribe/" in email.text_body


def test_essential_email_has_no_unsubscribe_link(app, create_person):
    person = create_person()
    with app.app_context():
        email = queue_email(
            kind="password_reset",
            person=db.session.get(Person, person.id),
            to_address=person.email,
            subject="Reset",
            template="password_reset",
            context={"url": "u", "minutes": 60},
        )
        assert email.headers == {}
        assert "/unsubscribe/" not in email.text_body


def test_never_means_never_and_digest_waits(app, client, create_person):
    person = create_person()
    client.login(person)
    _set(client, draft_review="never", proposal="digest")
    assert _notify(app, person.id) is None
    with app.app_context():
        queued = queue_email(
            kind="proposal",
            person=db.session.get(Person, person.id),
            to_address=person.email,
            subject="Vote on the amendment",
            template="digest",
            context={"items": [], "kind_labels": {}},
        )
        assert isinstance(queued, DigestItem)
        db.session.commit()
        assert db.session.scalar(db.select(db.func.count(OutboxEmail.id))) == 0


def test_preferences_page_shows_and_saves_choices(client, create_person):
    client.login(create_person())
    _set(client, timeline="digest")
    page = client.get("/account/notifications").get_data(as_text=True)
    assert re.search(
        r'<input checked id="timeline-1" name="timeline" type="radio" '
        r'value="digest">',
        page,
    )
    assert "<legend>New wins, losses and milestones</legend>" in page


def test_preferences_refuse_unknown_choices(client, create_person):
    client.login(create_person())
    response = _set(client, timeline="hourly")
    assert response.status_code == 200


def test_unsubscribe_link_asks_then_stops_that_kind(app, client, create_person):
    person = create_person()
    _notify(app, person.id)
    with app.app_context():
        body = db.session.scalars(db.select(OutboxEmail)).one().text_body
    path = re.search(r"http://localhost(/unsubscribe/[\w.-]+)", body).group(1)
    confirm = client.get(path)
    assert confirm.status_code == 200 and "Stop these emails?" in confirm.get_data(as_text=True)
    assert _notify(app, person.id, "Still coming") == "OutboxEmail"  # a GET changed nothing
    client.post_form(path)
    assert _notify(app, person.id, "Now stopped") is None


def test_one_click_unsubscribe_from_a_mail_client(app, client, create_person):
    person = create_person()
    _notify(app, person.id)
    with app.app_context():
        header = db.session.scalars(db.select(OutboxEmail)).one().headers["List-Unsubscribe"]
    path = header.strip("<>").replace("http://localhost", "")
    response = client.post(path, data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 204
    assert _notify(app, person.id) is None


def test_forged_unsubscribe_links_are_not_found(client):
    assert client.get("/unsubscribe/not-a-real-token").status_code == 404
    assert client.post("/unsubscribe/forged.token/one-click").status_code == 404


def test_digest_gathers_items_once_a_day(app, client, create_person):
    person = create_person()
    client.login(person)
    _set(client, draft_review="digest")
    _notify(app, person.id, "Talking points ready")
    _notify(app, person.id, "Testimony ready")
    with app.app_context():
        assert send_digests() == 1
        db.session.commit()
        assert send_digests() == 0  # safe to run twice
        db.session.commit()
        [digest] = db.session.scalars(db.select(OutboxEmail)).all()
        assert "Talking points ready" in digest.text_body and "Testimony ready" in digest.text_body
    _notify(app, person.id, "Another draft")
    with app.app_context():
        assert send_digests() == 0  # already had today's digest
        db.session.commit()


def test_digest_command_runs_twice_safely(app, runner, client, create_person):
    person = create_person()
    client.login(person)
    _set(client, draft_review="digest")
    _notify(app, person.id)
    assert "queued 1 digest" in runner.invoke(args=["outbox", "digest"]).output
    assert "queued 0 digest" in runner.invoke(args=["outbox", "digest"]).output


def test_the_digest_can_be_stopped_from_its_own_email(app, client, create_person):
    person = create_person()
    client.login(person)
    _set(client, draft_review="digest", proposal="digest")
    _notify(app, person.id)
    with app.app_context():
        send_digests()
        db.session.commit()
        digest = db.session.scalars(db.select(OutboxEmail)).one()
        header = digest.headers["List-Unsubscribe"]
        assert "[personal link]" in digest.masked_body
        assert "/unsubscribe/" not in digest.masked_body
    client.post(header.strip("<>").replace("http://localhost", ""))
    page = client.get("/account/notifications").get_data(as_text=True)
    assert 'checked id="draft_review-2"' in page and 'checked id="proposal-2"' in page
