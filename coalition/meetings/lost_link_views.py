"""Invitees without an account: asking again for a lost personal link to answer."""

from flask import Blueprint, render_template, request

from coalition.auth.forms import ForgotPasswordForm
from coalition.core.extensions import limiter
from coalition.meetings.lost_links import send_lost_links
from coalition.members.people.models import normalize_email
from coalition.web.form_cycle import submit

bp = Blueprint("rsvp_links", __name__, url_prefix="/rsvp")


def _address_key():
    return "lost-link:" + (normalize_email(request.form.get("email")) or "")


@bp.route("/lost", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"], scope="lost-link-address")
@limiter.limit("3 per hour", methods=["POST"], key_func=_address_key, scope="lost-link-email")
def lost():
    """Ask for one's links again; the answer is the same whether the address is invited."""
    form = ForgotPasswordForm()
    if submit(form, lambda: send_lost_links(form.email.data)).done:
        return render_template("meetings/lost_link_sent.html", email=form.email.data)
    return render_template("meetings/lost_link.html", form=form)
