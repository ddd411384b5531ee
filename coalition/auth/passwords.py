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
    """Long enough and hard enough to guess (zxcvbn score of at least 3)."""
    if len(password) < MIN_LENGTH or len(password) > MAX_LENGTH:
        return False
    return zxcvbn(password, user_inputs=_words(user_inputs))["score"] >= MIN_SCORE


def _words(user_inputs):
    """Split names and emails into words, so "marisolvega1" is seen as built from them."""
    words = set()
    for value in user_inputs:
        for word in re.split(r"[\s@._+-]+", (value or "").lower()):
            if len(word) >= 3:
                words.add(word)
    return sorted(words)
