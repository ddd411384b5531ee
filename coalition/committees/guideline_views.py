"""Operating guidelines: the adopted text, each section's history, diffs, editorial fixes."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from coalition import authz
from coalition.committees import guidelines as services
from coalition.committees.forms import EditorialForm, SectionForm
from coalition.committees.models import GuidelineSection
from coalition.errors import ActionRefused, EditConflict
from coalition.extensions import db
from coalition.textdiff import diff_html

bp = Blueprint("guidelines", __name__, url_prefix="/guidelines")


@bp.route("/")
@authz.require(authz.can_view_guidelines)
def index():
    """The adopted text, section by section."""
    return render_template("committees/guidelines.html", sections=services.sections())


@bp.route("/new", methods=["GET", "POST"])
@authz.require(authz.can_edit_guidelines)
def new_section():
    form = SectionForm()
    if form.validate_on_submit():
        try:
            services.add_section(
                form.title.data, form.text.data or "", current_user._get_current_object()
            )
        except ActionRefused as refused:
            db.session.rollback()
            getattr(form, refused.field).errors.append(str(refused.message))
        else:
            db.session.commit()
            flash(_("The section is added."), "success")
            return redirect(url_for(".index"))
    return render_template("committees/section_form.html", form=form)


def _section(section_id):
    section = services.history(section_id)
    if section is None:
        abort(404)
    return section


@bp.route("/<int:section_id>/history")
@authz.require(authz.can_view_guidelines)
def history(section_id):
    """Every revision of a section, newest first, with links to compare any two."""
    return render_template("committees/history.html", section=_section(section_id))


@bp.route("/<int:section_id>/diff")
@authz.require(authz.can_view_guidelines)
def diff(section_id):
    """What changed between two revisions (?old=N&new=M; by default the last change)."""
    section = _section(section_id)
    by_number = {revision.number: revision for revision in section.revisions}
    newest = section.revisions[0].number if section.revisions else 0
    new_number = request.args.get("new", newest, type=int)
    old_number = request.args.get("old", new_number - 1, type=int)
    old, new = by_number.get(old_number), by_number.get(new_number)
    if old is None or new is None:
        abort(404)
    html = diff_html(old.text, new.text, removed_label=_("removed:"), added_label=_("added:"))
    return render_template("committees/diff.html", section=section, old=old, new=new, diff=html)


def _editorial_page(section, form, conflict=None):
    return render_template(
        "committees/editorial.html", section=section, form=form, conflict=conflict
    )


@bp.route("/<int:section_id>/edit", methods=["GET", "POST"])
@authz.require(authz.can_edit_guidelines)
def edit(section_id):
    """A coordinator's editorial correction; a stale save is refused with a diff."""
    section = authz.get_or_404(GuidelineSection, section_id)
    form = EditorialForm()
    if request.method == "GET":
        form.text.data, form.version.data = section.text, str(section.version)
    if form.validate_on_submit():
        submitted = form.text.data
        try:
            services.correct_editorially(
                section,
                submitted,
                form.note.data,
                form.version.data,
                current_user._get_current_object(),
            )
            db.session.commit()
        except (EditConflict, StaleDataError):
            db.session.rollback()
            saved = authz.get_or_404(GuidelineSection, section_id)
            conflict = diff_html(
                saved.text, submitted, removed_label=_("removed:"), added_label=_("added:")
            )
            form.version.data = str(saved.version)
            return _editorial_page(saved, form, conflict)
        except ActionRefused as refused:
            db.session.rollback()
            getattr(form, refused.field).errors.append(str(refused.message))
        else:
            flash(_("The editorial correction is saved as a new revision."), "success")
            return redirect(url_for(".index") + f"#section-{section_id}")
    return _editorial_page(section, form)
