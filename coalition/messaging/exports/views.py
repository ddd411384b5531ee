"""Downloads of a draft (plain text, Markdown, .docx) and its printable page."""

import re

from flask import Blueprint, Response, abort, render_template

from coalition.messaging import access as messaging_access
from coalition.messaging.exports import files
from coalition.messaging.pages import load_draft
from coalition.web import authz

bp = Blueprint("exports", __name__, url_prefix="/<int:draft_id>")

FORMATS = {
    "txt": ("text/plain; charset=utf-8", lambda draft: files.as_text(draft).encode("utf-8")),
    "md": ("text/markdown; charset=utf-8", lambda draft: files.as_markdown(draft).encode()),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        files.as_docx,
    ),
}


def file_name(draft, extension):
    """A plain ASCII file name from the title (the header never carries the title as is)."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", draft.title).strip("-")[:60] or "draft"
    return f"{stem.lower()}-{draft.id}.{extension}"


@bp.route("/export.<extension>")
@authz.require(messaging_access.can_use_messaging)
def download(draft_id, extension):
    """The draft as a file: plain text, Markdown or .docx."""
    draft = load_draft(draft_id)
    if extension not in FORMATS:
        abort(404)
    mimetype, render = FORMATS[extension]
    response = Response(render(draft), mimetype=mimetype)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{file_name(draft, extension)}"'
    )
    return response


@bp.route("/print")
@authz.require(messaging_access.can_use_messaging)
def printable(draft_id):
    """A clean page to print or save as PDF: the title, the details and the text."""
    draft = load_draft(draft_id)
    return render_template("messaging/print.html", draft=draft, details=files.details_lines(draft))
