"""Styled, translated error pages; never a bare traceback."""

from flask import render_template
from flask_wtf.csrf import CSRFError

from coalition.core.extensions import db
from coalition.web.i18n import _l

ERRORS = {
    400: (
        _l("Something in that request was not right"),
        _l("The page could not understand what was sent. Go back, reload the page, and try again."),
    ),
    403: (
        _l("You do not have access to this page"),
        _l("Your account cannot see or do this. If you think it should, ask a coordinator."),
    ),
    404: (
        _l("We could not find that page"),
        _l("The link may be old, or the item may have been removed."),
    ),
    405: (_l("That action is not available here"), _l("Go back and use the buttons on the page.")),
    413: (_l("That file is too large"), _l("Choose a smaller file and try again.")),
    429: (
        _l("Too many attempts"),
        _l("For your security, this is paused for a while. Please wait before trying again."),
    ),
    500: (
        _l("Something went wrong on our side"),
        _l(
            "Nothing you did caused this. Please try again in a moment; if it keeps "
            "happening, tell a coordinator."
        ),
    ),
}
CSRF_MESSAGE = _l(
    "This form expired or was sent from another site. Reload the page and send "
    "it again; what you typed may need to be entered again."
)


_LIMIT_PAGES = {}  # a rate limit's scope -> the view of its 429 page


def limit_message(message, *scopes):
    """The usual 429 page with `message` when a rate limit of one of these scopes fires."""
    limit_page(*scopes)(lambda error: render_error(429, message))


def limit_page(*scopes):
    """Decorator: `view(error)` answers when a rate limit of one of these scopes fires, on
    whichever route the limit guards; other limits show the usual 429 page."""

    def register_view(view):
        for scope in scopes:
            _LIMIT_PAGES[scope] = view
        return view

    return register_view


def too_many_requests(error):
    """The 429 page of the limit that fired (Flask-Limiter names it), not of the blueprint."""
    view = _LIMIT_PAGES.get(getattr(getattr(error, "limit", None), "scope", None))
    return view(error) if view is not None else render_error(429)


def render_error(code, message=None):
    """The error page for an HTTP status, with an optional more precise message."""
    title, default_message = ERRORS[code]
    html = render_template(
        "errors/error.html", code=code, title=title, message=message or default_message
    )
    return html, code


def register(app):
    """Install a handler for each status we style."""
    for code in ERRORS:
        if code in (429, 500):
            continue
        app.register_error_handler(code, lambda error, code=code: render_error(code))
    app.register_error_handler(429, too_many_requests)

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_error(400, CSRF_MESSAGE)

    @app.errorhandler(500)
    def server_error(error):
        db.session.rollback()
        return render_error(500)
