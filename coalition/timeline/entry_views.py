"""Writing on the timeline: a member adds an entry, its author or a coordinator edits it,
a coordinator hides it with a reason (or shows it again)."""

from datetime import date

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from coalition.timeline import access as timeline_access
from coalition.timeline import pages, services
from coalition.timeline.forms import EntryForm, HideForm
from coalition.timeline.labels import KIND_LABELS
from coalition.timeline.sources import CREDIT_TYPE, pickable_types, resolver_for
from coalition.web import authz
from coalition.web.form_cycle import submit
from coalition.web.form_fields import choice_list

bp = Blueprint("entries", __name__)


def _actor():
    return current_user._get_current_object()


def _offer(form):
    """The pick lists: only what the writer may see, through each feature's resolver."""
    credit = resolver_for(CREDIT_TYPE)
    offered = credit.choices(current_user) if credit is not None else []
    form.organizations.choices = choice_list((str(i), title) for i, title in offered)
    form.links.choices = choice_list(
        (f"{source_type}:{i}", f"{resolver_for(source_type).label}: {title}")
        for source_type in pickable_types()
        for i, title in resolver_for(source_type).choices(current_user)
    )


def _data(form):
    return services.EntryData(
        kind=form.kind.data,
        title=form.title.data or "",
        occurred_on=form.occurred_on.data,
        happened=form.happened.data or "",
        lessons=form.lessons.data or "",
        next_steps=form.next_steps.data or "",
        source_url=form.source_url.data or "",
        links=form.chosen_links(),
    )


@bp.route("/new", methods=["GET", "POST"])
@authz.require(timeline_access.can_add_timeline_entry)
def new():
    """Record a win, a loss, a milestone or a setback, with what was learned."""
    form = EntryForm()
    _offer(form)
    if request.method == "GET":
        form.kind.data = (
            request.args.get("kind") if request.args.get("kind") in KIND_LABELS else None
        )
        form.occurred_on.data = date.today()
    outcome = submit(
        form,
        lambda: services.add_entry(_data(form), _actor()),
        success=_("The entry is on the timeline."),
    )
    if outcome.done:
        return redirect(url_for("timeline.entry", entry_id=outcome.result.id))
    return render_template("timeline/form.html", form=form, entry=None, conflict=None)


def _fill(form, entry):
    form.version.data = str(entry.version)
    form.kind.data = entry.kind
    form.occurred_on.data = entry.occurred_on
    form.title.data = entry.title
    form.happened.data = entry.happened_text
    form.lessons.data = entry.lessons_text
    form.next_steps.data = entry.next_steps
    form.source_url.data = entry.source_url
    form.organizations.data = [str(i) for t, i in entry.sources() if t == CREDIT_TYPE]
    form.links.data = [f"{t}:{i}" for t, i in entry.sources() if t != CREDIT_TYPE]


def _saved_form(entry_id):
    """The form as the entry is saved now (after a stale save), to compare with the one sent."""

    def build():
        found = pages.visible_entry(entry_id)
        saved = EntryForm(formdata=None)
        _offer(saved)
        _fill(saved, found)
        return saved

    return build


@bp.route("/<int:entry_id>/edit", methods=["GET", "POST"])
@authz.require(timeline_access.can_view_timeline)
def edit(entry_id):
    """Change an entry; every text edit is kept, and a stale save is shown side by side."""
    entry = pages.visible_entry(entry_id)
    authz.check(timeline_access.can_edit_timeline_entry(current_user, entry))
    form = EntryForm()
    _offer(form)
    if request.method == "GET":
        _fill(form, entry)
    outcome = submit(
        form,
        lambda: services.edit_entry(entry, _data(form), form.version.data, _actor()),
        success=_("The entry is saved."),
        saved_form=_saved_form(entry_id),
    )
    if outcome.done:
        return redirect(url_for("timeline.entry", entry_id=entry_id))
    return render_template(
        "timeline/form.html", form=form, entry=entry, conflict=outcome.conflict
    ), outcome.status


@bp.route("/<int:entry_id>/hide", methods=["POST"])
@authz.require(timeline_access.can_hide_timeline_entry)
def hide(entry_id):
    """Hide an entry from everyone, saying why; it is kept and the audit log records it."""
    entry = pages.visible_entry(entry_id)
    form = HideForm()
    outcome = submit(
        form,
        lambda: services.hide_entry(entry, form.reason.data, _actor()),
        success=_("The entry is hidden. Coordinators can still find it."),
    )
    if outcome.done:
        return redirect(url_for("timeline.entry", entry_id=entry_id))
    return pages.render_entry(pages.visible_entry(entry_id), form, status=400)


@bp.route("/<int:entry_id>/show", methods=["POST"])
@authz.require(timeline_access.can_hide_timeline_entry)
def show(entry_id):
    """Show a hidden entry again."""
    entry = pages.visible_entry(entry_id)
    submit(None, lambda: services.show_entry(entry, _actor()), success=_("The entry is shown."))
    return redirect(url_for("timeline.entry", entry_id=entry_id))
