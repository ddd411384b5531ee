"""The language check's pages: the list of terms, adding and editing one, checking a text."""

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _

from coalition.messaging.language import access as language_access
from coalition.messaging.language import services
from coalition.messaging.language.forms import PATTERN_HELP, CheckForm, TermForm
from coalition.messaging.language.models import LanguageTerm
from coalition.messaging.language.passages import flagged_passages
from coalition.web import authz
from coalition.web.form_cycle import submit

bp = Blueprint("language", __name__, url_prefix="/language")


@bp.route("/")
@authz.require(language_access.can_read_language_terms)
def index():
    """The terms the check flags, with what to say instead and when."""
    return render_template("messaging/language/index.html", terms=services.all_terms())


@bp.route("/new", methods=["GET", "POST"])
@authz.require(language_access.can_edit_language_terms)
def new():
    """Coordinators: add a term to the list."""
    form = TermForm()
    outcome = submit(
        form,
        lambda: services.add_term(_data(form)),
        success=_("The term is added to the list."),
    )
    if outcome.done:
        return redirect(url_for(".index"))
    return render_template(
        "messaging/language/form.html", form=form, term=None, pattern_help=PATTERN_HELP
    )


@bp.route("/<int:term_id>/edit", methods=["GET", "POST"])
@authz.require(language_access.can_edit_language_terms)
def edit(term_id):
    """Coordinators: change a term, its suggestions or its context phrases; a stale edit shows
    both versions and answers 409 Conflict."""
    term = authz.get_or_404(LanguageTerm, term_id)
    form = TermForm() if request.method == "POST" else _saved_form(term_id)
    outcome = submit(
        form,
        lambda: services.update_term(term, _data(form), form.version.data),
        success=_("The term is saved."),
        saved_form=lambda: _saved_form(term_id),
    )
    if outcome.done:
        return redirect(url_for(".index"))
    page = render_template(
        "messaging/language/form.html",
        form=form,
        term=term,
        conflict=outcome.conflict,
        pattern_help=PATTERN_HELP,
    )
    return page, outcome.status


@bp.route("/<int:term_id>/deactivate", methods=["POST"])
@authz.require(language_access.can_edit_language_terms)
def deactivate(term_id):
    """Coordinators: stop flagging a term (it stays in the list)."""
    term = authz.get_or_404(LanguageTerm, term_id)
    message = _("%(name)s is no longer flagged.", name=term.name)
    submit(None, lambda: services.deactivate_term(term), success=message)
    return redirect(url_for(".index"))


@bp.route("/<int:term_id>/activate", methods=["POST"])
@authz.require(language_access.can_edit_language_terms)
def activate(term_id):
    """Coordinators: flag a deactivated term again."""
    term = authz.get_or_404(LanguageTerm, term_id)
    message = _("%(name)s is flagged again.", name=term.name)
    submit(None, lambda: services.activate_term(term), success=message)
    return redirect(url_for(".index"))


@bp.route("/check", methods=["GET", "POST"])
@authz.require(language_access.can_check_language)
def check():
    """Any member: paste a text and see each flag beside its passage (advice, never a block)."""
    form = CheckForm()
    flags = passages = None
    if form.validate_on_submit():
        flags = services.check_text(form.text.data, form.language.data or None)
        passages = flagged_passages(form.text.data, flags)
    return render_template(
        "messaging/language/check.html", form=form, flags=flags, passages=passages
    )


def _saved_form(term_id):
    """The term form as the row is saved now."""
    return TermForm(formdata=None, obj=authz.get_or_404(LanguageTerm, term_id))


def _data(form):
    return services.TermData(
        language=form.language.data,
        terms=form.terms.data,
        suggestions=form.suggestions.data or "",
        flag_only_in=form.flag_only_in.data or "",
        never_in=form.never_in.data or "",
        note=form.note.data or "",
        source=form.source.data or "",
    )
