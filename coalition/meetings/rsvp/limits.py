"""How often answers may be posted: per link (or account) and per client address, so a flood
of posts records nothing and queues no email past the limit."""

from flask import current_app, request
from flask_login import current_user

from coalition.core.extensions import limiter
from coalition.core.tokens import hash_token

# Defaults; a deployment may set these in its configuration (Flask-Limiter's notation).
POSTS_PER_LINK = "20 per hour"
POSTS_PER_ACCOUNT = "20 per hour"
POSTS_PER_CLIENT = "60 per hour"
# The scopes of the limits below: the 429 page that fires with them (errorpages.limit_page).
LINK, ACCOUNT, CLIENT = ANSWER_LIMITS = ("rsvp-link", "rsvp-account", "rsvp-client")


def _configured(name, default):
    return lambda: current_app.config.get(name, default)


def _link_key():
    # The token's hash, never the token: limiter keys may reach Redis and its logs.
    return "rsvp-link:" + hash_token((request.view_args or {}).get("token", ""))


def _account_key():
    return "rsvp-account:" + str(current_user.get_id() or "")


per_link = limiter.shared_limit(
    _configured("RSVP_POSTS_PER_LINK", POSTS_PER_LINK), scope=LINK, key_func=_link_key
)
per_account = limiter.shared_limit(
    _configured("RSVP_POSTS_PER_ACCOUNT", POSTS_PER_ACCOUNT),
    scope=ACCOUNT,
    key_func=_account_key,
)
per_client = limiter.shared_limit(
    _configured("RSVP_POSTS_PER_CLIENT", POSTS_PER_CLIENT), scope=CLIENT
)
