"""The coalition's shared timeline: the list, each entry's page, its history, the CSV."""

from flask import Blueprint, render_template
from flask_babel import gettext as _
from flask_login import current_user

from coalition.timeline import access as timeline_access
from coalition.timeline import chart, pages, queries
from coalition.timeline.entry_views import bp as entry_bp
from coalition.timeline.feed_views import bp as feed_bp
from coalition.timeline.filters import chosen_filters, filter_form
from coalition.timeline.forms import HideForm
from coalition.timeline.labels import KIND_LABELS
from coalition.timeline.report_views import bp as report_bp
from coalition.web import authz
from coalition.web.exports import to_csv
from coalition.web.urls import external_url, requested_page

bp = Blueprint("timeline", __name__, url_prefix="/timeline")
bp.register_blueprint(entry_bp)
bp.register_blueprint(feed_bp)
bp.register_blueprint(report_bp)
PAGE_SIZE = 30


@bp.route("/")
@authz.require(timeline_access.can_view_timeline)
def index():
    """Entries newest first, grouped by month, with filters, a strip and counts per quarter."""
    form = filter_form(current_user)
    filters = chosen_filters(form, current_user)
    seen = pages.reading()
    page = requested_page()
    total = queries.count(seen, filters)
    entries = seen.entries(filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    counts = seen.month_counts(filters)
    return render_template(
        "timeline/index.html",
        form=form,
        filters=filters,
        shown=queries.described(entries),
        strip=chart.strip(counts, _month(filters.start), _month(filters.end)),
        quarters=queries.quarters(counts),
        kind_labels=KIND_LABELS,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        total=total,
    )


def _month(day):
    return day.replace(day=1) if day else None


@bp.route("/<int:entry_id>")
@authz.require(timeline_access.can_view_timeline)
def entry(entry_id):
    """One entry: what happened, what we learned, what comes next, and what it links to."""
    found = pages.visible_entry(entry_id)
    return pages.render_entry(found, HideForm(formdata=None))


@bp.route("/<int:entry_id>/history")
@authz.require(timeline_access.can_view_timeline)
def history(entry_id):
    """Every saved version of what happened and what we learned, each with what it changed."""
    found = pages.visible_entry(entry_id)
    ((shown, title, _links),) = queries.described([found])
    return render_template(
        "timeline/history.html",
        entry=shown,
        title=title,
        texts=queries.text_histories(shown, _("removed:"), _("added:")),
    )


@bp.route("/entries.csv")
@authz.require(timeline_access.can_view_timeline)
def export():
    """The filtered entries as CSV, every cell safe to open in a spreadsheet program."""
    filters = chosen_filters(filter_form(current_user), current_user)
    shown = queries.described(pages.reading().entries(filters))
    header = [
        _("Date"),
        _("Kind"),
        _("Title"),
        _("What happened"),
        _("What we learned"),
        _("What we do next"),
        _("Organizations credited"),
        _("Linked to"),
        _("Source link"),
        _("Address"),
    ]
    # Each entry's address is the timeline's plus its id: built once, not once a row.
    index = external_url("timeline.index")
    rows = [_csv_row(found, title, links, index) for found, title, links in shown]
    data = to_csv(header, rows)
    disposition = 'attachment; filename="timeline.csv"'
    return (
        data,
        200,
        {"Content-Type": "text/csv; charset=utf-8", "Content-Disposition": disposition},
    )


def _csv_row(found, title, links, index):
    credited = [link.title for (t, _i), link in links.items() if t == "organization"]
    linked = [
        link.title
        for (t, i), link in links.items()
        if t != "organization" and (t, i) != (found.source_type, found.source_id)
    ]
    return [
        found.occurred_on.isoformat(),
        str(KIND_LABELS[found.kind]),
        title,
        found.happened_text,
        found.lessons_text,
        found.next_steps,
        "; ".join(credited),
        "; ".join(linked),
        found.source_url,
        f"{index}{found.id}",
    ]
