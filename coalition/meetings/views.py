"""Meetings: the area's home page."""

from flask import Blueprint, render_template

from coalition import authz

bp = Blueprint("meetings", __name__, url_prefix="/meetings")


@bp.route("/")
@authz.require(authz.can_view_workspace)
def index():
    """The meetings area's home."""
    return render_template("meetings/index.html")
