"""Participants' feedback: a form for anyone, the notes and answers, "you said, we did"."""

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from coalition.core.extensions import db, limiter
from coalition.feedback import access as feedback_access
from coalition.feedback import services
from coalition.feedback.forms import FeedbackForm, ResponseForm
from coalition.feedback.labels import FEEDBACK_STATUS_LABELS
from coalition.feedback.models import Feedback
from coalition.web import authz
from coalition.web.errorpages import limit_message
from coalition.web.form_cycle import submit
from coalition.web.i18n import _l

bp = Blueprint("feedback", __name__, url_prefix="/feedback")


def _limit_key():
    # Flask-Limiter counts per address in its store (Redis or memory), never in our tables.
    from flask_limiter.util import get_remote_address

    return get_remote_address()


limit_message(
    _l(
        "Several notes were sent from here in a short while. The ones sent have arrived; "
        "please wait a while before sending another."
    ),
    "feedback",
)


@bp.route("/", methods=["GET", "POST"])
@limiter.limit("5 per hour", methods=["POST"], key_func=_limit_key, scope="feedback")
def give():
    """Anyone, signed in or not, may send a note; it may be anonymous."""
    form = FeedbackForm()
    outcome = submit(
        form,
        lambda: _send(form),
        success=_("Thank you. Your feedback reached the participant advisory committee."),
    )
    if outcome.done:
        return redirect(url_for(".give"))
    return render_template("feedback/form.html", form=form)


def _send(form):
    """Keep the note; it names its author only when they gave their name."""
    person = current_user._get_current_object() if authz.is_member(current_user) else None
    return services.submit_feedback(
        form.body.data,
        str(get_locale() or "en"),
        name=form.name.data,
        contact=form.contact.data,
        person=person if form.name.data else None,
        may_publish=form.may_publish.data,
    )


@bp.route("/you-said-we-did")
def published():
    """Answered notes whose authors allowed showing them."""
    return render_template("feedback/you_said.html", notes=services.published_notes())


@bp.route("/notes")
@authz.require(feedback_access.can_read_feedback)
def notes():
    return render_template("feedback/notes.html", notes=services.all_notes())


def _load(note_id):
    feedback = db.session.get(Feedback, note_id)
    if feedback is None:
        abort(404)
    return feedback


def _saved_form(note_id):
    """The answer form as the note is saved now."""
    return ResponseForm(formdata=None, obj=_load(note_id))


@bp.route("/notes/<int:note_id>", methods=["GET", "POST"])
@authz.require(feedback_access.can_read_feedback)
def note(note_id):
    """Read one note; set its status and answer it. A stale answer is refused, both shown."""
    feedback = _load(note_id)
    # A posted form is read alone: its version must come from the page, never the database.
    form = ResponseForm() if request.method == "POST" else _saved_form(note_id)
    outcome = submit(
        form,
        lambda: services.respond(
            feedback,
            form.status.data,
            form.response.data or "",
            form.version.data,
            current_user._get_current_object(),
        ),
        success=_("The note is updated."),
        saved_form=lambda: _saved_form(note_id),
    )
    if outcome.done:
        return redirect(url_for(".notes"))
    page = render_template(
        "feedback/note.html", note=feedback, form=form, conflict=outcome.conflict
    )
    return page, outcome.status


@bp.app_context_processor
def labels():
    """Feedback statuses' names, for every template (the dashboard too)."""
    return {"feedback_status_labels": FEEDBACK_STATUS_LABELS}
