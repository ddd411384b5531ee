"""Saving, reading, comparing and restoring revisioned text.

A save names the revision its writer started from. Written from the current one, it becomes
a new revision; written from an older one (someone saved meanwhile), nothing is saved and
StaleRevision carries the saved text, the writer's, their common base and a word-by-word
merge of both edits, so the writer sees the result before saving it.
"""

from sqlalchemy.orm import selectinload

from coalition.core.errors import ActionRefused, EditConflict
from coalition.core.extensions import db
from coalition.revisions.diff import diff_html, has_changes, merge
from coalition.revisions.models import Revision, RevisionedText
from coalition.web.i18n import _l


class StaleRevision(EditConflict):
    """Someone saved the text after the writer opened it; nothing was written.

    `current` is the text as saved now, `mine` the writer's, `base` the text they started
    from, `merged` a MergeResult of both edits (clean, or with the overlapping places both
    ways), and `since` the revisions saved after the base, oldest first, with their authors.
    """

    def __init__(self, current, mine, base_number, base, merged, since):
        super().__init__(current)
        self.mine = mine
        self.base_number = base_number
        self.base = base
        self.merged = merged
        self.since = since

    @property
    def saved(self):
        return self.current.text


class TextUnchanged(ActionRefused):
    """The text saved is the current one: no revision is made."""

    def __init__(self):
        super().__init__(_l("The text is unchanged."), field="text")


def create_text(kind, text=None, actor=None, summary=""):
    """A new revisioned text; with `text`, its first revision."""
    revisioned = RevisionedText(kind=kind, current_number=0, text="")
    db.session.add(revisioned)
    db.session.flush()
    if text is not None:
        write(revisioned.id, text, actor, summary)
    return revisioned


def get_text(text_id):
    return db.session.get(RevisionedText, text_id)


def save(text_id, text, base_revision, actor, summary=""):
    """Make `text` current if written from the current revision; else raise StaleRevision.

    The version counter refuses, at flush, a save that raced with another (StaleDataError);
    after rolling back, `stale()` builds the same StaleRevision from what was saved.
    """
    current = get_text(text_id)
    if current.current_number != base_revision:
        raise stale(text_id, text, base_revision)
    if not has_changes(current.text, text):
        raise TextUnchanged()
    return _append(current, text, actor, summary, based_on=base_revision)


def write(text_id, text, actor, summary=""):
    """Make `text` current whatever was saved before (an adopted amendment replaces it)."""
    current = get_text(text_id)
    return _append(current, text, actor, summary, based_on=current.current_number or None)


def restore(text_id, number, base_revision, actor, summary=""):
    """Bring revision `number` back as a new revision; history is never rewritten."""
    old = revision(text_id, number)
    if old is None:
        raise ActionRefused(_l("There is no such revision."))
    current = get_text(text_id)
    if current.current_number != base_revision:
        raise stale(text_id, old.text, base_revision)
    if not has_changes(current.text, old.text):
        raise TextUnchanged()
    return _append(current, old.text, actor, summary, based_on=base_revision, restored_from=number)


def _append(current, text, actor, summary, *, based_on, restored_from=None):
    number = current.current_number + 1
    revision_ = Revision(
        revisioned=current,
        number=number,
        text=text,
        summary=(summary or "").strip(),
        author_id=actor.id if actor is not None else None,
        based_on=based_on,
        restored_from=restored_from,
    )
    db.session.add(revision_)
    current.current_number = number
    current.text = text
    db.session.flush()
    return revision_


def stale(text_id, mine, base_revision):
    """The StaleRevision of `mine`, written from `base_revision`, against the text as saved."""
    current = get_text(text_id)
    base = revision(text_id, base_revision) if base_revision else None
    base_text = base.text if base is not None else ""
    merged = merge(base_text, mine, current.text)
    return StaleRevision(
        current, mine, base_revision, base_text, merged, saved_since(text_id, base_revision)
    )


def revision(text_id, number):
    """Revision `number` of the text, with its author, or None."""
    return db.session.scalar(
        db.select(Revision)
        .filter_by(text_id=text_id, number=number)
        .options(selectinload(Revision.author))
    )


def current_revision(text_id):
    """The revision now current (who saved it, and when), or None before the first."""
    current = get_text(text_id)
    return revision(text_id, current.current_number) if current.current_number else None


def history(text_id):
    """Every revision, newest first, with its author."""
    return db.session.scalars(
        db.select(Revision)
        .filter_by(text_id=text_id)
        .order_by(Revision.number.desc())
        .options(selectinload(Revision.author))
    ).all()


def saved_since(text_id, base_revision):
    """Who saved since you opened it: the revisions after `base_revision`, oldest first."""
    return db.session.scalars(
        db.select(Revision)
        .where(Revision.text_id == text_id, Revision.number > (base_revision or 0))
        .order_by(Revision.number)
        .options(selectinload(Revision.author))
    ).all()


def compare(text_id, old_number, new_number, **labels):
    """(old, new, word diff HTML) of any two revisions, or None when either is missing.

    `labels` are diff_html's translated cues (removed_label, added_label).
    """
    found = {
        r.number: r
        for r in db.session.scalars(
            db.select(Revision).where(
                Revision.text_id == text_id, Revision.number.in_((old_number, new_number))
            )
        )
    }
    old, new = found.get(old_number), found.get(new_number)
    if old is None or new is None:
        return None
    return old, new, diff_html(old.text, new.text, **labels)
