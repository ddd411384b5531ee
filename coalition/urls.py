"""Safe redirects and absolute links for emails and feeds."""

from urllib.parse import urlsplit

from flask import current_app, url_for


def safe_next(target, default_endpoint="dashboard.home"):
    """A same-site relative path to go to next, or the default page.

    Accepts only paths like /meetings/3?x=1: no scheme, no host, no protocol-relative
    //host, no backslashes browsers would read as slashes.
    """
    if target and _is_same_site_path(target):
        return target
    return url_for(default_endpoint)


def _is_same_site_path(target):
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
