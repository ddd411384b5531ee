"""Delivery through a real SMTP server: nothing lost, nothing doubled, nothing injected."""

import threading
from datetime import timedelta

import pytest

from coalition.core.dbtypes import utcnow
from coalition.core.extensions import db
from coalition.members.people.models import Person
from coalition.outbox.delivery import GIVE_UP_AFTER, LEASE, claim_due, deliver_due
from coalition.outbox.mail import queue_email
from coalition.outbox.models import OutboxEmail


@pytest.fixture
def queue(create_queued_email, create_person):
    """queue(**overrides) -> id of a queued reset-style email to a new person."""

    def make(to_address=None, **overrides):
        person = create_person(**({"email": to_address} if to_address else {}))
        return create_queued_email(person, **overrides)

    return make


def _deliver(app, worker="worker-a", now=None):
    with app.app_context():
        return deliver_due(worker, now=now)


def _row(app, email_id):
    with app.app_context():
        email = db.session.get(OutboxEmail, email_id)
        db.session.expunge(email)
        return email


def test_queued_email_is_delivered_with_its_parts_and_message_id(mail_app, smtp_server, queue):
    email_id = queue(attachments=[("meeting.ics", "text/calendar", "BEGIN:VCALENDAR\r\n")])
    assert _deliver(mail_app) == {"sent": 1, "retrying": 0, "failed": 0}
    [message] = smtp_server.messages
    row = _row(mail_app, email_id)
    assert row.status == "sent" and row.sent_at is not None
    assert message["Message-ID"] == row.message_id
    assert message["Subject"] == "Reset your password"
    assert message["From"] == "Riverside Coalition <coalition@riverside.example>"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "http://localhost/reset-password/SECRET" in text
    assert '<a href="http://localhost/reset-password/SECRET">' in html
    attachments = list(message.iter_attachments())
    assert [part.get_filename() for part in attachments] == ["meeting.ics"]
    assert attachments[0].get_content_charset() == "utf-8"  # the .ics says it is UTF-8


def test_nothing_is_sent_twice(mail_app, smtp_server, queue):
    queue()
    _deliver(mail_app)
    assert _deliver(mail_app) == {"sent": 0, "retrying": 0, "failed": 0}
    assert len(smtp_server.messages) == 1


def test_a_server_refusing_for_a_while_loses_nothing_and_doubles_nothing(
    mail_app, smtp_server, queue
):
    email_id = queue()
    smtp_server.handler.temporary_failures = 2
    assert _deliver(mail_app)["retrying"] == 1
    row = _row(mail_app, email_id)
    assert (row.status, row.attempts) == ("queued", 1)
    assert "451" in row.last_error
    assert _deliver(mail_app) == {"sent": 0, "retrying": 0, "failed": 0}  # not due yet
    later = utcnow() + timedelta(minutes=1, seconds=1)
    assert _deliver(mail_app, now=later)["retrying"] == 1
    # The backoff doubles: the third attempt is due two minutes after the second.
    assert _row(mail_app, email_id).next_attempt_at > later + timedelta(minutes=1, seconds=50)
    assert _deliver(mail_app, now=later + timedelta(minutes=3))["sent"] == 1
    assert len(smtp_server.messages) == 1
    assert _row(mail_app, email_id).status == "sent"


def test_a_permanently_refused_address_fails_with_the_reason(mail_app, smtp_server, queue):
    smtp_server.handler.refused_addresses.add("gone@example.org")
    refused = queue(to_address="gone@example.org")
    fine = queue()
    assert _deliver(mail_app) == {"sent": 1, "retrying": 0, "failed": 1}
    row = _row(mail_app, refused)
    assert row.status == "failed" and "550" in row.last_error
    assert _row(mail_app, fine).status == "sent"


def test_retries_stop_after_about_a_day(mail_app, smtp_server, queue):
    email_id = queue()
    smtp_server.handler.temporary_failures = 10_000
    now = utcnow()
    while _row(mail_app, email_id).status == "queued":
        now = max(now, _row(mail_app, email_id).next_attempt_at)
        _deliver(mail_app, now=now)
        assert now - utcnow() < GIVE_UP_AFTER + timedelta(hours=5)
    row = _row(mail_app, email_id)
    assert row.status == "failed" and row.last_error.startswith("Gave up")
    assert 8 <= row.attempts <= 20
    assert smtp_server.messages == []


def test_no_mail_server_keeps_email_queued_with_a_reason(make_app, queue):
    app = make_app(MAIL_SERVER="")
    with app.app_context():
        email_id = db.session.scalar(db.select(OutboxEmail.id))
    email_id = email_id or queue()
    _deliver(app)
    row = _row(app, email_id)
    assert row.status == "queued" and "MAIL_SERVER" in row.last_error


def test_line_breaks_in_names_and_subjects_never_reach_headers(mail_app, smtp_server, queue):
    queue(subject="Hello\r\nBcc: evil@example.org", to_name="Eve\r\nBcc: evil@example.org")
    assert _deliver(mail_app)["sent"] == 1
    [entry] = smtp_server.handler.messages
    assert entry["to"] == [entry["message"]["To"].addresses[0].addr_spec]
    assert "evil@example.org" not in " ".join(entry["to"])
    assert entry["message"]["Bcc"] is None
    assert entry["message"]["Subject"] == "Hello Bcc: evil@example.org"
    raw_headers = entry["raw"].split(b"\r\n\r\n", 1)[0]
    assert b"\r\nBcc:" not in raw_headers


