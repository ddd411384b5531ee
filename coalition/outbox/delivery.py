"""Delivering the outbox: claim due rows with a lease, send, retry with backoff.

At least once: a worker that dies after claiming leaves the row to be claimed again once its
lease runs out; one that dies after the server accepted a message can at worst cause one
resend, with the same Message-ID, so mail clients fold the copy.
"""

import smtplib
from datetime import timedelta
from email.mime.text import MIMEText

from flask import current_app
from flask_mail import Attachment, BadHeaderError, Connection, Message
from sqlalchemy import and_, or_, update

from coalition.core.dbtypes import utcnow
from coalition.core.extensions import db
from coalition.outbox.models import (
    STATUS_FAILED,
    STATUS_QUEUED,
    STATUS_SENDING,
    STATUS_SENT,
    OutboxEmail,
)

LEASE = timedelta(minutes=5)
SMTP_TIMEOUT_SECONDS = 60  # well under the lease: a hung server cannot outlive a claim
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=4)
GIVE_UP_AFTER = timedelta(hours=24)
BATCH_SIZE = 50


def deliver_due(worker_id, now=None, batch_size=BATCH_SIZE):
    """Claim and send what is due; return {"sent": n, "retrying": n, "failed": n}."""
    counts = {"sent": 0, "retrying": 0, "failed": 0}
    now = now or utcnow()
    claimed = claim_due(worker_id, now, batch_size)
    db.session.commit()
    if not claimed:
        return counts
    try:
        with _connection() as connection:
            for email in claimed:
                if not _renew_lease(email, worker_id):
                    continue  # our lease ran out and another worker has the row now
                counts[_deliver_one(connection, email, now)] += 1
                db.session.commit()
    except (smtplib.SMTPException, OSError) as error:
        # The server could not be reached (or dropped us): whatever is still leased retries.
        for email in claimed:
            if email.status == STATUS_SENDING:
                counts[_retry_or_fail(email, _describe(error), now)] += 1
        db.session.commit()
    return counts


