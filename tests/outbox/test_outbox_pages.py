"""The coordinators' outbox page, and the development mailbox."""

import re

import pytest

from coalition.core.extensions import db
from coalition.outbox.models import OutboxEmail


@pytest.fixture
def invited(app, client, create_coordinator):
    """A coordinator's client after inviting one person."""
    client.login(create_coordinator())
    client.post_form(
        "/accounts/invite", {"name": "Rosa Delgado", "email": "rosa@example.org", "language": "en"}
    )
    with app.app_context():
        email_id = db.session.scalar(db.select(OutboxEmail.id))
    return client, email_id


def test_outbox_lists_email_with_status(invited):
    client, email_id = invited
    page = client.get("/outbox").get_data(as_text=True)
    assert "You are invited to join" in page and "Queued" in page
    assert "No email here." in client.get("/outbox?status=failed").get_data(as_text=True)
    assert client.get("/outbox?status=bogus").status_code == 404


def test_outbox_detail_hides_personal_links(invited):
    client, email_id = invited
    page = client.get(f"/outbox/{email_id}").get_data(as_text=True)
    assert "[personal link]" in page
    assert "/invitation/" not in page


def test_cancel_then_retry(app, invited):
    client, email_id = invited
    client.post_form(f"/outbox/{email_id}/cancel")
    with app.app_context():
        assert db.session.get(OutboxEmail, email_id).status == "cancelled"
    client.post_form(f"/outbox/{email_id}/retry")
    with app.app_context():
        assert db.session.get(OutboxEmail, email_id).status == "queued"


def test_retrying_a_queued_email_is_refused_with_a_message(invited):
    client, email_id = invited
    client.post_form(f"/outbox/{email_id}/retry")
    assert "Only failed or cancelled email can be retried." in client.get(
        f"/outbox/{email_id}"
    ).get_data(as_text=True)


def test_development_mailbox_shows_messages_in_full(dev_app, create_coordinator):
    client = dev_app.test_client()
    client.login(create_coordinator())
    client.post_form(
        "/accounts/invite", {"name": "Rosa", "email": "rosa@example.org", "language": "en"}
    )
    index = client.get("/dev/mailbox/").get_data(as_text=True)
    email_id = re.search(r'href="/dev/mailbox/(\d+)"', index).group(1)
    message = client.get(f"/dev/mailbox/{email_id}").get_data(as_text=True)
    assert re.search(r'<a href="http://[^"]+/invitation/[\w-]+"', message)
    html = client.get(f"/dev/mailbox/{email_id}/html")
    assert html.mimetype == "text/html" and "<h1>" in html.get_data(as_text=True)


def test_development_mailbox_does_not_exist_outside_development(client, make_app):
    assert client.get("/dev/mailbox/").status_code == 404
    production = make_app(ENV_NAME="production", MAIL_SERVER="")
    assert production.test_client().get("/dev/mailbox/").status_code == 404
    configured = make_app(ENV_NAME="development", MAIL_SERVER="smtp.example.org")
    assert configured.test_client().get("/dev/mailbox/").status_code == 404


def test_development_worker_delivers_to_the_mailbox(dev_app, create_queued_email):
    create_queued_email()
    result = dev_app.test_cli_runner().invoke(args=["outbox", "deliver"])
    assert "sent 1" in result.output


def test_development_mailbox_is_only_for_this_machine(dev_app):
    client = dev_app.test_client()
    assert client.get("/dev/mailbox/", environ_base={"REMOTE_ADDR": "192.0.2.10"}).status_code == (
        404
    )
    local = client.get("/dev/mailbox/")
    assert local.status_code == 200 and local.headers["Cache-Control"] == "no-store"
