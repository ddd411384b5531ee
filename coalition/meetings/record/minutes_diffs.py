"""What the minutes pages show of changes: what each saved version changed, and the merge of
two edits that crossed (nothing saved: the form holds the merge to check)."""

from flask_babel import gettext as _

from coalition.meetings.record import minutes
from coalition.revisions.diff import diff_html
from coalition.revisions.services import StaleRevision


def _labels():
    return {"removed_label": _("removed:"), "added_label": _("added:")}


def changes(revisions):
    """(revision, what it changed from the one before) for revisions newest first."""
    found = []
    for index, revision in enumerate(revisions):
        older = revisions[index + 1].text if index + 1 < len(revisions) else ""
        found.append((revision, diff_html(older, revision.text, **_labels())))
    return found


def crossed(error, meeting, start, form):
    """The crossed edit: as the service found it, or rebuilt after two saves raced."""
    if isinstance(error, StaleRevision):
        return error
    latest = minutes.minutes_of(meeting.id, start)
    return minutes.crossed_edit(latest, form.text.data or "", form.base_number())


def merge_view(form, edit):
    """Nothing is saved: the form now holds the merge, based on the text saved meanwhile."""
    mine = form.text.data or ""
    form.text.data = edit.merged.text
    form.base_revision.data = str(edit.current.current_number)
    return {
        "merged": edit.merged,
        "since": edit.since,  # who saved since the editor opened the minutes
        "latest": edit.since[-1] if edit.since else None,
        "theirs": diff_html(edit.base, edit.saved, **_labels()),
        "mine": diff_html(edit.base, mine, **_labels()),
    }
