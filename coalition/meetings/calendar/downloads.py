"""A calendar file as a download, answering conditional requests with 304."""

import hashlib

from flask import Response, request


def ics_response(data, filename, last_modified=None):
    """A calendar file download, answering If-None-Match / If-Modified-Since with 304."""
    response = Response(data, mimetype="text/calendar")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.set_etag(hashlib.sha256(data).hexdigest())
    if last_modified is not None:
        response.last_modified = last_modified
    response.make_conditional(request)
    return response