def _renew_lease(email, worker_id):
    """Extend this worker's lease just before sending; False if the row is no longer ours."""
    result = db.session.execute(
        update(OutboxEmail)
        .where(
            OutboxEmail.id == email.id,
            OutboxEmail.claimed_by == worker_id,
            OutboxEmail.status == STATUS_SENDING,
        )
        .values(lease_expires_at=utcnow() + LEASE)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount == 1


def _due_filter(now):
    return or_(
        and_(OutboxEmail.status == STATUS_QUEUED, OutboxEmail.next_attempt_at <= now),
        and_(OutboxEmail.status == STATUS_SENDING, OutboxEmail.lease_expires_at <= now),
    )


def claim_due(worker_id, now, batch_size):
    """Lease due rows to this worker; rows leased by another live worker are never taken."""
    query = (
        db.select(OutboxEmail.id)
        .where(_due_filter(now))
        .order_by(OutboxEmail.next_attempt_at, OutboxEmail.id)
        .limit(batch_size)
    )
    if db.session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    candidates = db.session.scalars(query).all()
    claimed = []
    for email_id in candidates:
        # The conditional update is the real claim: on SQLite, where there is no SKIP LOCKED,
        # a second worker that read the same ids finds the row no longer due.
        result = db.session.execute(
            update(OutboxEmail)
            .where(OutboxEmail.id == email_id, _due_filter(now))
            .values(status=STATUS_SENDING, claimed_by=worker_id, lease_expires_at=now + LEASE)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:
            claimed.append(email_id)
    return [db.session.get(OutboxEmail, email_id, populate_existing=True) for email_id in claimed]


class _DevMailbox:
    """Stands in for SMTP in development without a server: the mailbox page shows all."""

    def send(self, message):
        return None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _connection():
    if current_app.config["DEV_MAILBOX"]:
        return _DevMailbox()
    if not current_app.config["MAIL_SERVER"]:
        raise OSError("No mail server is configured (MAIL_SERVER).")
    return TimedConnection(current_app.extensions["mail"])


class TimedConnection(Connection):
    """Flask-Mail's connection with a socket timeout, so a silent server cannot hang us."""

    def configure_host(self):
        smtp_class = smtplib.SMTP_SSL if self.mail.use_ssl else smtplib.SMTP
        host = smtp_class(self.mail.server, self.mail.port, timeout=SMTP_TIMEOUT_SECONDS)
        host.set_debuglevel(int(self.mail.debug or 0))

        if self.mail.use_tls:
            host.starttls()
        if self.mail.username and self.mail.password:
            host.login(self.mail.username, self.mail.password)
        return host


def _deliver_one(connection, email, now):
    try:
        connection.send(build_message(email))
    except BadHeaderError:
        return _fail(email, "A header contained a line break.")
    except (smtplib.SMTPServerDisconnected, TimeoutError, ConnectionError):
        raise  # the connection is gone: deliver_due retries the rest of the batch
    except (smtplib.SMTPException, OSError) as error:
        if _is_permanent(error):
            return _fail(email, _describe(error))
        return _retry_or_fail(email, _describe(error), now)
    except Exception as error:  # this one message cannot be built or sent (bad address...)
        return _fail(email, f"{type(error).__name__}: {error}")

    email.status = STATUS_SENT
    email.sent_at = now
    email.attempts += 1
    email.last_error = None
    email.lease_expires_at = None
    return "sent"


def _is_permanent(error):
    """5xx answers about this message or recipient will not change by retrying."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(500 <= code < 600 for code, _ in error.recipients.values())
    if isinstance(error, (smtplib.SMTPDataError, smtplib.SMTPSenderRefused)):
        return 500 <= error.smtp_code < 600
    return False


def _describe(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, reason = next(iter(error.recipients.values()))
        return f"{code} {reason.decode(errors='replace')}"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {error.smtp_error.decode(errors='replace')}"
    return f"{type(error).__name__}: {error}"


def _retry_or_fail(email, reason, now):
    email.attempts += 1
    if now - email.retry_window_start >= GIVE_UP_AFTER:
        return _fail(email, f"Gave up after {email.attempts} attempts: {reason}")
    email.status = STATUS_QUEUED
    email.last_error = reason[:1000]
    email.next_attempt_at = now + retry_delay(email.attempts)
    email.lease_expires_at = None
    return "retrying"


def _fail(email, reason):
    email.status = STATUS_FAILED
    email.last_error = reason[:1000]
    email.lease_expires_at = None
    return "failed"


def retry_delay(attempts):
    """Exponential backoff: 1, 2, 4 ... minutes, at most four hours apart."""
    return min(FIRST_RETRY * (2 ** min(max(attempts - 1, 0), 16)), LONGEST_RETRY)


class CalendarMessage(Message):
    """A message whose calendar invitation is also an inline text/calendar alternative.

    Outlook, Gmail and Apple Mail show Accept/Decline and update the event they hold only
    when the invitation is a `text/calendar; method=...` part beside the text and HTML
    (RFC 6047); the .ics attachment serves clients that ignore that part.
    """

    calendar = None  # (method, ics text)

    def _message(self):
        message = super()._message()
        _name_text_charsets(message)
        if self.calendar is None:
            return message
        method, text = self.calendar
        part = MIMEText(text, "calendar", "utf-8")
        part.set_param("method", method)
        for sub in message.walk():
            if sub.get_content_type() == "multipart/alternative":
                sub.attach(part)
                break
        return message


def _name_text_charsets(message):
    """Attached text files (an invitation's .ics) are UTF-8: say so, as their parts do not."""
    for part in message.walk():
        is_text_file = part.get_filename() and part.get_content_maintype() == "text"
        if is_text_file and part.get_param("charset") is None:
            part.set_param("charset", "utf-8")


def build_message(email):
    """The Flask-Mail message for a row, with the row's own Message-ID."""
    message = CalendarMessage(
        subject=email.subject,
        recipients=[(email.to_name, email.to_address) if email.to_name else email.to_address],
        body=email.text_body,
        html=email.html_body,
        sender=current_app.config["MAIL_DEFAULT_SENDER"],
        extra_headers=dict(email.headers or {}),
        attachments=[
            Attachment(
                filename=item["filename"],
                content_type=item["content_type"],
                data=item["data"].encode("utf-8"),
            )
            for item in email.attachments or []
        ],
    )
    message.msgId = email.message_id
    for item in email.attachments or []:
        if item.get("method"):
            message.calendar = (item["method"], item["data"])
    return message
