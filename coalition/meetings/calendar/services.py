"""A person's calendar settings and their feeds' signed URLs (HMAC over person, feed, secret)."""

import hashlib
import hmac
import secrets

from flask import current_app

from coalition.core.extensions import db
from coalition.meetings.calendar.models import CalendarSettings
from coalition.web.urls import external_url

FEED_COALITION = "coalition"
FEED_MINE = "mine"


def settings_for(person):
    """The person's calendar settings, created on first use."""
    settings = db.session.scalar(db.select(CalendarSettings).filter_by(person_id=person.id))
    if settings is None:
        settings = CalendarSettings(person_id=person.id, feed_secret=secrets.token_urlsafe(24))
        db.session.add(settings)
        db.session.flush()
    return settings


def choose_delivery(person, delivery):
    """Meetings reach the person's calendar as emailed invitations, or through their feed."""
    settings_for(person).delivery = delivery
    db.session.flush()


def reset_feed_secret(person):
    """Every feed URL given out before stops working at once."""
    settings_for(person).feed_secret = secrets.token_urlsafe(24)
    db.session.flush()


def feed_signature(person_id, feed, feed_secret):
    """HMAC-SHA256 over (person, feed, the person's feed secret)."""
    message = f"{person_id}:{feed}:{feed_secret}".encode()
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def feed_url(person, feed, *, scheme="https"):
    """The feed's absolute URL; webcal:// for one-tap subscription in calendar apps."""
    settings = settings_for(person)
    url = external_url(
        "meetings.calendar.feed",
        person_id=person.id,
        feed=feed,
        signature=feed_signature(person.id, feed, settings.feed_secret),
    )
    if scheme == "webcal":
        return "webcal://" + url.split("://", 1)[1]
    return url


def check_feed_signature(person_id, feed, signature):
    """True when the signature matches the person's current feed secret."""
    settings = db.session.scalar(db.select(CalendarSettings).filter_by(person_id=person_id))
    if settings is None:
        return False
    expected = feed_signature(person_id, feed, settings.feed_secret)
    return hmac.compare_digest(expected, signature or "")
