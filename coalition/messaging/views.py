"""Messaging: the area's home page."""

from flask import Blueprint, render_template

from coalition.messaging import models as _models  # noqa: F401
from coalition.messaging.language.views import bp as language_bp
from coalition.web import authz

bp = Blueprint("messaging", __name__, url_prefix="/messaging")
bp.register_blueprint(language_bp)


@bp.route("/")
@authz.require(authz.can_view_workspace)
def index():
    """The messaging area's home."""
    return render_template("messaging/index.html")
