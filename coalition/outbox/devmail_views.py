"""The development mailbox: every queued email in full, so demo links can be followed.

Registered only in development with no mail server (config DEV_MAILBOX); in any other
environment these URLs do not exist.
"""

from flask import Blueprint, Response, render_template

from coalition import authz
from coalition.extensions import db
from coalition.outbox.models import OutboxEmail

bp = Blueprint("devmail", __name__, url_prefix="/dev/mailbox")


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
