"""The authorization mechanism: the one way views and templates ask who may do what.

Views load the object first (404 when it does not exist), then ask a predicate (403 when
refused). The predicates are each feature's rules (`members/access.py`,
`committees/access.py`, `meetings/access.py`...), built on the roles and the per-request
cache here. Templates ask `can("rule", obj)` for the reader and reach every other rule
through the `authz` global (`TemplateRules`), so a link is shown exactly when following it
is allowed.
"""

import sys
from functools import wraps
from urllib.parse import urlsplit

from flask import abort, current_app, flash, g, has_app_context, redirect, request
from flask_login import current_user
from flask_login.utils import login_url
from werkzeug.exceptions import HTTPException

from coalition.core.extensions import db, login_manager
from coalition.web.urls import is_same_site_path


def is_member(user):
    """Anyone logged in with an active account."""
    return bool(user and user.is_authenticated and user.is_active)


def is_coordinator(user):
    """Coordinators run the coalition and see everything."""
    return is_member(user) and user.is_coordinator


def can_view_workspace(user):
    """Committees, meetings and messaging areas (their objects add their own checks)."""
    return is_member(user)


def require(predicate):
    """View decorator: 403 unless predicate(current_user) holds.

    Anonymous visitors are sent to the login page instead (`send_to_login`), so an emailed
    link still works after logging in.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return send_to_login()
            if not predicate(current_user):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def send_to_login():
    """The login page, and after it the page the visitor was on: the requested page for a
    GET; for a form sent after the session ended, the same-site page the form was on (the
    Referer), else its own address if that is also a page, else the home page. The way back
    is a GET, and a form's address that is not a page answers 405 to one."""
    here = request.full_path if request.query_string else request.path
    if request.method in ("GET", "HEAD"):
        back = here
    else:
        back = _referring_page() or (here if _answers_get() else None)
    flash(str(login_manager.login_message), login_manager.login_message_category)
    return redirect(login_url(login_manager.login_view, next_url=back))


def _referring_page():
    """The path of the page that sent this request, when it is a page of this site."""
    referrer = urlsplit(request.referrer or "")
    if (referrer.scheme, referrer.netloc) != (request.scheme, request.host):
        return None
    path = referrer.path + (f"?{referrer.query}" if referrer.query else "")
    return path if is_same_site_path(path) else None


def _answers_get():
    try:
        current_app.url_map.bind_to_environ(request.environ).match(method="GET")
    except HTTPException:
        return False
    return True


def get_or_404(model, object_id):
    """Load one object by primary key or answer 404."""
    obj = db.session.get(model, object_id)
    if obj is None:
        abort(404)
    return obj


def get_child_or_404(model, object_id, **parent):
    """Load an object that must belong to a parent (e.g. committee_id=3) or answer 404."""
    obj = get_or_404(model, object_id)
    if any(getattr(obj, name) != value for name, value in parent.items()):
        abort(404)
    return obj


def check(allowed):
    """Answer 403 unless allowed."""
    if not allowed:
        abort(403)


def load_and_check(model, object_id, predicate):
    """Load (404), then ask predicate(current_user, obj) (403); return the object."""
    obj = get_or_404(model, object_id)
    check(predicate(current_user, obj))
    return obj


def cached(name, user, compute):
    """A per-request (per app context) answer about one user, so pages ask once."""
    if not has_app_context():
        return compute()
    cache = g.setdefault("authz_cache", {})
    key = (name, user.id)
    if key not in cache:
        cache[key] = compute()
    return cache[key]


class TemplateRules:
    """What templates see as `authz`: this module's predicates and every feature's rules."""

    def __init__(self, *rule_modules):
        self._modules = (sys.modules[__name__], *rule_modules)

    def __getattr__(self, name):
        for module in self._modules:
            if hasattr(module, name):
                return getattr(module, name)
        raise AttributeError(name)

    def can(self, rule, *objects):
        """`can("manage_meeting", meeting)`: the rule `can_manage_meeting`, for the reader."""
        return getattr(self, f"can_{rule}")(current_user, *objects)
