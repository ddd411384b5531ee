"""The development mailbox: every queued email in full, so demo links can be followed.

Registered only in development with no mail server (config DEV_MAILBOX); in any other
environment these URLs do not exist.
"""

from flask import Blueprint, Response, abort, render_template, request

from coalition.core.extensions import db
from coalition.outbox.models import OutboxEmail
from coalition.web import authz

bp = Blueprint("devmail", __name__, url_prefix="/dev/mailbox")
LOOPBACK = {"127.0.0.1", "::1"}


@bp.before_request
def only_from_this_machine():
    """The mailbox holds everyone's reset links: show it only to a browser on this machine."""
    if request.remote_addr not in LOOPBACK:
        abort(404)


@bp.after_request
def never_cached(response):
    """Never keep these pages (they hold personal links) in any cache."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.route("/")
def index():
    """Every email the app has queued, newest first."""
    emails = db.session.scalars(
        db.select(OutboxEmail).order_by(OutboxEmail.id.desc()).limit(200)
    ).all()
    return render_template("outbox/devmail_index.html", emails=emails)


@bp.route("/<int:email_id>")
def message(email_id):
    """One email in full, with its links clickable."""
    email = authz.get_or_404(OutboxEmail, email_id)
    return render_template("outbox/devmail_message.html", email=email)


@bp.route("/<int:email_id>/html")
def html(email_id):
    """The HTML version of one email, as a mail client would show it."""
    email = authz.get_or_404(OutboxEmail, email_id)
    return Response(email.html_body, mimetype="text/html")
