"""A draft written out as plain text, Markdown or .docx, with its details at the top.

Every export carries the draft's text only as text: the .docx is built from runs of plain
text (python-docx escapes them as XML text), never from HTML.
"""

import io
import re

from docx import Document
from docx.shared import Pt
from flask_babel import format_date
from flask_babel import gettext as _

from coalition.members.languages import language_name
from coalition.messaging.exports.document import blocks_of, plain_text
from coalition.messaging.labels import KIND_LABELS

# Characters XML 1.0 cannot hold (python-docx refuses them): a draft pasted from anywhere
# may carry them, and they mean nothing to a reader.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text):
    return _NOT_XML.sub("", text or "")


def details_lines(draft):
    """(label, value) of the draft's details, in the reader's language."""
    lines = [
        (_("Kind"), str(KIND_LABELS.get(draft.kind, draft.kind))),
        (_("Language"), language_name(draft.language)),
    ]
    if draft.embargo_until:
        lines.insert(0, (_("Embargoed until"), format_date(draft.embargo_until, "long")))
    if draft.audience:
        lines.append((_("Audience"), draft.audience))
    if draft.purpose:
        lines.append((_("Purpose"), draft.purpose))
    lines.append((_("Revision"), str(draft.revision_number)))
    return lines


def _header(draft):
    return "\n".join(f"{label}: {value}" for label, value in details_lines(draft))


def as_text(draft):
    """Plain text: the title, the details, then the text without Markdown's marks."""
    title = " ".join(draft.title.split())
    return f"{title}\n{'=' * len(title)}\n\n{_header(draft)}\n\n{plain_text(draft.text)}"


def as_markdown(draft):
    """Markdown: the title as a heading, the details as a list, then the text as written."""
    details = "\n".join(f"- {label}: {value}" for label, value in details_lines(draft))
    title = " ".join(draft.title.split())
    return f"# {title}\n\n{details}\n\n{draft.text.rstrip()}\n"


_LIST_STYLES = {"bullet": "List Bullet", "number": "List Number"}


def as_docx(draft):
    """A Word document: title, details, then headings, lists, quotes and paragraphs as runs."""
    document = Document()
    document.add_heading(xml_safe(" ".join(draft.title.split())), level=0)
    for label, value in details_lines(draft):
        paragraph = document.add_paragraph()
        paragraph.add_run(xml_safe(f"{label}: ")).bold = True
        paragraph.add_run(xml_safe(value))
    for block in blocks_of(draft.text):
        _add_block(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_block(document, block):
    if block.kind == "heading":
        paragraph = document.add_heading(level=min(block.level, 9))
    else:
        paragraph = document.add_paragraph(style=_style(block))
    for run in block.runs:
        added = paragraph.add_run(xml_safe(run.text))
        added.bold, added.italic = run.bold or None, run.italic or None
        if block.kind == "code":
            added.font.name, added.font.size = "Courier New", Pt(10)


def _style(block):
    if block.kind in _LIST_STYLES:
        depth = min(block.level, 3)
        return _LIST_STYLES[block.kind] + (f" {depth}" if depth > 1 else "")
    return "Quote" if block.kind == "quote" else None
