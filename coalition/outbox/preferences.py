"""Each person's choice, per kind of optional email: immediately, daily digest, or never."""

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from coalition.core.extensions import db
from coalition.outbox.kinds import (
    DAILY_DIGEST,
    DELIVERY_CHOICES,
    DIGEST,
    IMMEDIATELY,
    NEVER,
    OPTIONAL,
    has_unsubscribe,
)
from coalition.outbox.models import NotificationPreference
from coalition.web.urls import external_url

UNSUBSCRIBE_SALT = "coalition-unsubscribe"


def delivery_for(person, kind):
    """How this person wants this kind of email (immediately unless they chose otherwise)."""
    if person is None or person.id is None:
        return IMMEDIATELY
    choice = db.session.scalar(
        db.select(NotificationPreference.delivery).filter_by(person_id=person.id, kind=kind)
    )
    return choice or IMMEDIATELY


def choices_for(person):
    """{kind: delivery} for every optional kind, in one query."""
    rows = db.session.execute(
        db.select(NotificationPreference.kind, NotificationPreference.delivery).filter_by(
            person_id=person.id
        )
    ).all()
    chosen = dict(rows)
    return {kind: chosen.get(kind, IMMEDIATELY) for kind in OPTIONAL}


def set_delivery(person, kind, delivery):
    """Record a person's choice for one optional kind."""
    if kind not in OPTIONAL or delivery not in DELIVERY_CHOICES:
        raise ValueError(f"Unknown kind or delivery: {kind!r}, {delivery!r}")
    preference = db.session.scalar(
        db.select(NotificationPreference).filter_by(person_id=person.id, kind=kind)
    )
    if preference is None:
        preference = NotificationPreference(person_id=person.id, kind=kind)
        db.session.add(preference)
    preference.delivery = delivery
    db.session.flush()


def _serializer():
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(person, kind):
    """A link that works without logging in, for this person and kind only."""
    token = _serializer().dumps([person.id, kind])
    return external_url("outbox.unsubscribe", token=token)


def read_unsubscribe_token(token):
    """(person_id, kind) from a signed unsubscribe token, or None when forged."""
    try:
        person_id, kind = _serializer().loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    if not isinstance(person_id, int) or not has_unsubscribe(kind):
        return None
    return person_id, kind


def unsubscribe(person, kind):
    """Stop one kind of email; for the digest, every kind the person gets in it."""
    if kind != DIGEST:
        set_delivery(person, kind, NEVER)
        return
    for optional_kind, delivery in choices_for(person).items():
        if delivery == DAILY_DIGEST:
            set_delivery(person, optional_kind, NEVER)
