"""Drafts: starting one, changing its details, saving its text as revisions, the list.

The text goes through `coalition/revisions/`: a save written from an older revision raises
StaleRevision with a word-by-word merge, so no one's words are lost. Services flush and
never commit; the views pass the visibility clause (`messaging/access.py`) they must use.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import selectinload

from coalition.committees.models import Committee
from coalition.core.errors import ActionRefused, EditConflict
from coalition.core.extensions import db
from coalition.core.search_keys import key_contains
from coalition.messaging.models import KINDS, STATUSES, TEXT_KIND, Draft
from coalition.messaging.review.services import after_new_revision
from coalition.revisions import services as revisions
from coalition.revisions.models import Revision, RevisionedText
from coalition.web.i18n import _l

PAGE_SIZE = 25
HISTORY_PAGE_SIZE = 50


@dataclass(frozen=True)
class DraftDetails:
    """What a draft is, for whom and why."""

    title: str
    kind: str
    audience: str = ""
    purpose: str = ""
    committee_id: int | None = None
    language: str = "en"
    embargo_until: date | None = None


def start_draft(details, text, actor, allowed_committees=None):
    """A new draft whose text is its first revision, saved by `actor` (its first author)."""
    _check(details, allowed_committees)
    revisioned = revisions.create_text(TEXT_KIND, text or "", actor)
    draft = Draft(text_id=revisioned.id, created_by_id=actor.id, revisioned=revisioned)
    _apply(draft, details)
    db.session.add(draft)
    db.session.flush()
    return draft


def change_details(draft, details, version, allowed_committees=None):
    """New details, if written from the version saved now; else EditConflict (nothing saved)."""
    if version != draft.version:
        raise EditConflict(draft)
    keep = draft.committee_id  # a draft's own committee stays offered to whoever edits it
    _check(details, None if allowed_committees is None else {*allowed_committees, keep})
    _apply(draft, details)
    db.session.flush()
    return draft


def _check(details, allowed_committees):
    if details.kind not in KINDS:
        raise ActionRefused(_l("Choose a kind of draft."), field="kind")
    committee_id = details.committee_id
    if committee_id is None:
        return
    if allowed_committees is not None and committee_id not in allowed_committees:
        raise ActionRefused(_l("Choose one of the committees listed."), field="committee_id")
    if db.session.get(Committee, committee_id) is None:
        raise ActionRefused(_l("Choose one of the committees listed."), field="committee_id")


def _apply(draft, details):
    for name, value in details.__dict__.items():
        setattr(draft, name, value)


def save_text(draft, text, base_number, actor, summary=""):
    """Save the text as a new revision if written from the current one (else StaleRevision)."""
    try:
        revision = revisions.save(draft.text_id, text, base_number, actor, summary)
    except revisions.TextUnchanged:
        raise ActionRefused(_l("The text is unchanged."), field="text") from None
    after_new_revision(draft)  # approvals of the older revision no longer count
    return revision


def crossed_edit(draft, text, base_number):
    """The StaleRevision of `text`, written from `base_number`, against the text saved now."""
    return revisions.stale(draft.text_id, text, base_number)


def restore(draft, number, base_number, actor):
    """Bring revision `number` back as a new revision."""
    try:
        revision = revisions.restore(draft.text_id, number, base_number, actor)
    except revisions.TextUnchanged:
        raise ActionRefused(_l("That revision is the text as it is now.")) from None
    after_new_revision(draft)
    return revision


@dataclass(frozen=True)
class DraftFilters:
    q: str = ""
    status: str = ""
    kind: str = ""
    committee_id: int | None = None
    language: str = ""
    mine: object = None  # the "mine" clause, when asked for
    sort: str = "recent"


_CURRENT = and_(
    Revision.text_id == RevisionedText.id, Revision.number == RevisionedText.current_number
)
SORTS = {
    "recent": (Revision.created_at.desc(), Draft.id.desc()),
    "title": (Draft.title_search, Draft.id),
    "new": (Draft.created_at.desc(), Draft.id.desc()),
}


def drafts_query(visible, filters):
    """(Draft, current revision) rows the viewer may see, filtered and sorted."""
    query = (
        select(Draft, Revision)
        .join(RevisionedText, Draft.text_id == RevisionedText.id)
        .join(Revision, _CURRENT)
        .where(visible)
    )
    if filters.q:
        query = query.where(key_contains(Draft.title_search, filters.q))
    for column, value in (
        (Draft.status, filters.status if filters.status in STATUSES else ""),
        (Draft.kind, filters.kind),
        (Draft.language, filters.language),
        (Draft.committee_id, filters.committee_id),
    ):
        if value:
            query = query.where(column == value)
    if filters.mine is not None:
        query = query.where(filters.mine)
    return query.order_by(*SORTS.get(filters.sort, SORTS["recent"]))


def drafts_page(visible, filters, page=1):
    """One page of (draft, current revision) rows, and how many there are in all."""
    query = drafts_query(visible, filters)
    rows = db.session.execute(
        query.options(selectinload(Draft.committee), selectinload(Revision.author))
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    ).all()
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    return rows, total


def count_drafts(visible):
    """How many drafts the viewer may see (the same rule as the list)."""
    return db.session.scalar(select(func.count(Draft.id)).where(visible))


def committees_of_drafts(visible):
    """(id, name) of the committees of drafts the viewer may see: the list's filter."""
    query = (
        select(Committee.id, Committee.name)
        .join(Draft, Draft.committee_id == Committee.id)
        .where(visible)
        .distinct()
        .order_by(Committee.name)
    )
    return db.session.execute(query).all()


def committees_offered(allowed_ids):
    """Committees a draft may be given (None: every active one), by name."""
    query = select(Committee).where(Committee.active.is_(True)).order_by(Committee.name)
    if allowed_ids is not None:
        query = query.where(Committee.id.in_(allowed_ids or [0]))
    return db.session.scalars(query).all()


def history_page(draft, page=1):
    """One page of the draft's revisions, newest first, with their authors."""
    return db.session.scalars(
        select(Revision)
        .where(Revision.text_id == draft.text_id)
        .order_by(Revision.number.desc())
        .options(selectinload(Revision.author))
        .limit(HISTORY_PAGE_SIZE)
        .offset((page - 1) * HISTORY_PAGE_SIZE)
    ).all()


def current_revision(draft):
    return revisions.revision(draft.text_id, draft.revision_number)


def compare(draft, old_number, new_number, **labels):
    """(old, new, word diff) of two revisions of the draft, or None when either is missing."""
    return revisions.compare(draft.text_id, old_number, new_number, **labels)
