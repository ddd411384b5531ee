"""The timeline's Atom feed URL: signed like the calendar feeds, with the same secret.

The application registers how to find a person and their per-person feed secret (kept by
meetings' calendar settings), so resetting the calendar links ends the timeline feed's too.
The signature is HMAC-SHA256 over (person, "timeline", the person's feed secret).
"""

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass

from flask import current_app

from coalition.web.urls import external_url

EXTENSION = "timeline.feed_keys"
FEED = "timeline"


@dataclass(frozen=True)
class FeedKeys:
    """find_person(id) -> person or None; secret_of(id) -> the current secret or None;
    ensure_secret(person) -> the secret, created on first use."""

    find_person: Callable
    secret_of: Callable
    ensure_secret: Callable


def register(app, keys):
    """Tell the timeline how to find people and their feed secrets."""
    app.extensions[EXTENSION] = keys


def _keys():
    return current_app.extensions[EXTENSION]


def signature(person_id, secret):
    message = f"{person_id}:{FEED}:{secret}".encode()
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def feed_url(person):
    """The feed's absolute URL (creates the person's secret on first use)."""
    secret = _keys().ensure_secret(person)
    return external_url(
        "timeline.feeds.feed", person_id=person.id, signature=signature(person.id, secret)
    )


def feed_reader(person_id, given):
    """The active person whose feed this is, or None when the signature does not match."""
    secret = _keys().secret_of(person_id)
    if secret is None or not hmac.compare_digest(signature(person_id, secret), given or ""):
        return None
    person = _keys().find_person(person_id)
    return person if person is not None and person.is_active else None
