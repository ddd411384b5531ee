"""Which requests only read: a page asked for with GET, unless its view says it writes.

On SQLite, core.database begins a read-only request's transaction deferred, so the page
never waits behind a writer; this module tells it which requests those are.
"""

from flask import current_app, g, request

READ_METHODS = {"GET", "HEAD", "OPTIONS"}


def writes_on_get(view):
    """Mark a view that writes while answering a GET: its transaction takes the write lock."""
    view.writes_on_get = True
    return view


def note_read_only_request():
    """A page asked for with GET whose view is not marked `writes_on_get` only reads."""
    view = current_app.view_functions.get(request.endpoint)
    g.read_only_request = request.method in READ_METHODS and not getattr(
        view, "writes_on_get", False
    )


def register(app):
    """Note each request's kind first, before any other hook reads the database."""
    app.before_request_funcs.setdefault(None, []).insert(0, note_read_only_request)
