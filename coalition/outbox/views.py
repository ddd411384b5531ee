"""The coordinators' outbox, each person's email preferences, and unsubscribing."""

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from coalition.core.extensions import csrf
from coalition.outbox import access as outbox_access
from coalition.outbox import preferences, services
from coalition.outbox.forms import preferences_form
from coalition.outbox.kinds import OPTIONAL, label
from coalition.outbox.models import STATUSES, OutboxEmail
from coalition.outbox.recipients import find_person
from coalition.web import authz
from coalition.web.form_cycle import submit
from coalition.web.i18n import link_recipient_reader
from coalition.web.urls import requested_page

bp = Blueprint("outbox", __name__)


@bp.route("/outbox")
@authz.require(outbox_access.can_view_outbox)
def index():
    """Coordinators: queued, sent and failed email, personal links hidden."""
    status = request.args.get("status")
    if status and status not in STATUSES:
        abort(404)
    page = requested_page()
    emails, counts = services.outbox_page(status, page)
    return render_template(
        "outbox/index.html",
        emails=emails,
        counts=counts,
        status=status,
        page=page,
        has_more=len(emails) == services.PAGE_SIZE,
    )


@bp.route("/outbox/<int:email_id>")
@authz.require(outbox_access.can_view_outbox)
def detail(email_id):
    """Coordinators: one email's status and its masked text."""
    email = authz.get_or_404(OutboxEmail, email_id)
    return render_template("outbox/detail.html", email=email)


def _act(email_id, action, message):
    email = authz.get_or_404(OutboxEmail, email_id)
    authz.check(outbox_access.can_manage_outbox(current_user))
    submit(None, lambda: action(email), success=message)
    return redirect(url_for("outbox.detail", email_id=email_id))


@bp.route("/outbox/<int:email_id>/retry", methods=["POST"])
@authz.require(authz.is_member)
def retry(email_id):
    """Coordinators: queue a failed email again."""
    return _act(email_id, services.retry_email, _("The email is queued again."))


@bp.route("/outbox/<int:email_id>/cancel", methods=["POST"])
@authz.require(authz.is_member)
def cancel(email_id):
    """Coordinators: stop an email before it goes out."""
    return _act(email_id, services.cancel_email, _("The email is cancelled."))


@bp.route("/account/notifications", methods=["GET", "POST"])
@authz.require(authz.is_member)
def preferences_page():
    """Choose, per kind of email, immediately, a daily digest, or never."""
    person = current_user._get_current_object()
    form = preferences_form(
        preferences.choices_for(person), formdata=request.form if request.method == "POST" else None
    )
    outcome = submit(
        form,
        lambda: _save_preferences(person, form),
        success=_("Your email preferences are saved."),
    )
    if outcome.done:
        return redirect(url_for("outbox.preferences_page"))
    return render_template("outbox/preferences.html", form=form)


def _save_preferences(person, form):
    for kind in OPTIONAL:
        preferences.set_delivery(person, kind, getattr(form, kind).data)


def _unsubscribe_target(token):
    found = preferences.read_unsubscribe_token(token)
    if found is None:
        abort(404)
    person = find_person(found[0])
    if person is None:
        abort(404)
    return person, found[1]


@link_recipient_reader("outbox.unsubscribe", "outbox.unsubscribe_one_click")
def _read_as_recipient(token):
    """Whom an unsubscribe link was sent to: its pages, refused ones too, in their language."""
    found = preferences.read_unsubscribe_token(token)
    person = find_person(found[0]) if found else None
    return (person, None) if person is not None else None


@bp.route("/unsubscribe/<secret:token>", methods=["GET", "POST"])
def unsubscribe(token):
    """From an email's link: confirm, then stop that kind of email (a scanner's GET does not)."""
    person, kind = _unsubscribe_target(token)
    if request.method == "POST":
        submit(None, lambda: preferences.unsubscribe(person, kind))
        return render_template("outbox/unsubscribed.html", kind_label=label(kind))
    return render_template("outbox/unsubscribe.html", kind_label=label(kind), token=token)


@bp.route("/unsubscribe/<secret:token>/one-click", methods=["POST"])
@csrf.exempt
def unsubscribe_one_click(token):
    """RFC 8058 one-click unsubscribe from a mail client; the signed token is the proof."""
    person, kind = _unsubscribe_target(token)
    submit(None, lambda: preferences.unsubscribe(person, kind))
    return "", 204


@bp.after_request
def protect_unsubscribe_pages(response):
    """Unsubscribe pages carry a personal link: no referrer, no caching."""
    if request.endpoint in ("outbox.unsubscribe", "outbox.unsubscribe_one_click"):
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
    return response
