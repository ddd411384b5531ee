"""The coalition's shared timeline of wins, losses and milestones."""

from flask import Blueprint, render_template
from flask_login import current_user

from coalition.timeline import access as timeline_access
from coalition.timeline.services import source_links, visible_entries
from coalition.web import authz
from coalition.web.urls import requested_page

bp = Blueprint("timeline", __name__, url_prefix="/timeline")
PAGE_SIZE = 30


@bp.route("/")
@authz.require(timeline_access.can_view_timeline)
def index():
    """Entries newest first, hiding those linked to what the viewer cannot see."""
    page = requested_page()
    entries = visible_entries(current_user, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return render_template(
        "timeline/index.html",
        entries=entries,
        links=source_links(entries),
        page=page,
        has_more=len(entries) == PAGE_SIZE,
    )
