"""The daily digest: one email per person gathering what they chose to read once a day."""

from collections import defaultdict
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, update

from coalition.core.dbtypes import utcnow
from coalition.core.extensions import db
from coalition.outbox.kinds import DIGEST, OPTIONAL
from coalition.outbox.mail import queue_email
from coalition.outbox.models import DigestItem, OutboxEmail
from coalition.outbox.recipients import find_person
from coalition.web.i18n import _l

# A digest goes out at most once in this window, whatever the cron schedule.
DIGEST_INTERVAL = timedelta(hours=23)


def send_digests(now=None):
    """Queue a digest for each person with pending items and no digest recently; return n."""
    now = now or utcnow()
    pending = _pending_items_by_person()
    recently = _people_with_recent_digest(now)
    sent = 0
    for person_id, items in pending.items():
        if person_id in recently:
            continue
        person = find_person(person_id)
        if person is None or not person.email or not person.is_active:
            continue
        email = queue_email(
            kind=DIGEST,
            person=person,
            to_address=person.email,
            subject=_l(
                "Your daily summary from %(coalition)s",
                coalition=current_app.config["COALITION_NAME"],
            ),
            template="digest",
            context={"items": items, "kind_labels": OPTIONAL},
            idempotency_key=f"digest:{person_id}:{items[-1].id}",
        )
        if email is not None and _attach_items(items, email):
            sent += 1
    return sent


def _pending_items_by_person():
    items = db.session.scalars(
        db.select(DigestItem)
        .where(DigestItem.digest_email_id.is_(None))
        .order_by(DigestItem.person_id, DigestItem.id)
    ).all()
    grouped = defaultdict(list)
    for item in items:
        grouped[item.person_id].append(item)
    return grouped


def _people_with_recent_digest(now):
    rows = db.session.execute(
        db.select(OutboxEmail.person_id, func.max(OutboxEmail.created_at))
        .where(OutboxEmail.kind == DIGEST, OutboxEmail.person_id.is_not(None))
        .group_by(OutboxEmail.person_id)
    ).all()
    return {person_id for person_id, last in rows if last and now - last < DIGEST_INTERVAL}


def _attach_items(items, email):
    """Mark the items as sent in this digest; if another run took them first, undo."""
    result = db.session.execute(
        update(DigestItem)
        .where(DigestItem.id.in_([item.id for item in items]), DigestItem.digest_email_id.is_(None))
        .values(digest_email_id=email.id)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != len(items):
        raise DigestRace()
    return True


class DigestRace(Exception):
    """Another digest run claimed some of these items; this run's transaction must roll back."""