def test_a_worker_killed_after_claiming_leaves_the_row_to_be_retried(mail_app, smtp_server, queue):
    email_id = queue()
    with mail_app.app_context():
        claim_due("dead-worker", utcnow(), 10)
        db.session.commit()  # ... and the worker dies here
    assert _deliver(mail_app, worker="b")["sent"] == 0  # its lease still holds
    assert _deliver(mail_app, worker="b", now=utcnow() + LEASE + timedelta(seconds=1))["sent"] == 1
    assert len(smtp_server.messages) == 1
    assert _row(mail_app, email_id).status == "sent"


def test_a_worker_killed_after_the_server_accepted_resends_once_with_the_same_id(
    mail_app, smtp_server, queue
):
    from coalition.core.extensions import mail
    from coalition.outbox.delivery import build_message

    email_id = queue()
    with mail_app.app_context():
        [claimed] = claim_due("dying-worker", utcnow(), 10)
        db.session.commit()
        with mail.connect() as connection:
            connection.send(build_message(claimed))
        # ... the worker dies before recording that the message went out.
    _deliver(mail_app, worker="b", now=utcnow() + LEASE + timedelta(seconds=1))
    first, second = smtp_server.messages
    assert first["Message-ID"] == second["Message-ID"] == _row(mail_app, email_id).message_id
    assert _deliver(mail_app, worker="b", now=utcnow() + LEASE * 3)["sent"] == 0
    assert len(smtp_server.messages) == 2


def test_an_action_rolled_back_sends_nothing(mail_app, smtp_server, create_person):
    person = create_person()
    with mail_app.app_context():
        queue_email(
            kind="password_reset",
            person=db.session.get(Person, person.id),
            to_address=person.email,
            subject="x",
            template="password_reset",
            context={"url": "u", "minutes": 60},
        )
        db.session.rollback()
    assert _deliver(mail_app)["sent"] == 0
    assert smtp_server.messages == []


@pytest.mark.real_commits
def test_two_workers_at_once_never_send_the_same_row(mail_app, smtp_server, queue):
    ids = [queue() for _ in range(30)]
    results = []

    def work(name):
        with mail_app.app_context():
            total = 0
            while True:
                sent = deliver_due(name, batch_size=5)["sent"]
                total += sent
                if not sent:
                    break
            results.append(total)
            db.session.remove()

    workers = [threading.Thread(target=work, args=(f"w{n}",)) for n in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    message_ids = [message["Message-ID"] for message in smtp_server.messages]
    assert len(message_ids) == len(set(message_ids)) == len(ids)
    assert sum(results) == len(ids)


def test_an_address_that_cannot_be_sent_fails_alone(mail_app, smtp_server, queue):
    bad = queue(to_address="josé@example.org")
    good = queue()
    assert _deliver(mail_app) == {"sent": 1, "retrying": 0, "failed": 1}
    assert _row(mail_app, bad).status == "failed"
    assert _row(mail_app, good).status == "sent"


def test_a_worker_whose_lease_was_taken_over_does_not_send(mail_app, smtp_server, queue):
    from coalition.outbox.delivery import _renew_lease

    email_id = queue()
    with mail_app.app_context():
        [slow] = claim_due("slow-worker", utcnow(), 10)
        db.session.commit()
        claim_due("fast-worker", utcnow() + LEASE + timedelta(seconds=1), 10)
        db.session.commit()
        assert not _renew_lease(db.session.get(OutboxEmail, email_id), "slow-worker")
        assert _renew_lease(db.session.get(OutboxEmail, email_id), "fast-worker")


def test_retrying_keeps_when_the_email_was_first_queued(app, mail_app, smtp_server, queue):
    from coalition.outbox.services import retry_email

    smtp_server.handler.refused_addresses.add("gone@example.org")
    email_id = queue(to_address="gone@example.org")
    _deliver(mail_app)
    created = _row(mail_app, email_id).created_at
    with app.app_context():
        retry_email(db.session.get(OutboxEmail, email_id))
        db.session.commit()
    row = _row(mail_app, email_id)
    assert row.status == "queued" and row.created_at == created
    assert row.retry_window_start > created


def test_a_calendar_invitation_goes_inline_and_attached(mail_app, smtp_server, queue):
    ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"
    queue(attachments=[("invite.ics", "text/calendar", ics, "REQUEST")])
    _deliver(mail_app)
    [message] = smtp_server.messages
    alternative = next(
        part for part in message.walk() if part.get_content_type() == "multipart/alternative"
    )
    types = [part.get_content_type() for part in alternative.iter_parts()]
    assert types == ["text/plain", "text/html", "text/calendar"]
    calendar_part = list(alternative.iter_parts())[2]
    assert calendar_part.get_param("method") == "REQUEST"
    assert [part.get_filename() for part in message.iter_attachments()] == ["invite.ics"]
