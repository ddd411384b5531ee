"""Drafts: the list, starting one, its page, its details, writing it, history and restore."""

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from coalition.messaging import access as messaging_access
from coalition.messaging import services
from coalition.messaging.comments.views import bp as comments_bp
from coalition.messaging.exports.views import bp as exports_bp
from coalition.messaging.forms import (
    MARKDOWN_HELP,
    DraftDetailsForm,
    DraftFilterForm,
    DraftTextForm,
    NewDraftForm,
    RestoreForm,
)
from coalition.messaging.labels import KIND_LABELS, STATUS_LABELS
from coalition.messaging.language.views import bp as language_bp
from coalition.messaging.models import Draft
from coalition.messaging.pages import draft_page, load_draft, translation_changes
from coalition.messaging.review.views import bp as review_bp
from coalition.messaging.services import DraftDetails, DraftFilters
from coalition.messaging.timeline_source import register_draft_source
from coalition.messaging.translations import services as translations
from coalition.messaging.translations.views import bp as translations_bp
from coalition.revisions.diff import diff_html
from coalition.revisions.services import StaleRevision
from coalition.web import authz
from coalition.web.form_cycle import submit
from coalition.web.urls import requested_page

bp = Blueprint("messaging", __name__, url_prefix="/messaging")
bp.register_blueprint(comments_bp)
bp.register_blueprint(exports_bp)
bp.register_blueprint(language_bp)
bp.register_blueprint(review_bp)
bp.register_blueprint(translations_bp)
bp.record_once(register_draft_source)
bp.add_app_template_global(KIND_LABELS, "DRAFT_KIND_LABELS")
bp.add_app_template_global(STATUS_LABELS, "DRAFT_STATUS_LABELS")
bp.add_app_template_global(MARKDOWN_HELP, "DRAFT_MARKDOWN_HELP")


def _actor():
    return current_user._get_current_object()


def _labels():
    return {"removed_label": _("removed:"), "added_label": _("added:")}


