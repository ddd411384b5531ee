"""Password hashing (argon2id) and the strength rule."""

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from zxcvbn import zxcvbn

MIN_LENGTH = 10
MIN_SCORE = 3
MAX_LENGTH = 256  # zxcvbn's cost grows with length; nobody types more than this


def _hasher():
    config = current_app.config
    return PasswordHasher(
        time_cost=config["ARGON2_TIME_COST"], memory_cost=config["ARGON2_MEMORY_COST"]
    )


def hash_password(password):
    """An argon2id hash of the password."""
    return _hasher().hash(password)


def verify_password(password_hash, password):
    """True when the password matches; a missing hash still costs a full verification."""
    hasher = _hasher()
    try:
        if password_hash is None:
            # Spend the same time as a real check, so timing does not reveal accounts.
            hasher.verify(_dummy_hash(hasher), password)
            return False
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


_dummy_hashes = {}


def _dummy_hash(hasher):
    key = (hasher.time_cost, hasher.memory_cost)
    if key not in _dummy_hashes:
        _dummy_hashes[key] = hasher.hash("not-a-real-password")
    return _dummy_hashes[key]


def is_strong_enough(password, user_inputs=()):
    """Long enough, not built from the person's own name or email, and hard to guess."""
    if len(password) < MIN_LENGTH or len(password) > MAX_LENGTH:
        return False
    inputs = [*user_inputs, current_app.config.get("COALITION_NAME", ""), "coalition"]
    words = _words(inputs)
    if _built_only_from(password, words):
        return False
    full = [value for value in inputs if value]
    return zxcvbn(password, user_inputs=full + words)["score"] >= MIN_SCORE


def _built_only_from(password, words):
    """True when removing the given words (and digits) leaves almost nothing of it."""
    rest = re.sub(r"[^a-z0-9]", "", password.lower())
    for word in sorted(words, key=len, reverse=True):
        rest = rest.replace(re.sub(r"[^a-z0-9]", "", word), "")
    return len(re.sub(r"\d", "", rest)) < 4


def _words(user_inputs):
    """Split names and emails into words, so "marisolvega1" is seen as built from them."""
    words = set()
    for value in user_inputs:
        for word in re.split(r"[\s@._+-]+", (value or "").lower()):
            if len(word) >= 3:
                words.add(word)
    return sorted(words)
