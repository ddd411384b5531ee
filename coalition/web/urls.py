"""URLs: bounded ids and page numbers, secret segments, safe redirects, absolute links."""

from urllib.parse import urlsplit

from flask import abort, current_app, request, url_for
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
    signature). Declaring it so is what keeps it out of the logs (coalition.web.logredact)."""


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


def safe_next(target, default_endpoint="dashboard.home"):
    """A same-site relative path to go to next, or the default page.

    Accepts only paths like /meetings/3?x=1: no scheme, no host, no protocol-relative
    //host, no backslashes browsers would read as slashes.
    """
    if target and is_same_site_path(target):
        return target
    return url_for(default_endpoint)


def is_same_site_path(target):
    """A path on this site: no scheme, no host, nothing a browser would read as one."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return False
    if any(ord(char) < 32 for char in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def external_url(endpoint, **values):
    """An absolute URL on the public base URL, for emails and feeds; needs no request."""
    base = urlsplit(current_app.config["PUBLIC_BASE_URL"])
    adapter = current_app.url_map.bind(
        base.netloc, url_scheme=base.scheme or "https", script_name=base.path or "/"
    )
    return adapter.build(endpoint, values, force_external=True)