@bp.route("/")
@authz.require(messaging_access.can_use_messaging)
def index():
    """The drafts the reader may see, filtered, searched and sorted, a page at a time."""
    visible = messaging_access.visible_drafts_clause(current_user)
    form = DraftFilterForm(
        request.args, committees=services.committees_of_drafts(visible)
    ).drop_invalid()
    page = requested_page()
    rows, total = services.drafts_page(visible, _filters(form), page)
    if page > 1 and not rows:
        abort(404)
    return render_template(
        "messaging/index.html",
        rows=rows,
        total=total,
        page=page,
        pages=max(1, -(-total // services.PAGE_SIZE)),
        filters=form,
    )


def _filters(form):
    committee = form.committee.data
    return DraftFilters(
        q=form.q.data or "",
        status=form.status.data or "",
        kind=form.kind.data or "",
        committee_id=int(committee) if committee else None,
        language=form.language.data or "",
        mine=messaging_access.mine_clause(current_user) if form.mine.data else None,
        sort=form.sort.data or "recent",
    )


def _allowed_committees():
    return messaging_access.draft_committee_ids(current_user)


def _details(form):
    return DraftDetails(
        title=form.title.data,
        kind=form.kind.data,
        audience=form.audience.data or "",
        purpose=form.purpose.data or "",
        committee_id=int(form.committee_id.data) if form.committee_id.data else None,
        language=form.language.data,
        embargo_until=form.embargo_until.data,
    )


@bp.route("/new", methods=["GET", "POST"])
@authz.require(messaging_access.can_start_draft)
def new():
    """Start a draft: its details and a first text, saved as revision 1."""
    allowed = _allowed_committees()
    form = NewDraftForm(committees=services.committees_offered(allowed))
    if request.method == "GET":
        form.language.data = current_user.language or "en"
    outcome = submit(
        form,
        lambda: services.start_draft(_details(form), form.text.data, _actor(), allowed),
        success=_("The draft is started."),
    )
    if outcome.done:
        return redirect(url_for(".draft", draft_id=outcome.result.id))
    return render_template("messaging/new.html", form=form)


@bp.route("/<int:draft_id>")
@authz.require(messaging_access.can_use_messaging)
def draft(draft_id):
    """A draft: its text, details, who saved it last, and the comments on it."""
    return draft_page(load_draft(draft_id))


def _details_form(draft, **kwargs):
    committees = services.committees_offered(_offered_ids(draft))
    return DraftDetailsForm(committees=committees, **kwargs)


def _offered_ids(draft):
    allowed = _allowed_committees()
    if allowed is None or draft.committee_id is None:
        return allowed
    return {*allowed, draft.committee_id}


def _saved_details_form(draft_id):
    saved = load_draft(draft_id, messaging_access.can_edit_draft)
    form = _details_form(saved, formdata=None, obj=saved)
    form.committee_id.data = str(saved.committee_id or "")
    return form


@bp.route("/<int:draft_id>/details", methods=["GET", "POST"])
@authz.require(messaging_access.can_use_messaging)
def details(draft_id):
    """Change the title, kind, audience...; a stale save shows both versions side by side."""
    found = load_draft(draft_id, messaging_access.can_edit_draft)
    # A posted form is read alone: its version comes from the page, never the database.
    form = _details_form(found) if request.method == "POST" else _saved_details_form(draft_id)
    outcome = submit(
        form,
        lambda: services.change_details(
            found, _details(form), form.posted_version(), _offered_ids(found)
        ),
        success=_("The details are saved."),
        saved_form=lambda: _saved_details_form(draft_id),
    )
    if outcome.done:
        return redirect(url_for(".draft", draft_id=draft_id))
    page = render_template(
        "messaging/details.html", draft=found, form=form, conflict=outcome.conflict
    )
    return page, outcome.status


@bp.route("/<int:draft_id>/edit", methods=["GET", "POST"])
@authz.require(messaging_access.can_use_messaging)
def edit(draft_id):
    """Write the text; an edit that crossed another is merged word by word for review."""
    found = load_draft(draft_id, messaging_access.can_edit_draft)
    form = DraftTextForm()
    translating = translations.state_of(found)
    if request.method == "GET":
        form.text.data = found.text
        form.base_revision.data = str(found.revision_number)
        form.source_revision.data = str(translating.source_revision if translating else "")
    outcome = submit(
        form,
        lambda: translations.save(
            found,
            form.text.data or "",
            form.base_number(),
            _actor(),
            form.summary.data or "",
            up_to=form.up_to() if translating else None,
        ),
        success=_("The text is saved."),
        on_stale=lambda error: _merge_view(form, _crossed(error, draft_id, form)),
    )
    if outcome.done:
        return redirect(url_for(".draft", draft_id=draft_id))
    return render_template(
        "messaging/edit.html",
        draft=found,
        form=form,
        conflict=outcome.conflict,
        translating=translating,
        translation_changes=translation_changes(translating, _labels()),
    ), outcome.status


def _crossed(error, draft_id, form):
    """The crossed edit: as the service found it, or rebuilt after two saves raced."""
    if isinstance(error, StaleRevision):
        return error
    latest = authz.get_or_404(Draft, draft_id)
    return services.crossed_edit(latest, form.text.data or "", form.base_number())


def _merge_view(form, crossed):
    """Nothing is saved: the form now holds the merge, based on the text saved meanwhile."""
    mine = form.text.data or ""
    form.text.data = crossed.merged.text
    form.base_revision.data = str(crossed.current.current_number)
    return {
        "merged": crossed.merged,
        "mine_text": mine,
        "since": crossed.since,
        "latest": crossed.since[-1] if crossed.since else None,
        "theirs": diff_html(crossed.base, crossed.saved, **_labels()),
        "mine": diff_html(crossed.base, mine, **_labels()),
    }


@bp.route("/<int:draft_id>/history")
@authz.require(messaging_access.can_use_messaging)
def history(draft_id):
    """Every revision, newest first, a page at a time, to compare or restore."""
    found = load_draft(draft_id)
    page = requested_page()
    revisions = services.history_page(found, page)
    if page > 1 and not revisions:
        abort(404)
    total = found.revision_number
    return render_template(
        "messaging/history.html",
        draft=found,
        revisions=revisions,
        page=page,
        pages=max(1, -(-total // services.HISTORY_PAGE_SIZE)),
        restore_form=RestoreForm(),
    )


@bp.route("/<int:draft_id>/compare")
@authz.require(messaging_access.can_use_messaging)
def compare(draft_id):
    """The word diff of any two revisions (?old=N&new=M; by default the last change)."""
    found = load_draft(draft_id)
    new_number = request.args.get("new", found.revision_number, type=int)
    old_number = request.args.get("old", new_number - 1, type=int)
    compared = services.compare(found, old_number, new_number, **_labels())
    if compared is None:
        abort(404)
    old, new_revision, html = compared
    return render_template(
        "messaging/compare.html", draft=found, old=old, new=new_revision, diff=html
    )


@bp.route("/<int:draft_id>/restore/<int:number>", methods=["POST"])
@authz.require(messaging_access.can_use_messaging)
def restore(draft_id, number):
    """Bring an earlier revision back as a new one; someone's save meanwhile stops it."""
    found = load_draft(draft_id, messaging_access.can_edit_draft)
    form = RestoreForm()
    outcome = submit(
        form,
        lambda: services.restore(found, number, form.base_number(), _actor()),
        success=_("Revision %(number)d is the current text again.", number=number),
        stale_message=_("Someone saved the draft meanwhile: look at the history again."),
    )
    if outcome.done:
        return redirect(url_for(".draft", draft_id=draft_id))
    return redirect(url_for(".history", draft_id=draft_id))
