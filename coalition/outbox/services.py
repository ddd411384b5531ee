"""Coordinators' actions on the outbox, and reading it page by page."""

from sqlalchemy import func, update

from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.outbox.models import (
    STATUS_CANCELLED,
    STATUS_FAILED,
    STATUS_QUEUED,
    STATUSES,
    OutboxEmail,
)
from coalition.web.i18n import _l

PAGE_SIZE = 50


def outbox_page(status=None, page=1):
    """One page of email, newest first, with the count per status."""
    query = db.select(OutboxEmail).order_by(OutboxEmail.created_at.desc(), OutboxEmail.id.desc())
    if status in STATUSES:
        query = query.where(OutboxEmail.status == status)
    emails = db.session.scalars(query.limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)).all()
    counts = dict(
        db.session.execute(
            db.select(OutboxEmail.status, func.count(OutboxEmail.id)).group_by(OutboxEmail.status)
        ).all()
    )
    return emails, {name: counts.get(name, 0) for name in STATUSES}


def retry_email(email):
    """Put a failed (or cancelled) email back in the queue, due now, for another day."""
    now = utcnow()
    changed = _change_status(
        email,
        (STATUS_FAILED, STATUS_CANCELLED),
        status=STATUS_QUEUED,
        next_attempt_at=now,
        retry_window_start=now,
        last_error=None,
    )
    if not changed:
        raise ActionRefused(_l("Only failed or cancelled email can be retried."))


def cancel_email(email):
    """Stop an email that has not gone out yet."""
    if not _change_status(email, (STATUS_QUEUED,), status=STATUS_CANCELLED):
        raise ActionRefused(_l("Only email still waiting in the queue can be cancelled."))


def _change_status(email, allowed, **values):
    """Change the row only if its status is still allowed: a worker may claim it meanwhile."""
    result = db.session.execute(
        update(OutboxEmail)
        .where(OutboxEmail.id == email.id, OutboxEmail.status.in_(allowed))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    db.session.flush()
    return result.rowcount == 1
