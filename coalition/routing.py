"""URL pieces shared by every blueprint: bounded ids and page numbers."""

from flask import abort, request
from werkzeug.routing import BaseConverter, IntegerConverter

MAX_ID = 2**31 - 1  # the largest id any database here stores; larger ones cannot exist
MAX_PAGE = 100_000


class BoundedIntConverter(IntegerConverter):
    """`<int:...>` that answers 404 for numbers no row can have, instead of overflowing."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


class SecretConverter(BaseConverter):
    """`<secret:token>`: a path segment that is a credential (an emailed token, a feed's
    signature). Declaring it so is what keeps it out of the logs (coalition.logredact)."""


def install_converters(app):
    """Replace the built-in int converter with the bounded one; add `secret`."""
    app.url_map.converters["int"] = BoundedIntConverter
    app.url_map.converters["secret"] = SecretConverter


def requested_page():
    """The ?page= number, 1 when absent; 404 for nonsense."""
    page = request.args.get("page", 1, type=int)
    if page < 1 or page > MAX_PAGE:
        abort(404)
    return page
