"""The report for funders and the annual meeting: a printable page and the same as PDF."""

from pathlib import Path

from flask import Blueprint, current_app, render_template, request
from flask_login import current_user

from coalition.timeline import access as timeline_access
from coalition.timeline import pages, queries
from coalition.timeline.forms import ReportForm, report_period
from coalition.timeline.labels import KIND_LABELS, KIND_PLURALS
from coalition.timeline.models import KINDS
from coalition.timeline.report import report_sections
from coalition.web import authz

bp = Blueprint("report", __name__)
PRINT_CSS = "css/print-report.css"
# A PDF takes WeasyPrint about a tenth of a second per entry (bench/timeline.py): past this,
# the page says to choose a shorter period (or print it) rather than keep a worker busy.
PDF_LIMIT = 300


def _period():
    form = ReportForm(request.args)
    form.validate()
    default_start, default_end = report_period()
    if (
        form.start.errors
        or form.end.errors
        or (form.start.data or default_start) > (form.end.data or default_end)
    ):
        return form, default_start, default_end
    return form, form.start.data or default_start, form.end.data or default_end


def _context():
    """What the report says, for the reader, over the chosen period."""
    form, start, end = _period()
    filters = queries.Filters(start=start, end=end)
    shown = queries.described(pages.reading().entries(filters, oldest_first=True))
    by_kind = {kind: [row for row in shown if row[0].kind == kind] for kind in KINDS}
    return {
        "form": form,
        "start": start,
        "end": end,
        "by_kind": by_kind,
        "kind_labels": KIND_LABELS,
        "kind_plurals": KIND_PLURALS,
        "sections": report_sections(current_user, start, end),
    }


@bp.route("/report")
@authz.require(timeline_access.can_view_timeline)
def report():
    """Goals, wins, losses with lessons, milestones, members and meetings over a period."""
    return render_template("timeline/report.html", pdf=False, **_context())


@bp.route("/report.pdf")
@authz.require(timeline_access.can_view_timeline)
def report_pdf():
    """The same report as a PDF (WeasyPrint renders the page's HTML)."""
    context = _context()
    if sum(len(rows) for rows in context["by_kind"].values()) > PDF_LIMIT:
        page = render_template("timeline/report.html", pdf=False, too_long=PDF_LIMIT, **context)
        return page, 422
    data = _pdf(render_template("timeline/report.html", pdf=True, **context))
    headers = {
        "Content-Type": "application/pdf",
        "Content-Disposition": 'attachment; filename="coalition-report.pdf"',
    }
    return data, 200, headers


def _refuse_fetch(url, *args, **kwargs):
    """The PDF loads nothing from anywhere: no link a member wrote is ever fetched."""
    raise ValueError(f"Not fetched: {url[:40]}")


def _pdf(html):
    import weasyprint  # loaded on first use: it is large, and only this page needs it

    stylesheet = Path(current_app.static_folder) / PRINT_CSS
    document = weasyprint.HTML(string=html, url_fetcher=_refuse_fetch, base_url="about:blank")
    return document.write_pdf(stylesheets=[weasyprint.CSS(filename=str(stylesheet))])
