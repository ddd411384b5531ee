"""Committees: the area's home page."""

from flask import Blueprint, render_template

from coalition import authz

bp = Blueprint("committees", __name__, url_prefix="/committees")


@bp.route("/")
@authz.require(authz.can_view_workspace)
def index():
    """The committees area's home."""
    return render_template("committees/index.html")
