"""Operating guidelines: the adopted text, each section's history, diffs, editorial fixes."""

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from coalition.committees.guidelines import access as guidelines_access
from coalition.committees.guidelines import services
from coalition.committees.guidelines.forms import EditorialForm, SectionForm
from coalition.committees.guidelines.models import GuidelineSection
from coalition.revisions.diff import diff_html
from coalition.web import authz
from coalition.web.form_cycle import submit

bp = Blueprint("guidelines", __name__, url_prefix="/guidelines")


@bp.route("/")
@authz.require(guidelines_access.can_view_guidelines)
def index():
    """The adopted text, section by section."""
    return render_template("committees/guidelines/index.html", sections=services.sections())


@bp.route("/new", methods=["GET", "POST"])
@authz.require(guidelines_access.can_edit_guidelines)
def new_section():
    """A new section, its text as the first revision."""
    form = SectionForm()
    outcome = submit(
        form,
        lambda: services.add_section(form.title.data, form.text.data or "", _actor()),
        success=_("The section is added."),
    )
    if outcome.done:
        return redirect(url_for(".index"))
    return render_template("committees/guidelines/section_form.html", form=form)


def _actor():
    return current_user._get_current_object()


def _section(section_id):
    section = services.history(section_id)
    if section is None:
        abort(404)
    return section


@bp.route("/<int:section_id>/history")
@authz.require(guidelines_access.can_view_guidelines)
def history(section_id):
    """Every revision of a section, newest first, with links to compare any two."""
    return render_template("committees/guidelines/history.html", section=_section(section_id))


def _labels():
    return {"removed_label": _("removed:"), "added_label": _("added:")}


@bp.route("/<int:section_id>/diff")
@authz.require(guidelines_access.can_view_guidelines)
def diff(section_id):
    """What changed between two revisions (?old=N&new=M; by default the last change)."""
    section = authz.get_or_404(GuidelineSection, section_id)
    new_number = request.args.get("new", section.revisioned.current_number, type=int)
    old_number = request.args.get("old", new_number - 1, type=int)
    compared = services.compare(section, old_number, new_number, **_labels())
    if compared is None:
        abort(404)
    old, new, html = compared
    return render_template(
        "committees/guidelines/diff.html", section=section, old=old, new=new, diff=html
    )


@bp.route("/<int:section_id>/edit", methods=["GET", "POST"])
@authz.require(guidelines_access.can_edit_guidelines)
def edit(section_id):
    """A coordinator's editorial correction; a stale save is refused with a diff."""
    section = authz.get_or_404(GuidelineSection, section_id)
    form = EditorialForm()
    if request.method == "GET":
        form.text.data, form.version.data = section.text, str(section.version)
    outcome = submit(
        form,
        lambda: services.correct_editorially(
            section, form.text.data, form.note.data, form.version.data, _actor()
        ),
        success=_("The editorial correction is saved as a new revision."),
        on_stale=lambda error: _differences(section_id, form),
    )
    if outcome.done:
        return redirect(url_for(".index") + f"#section-{section_id}")
    return render_template(
        "committees/guidelines/editorial.html",
        section=section,  # after a stale save, read again as saved now
        form=form,
        conflict=outcome.conflict,
    ), outcome.status


def _differences(section_id, form):
    """Nothing was saved: the saved text against the one submitted, now based on the saved."""
    saved = authz.get_or_404(GuidelineSection, section_id)
    form.version.data = str(saved.version)
    return diff_html(saved.text, form.text.data, **_labels())
