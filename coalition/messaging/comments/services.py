"""Comments on drafts: add, reply, resolve, reopen; threads with their passages' state."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.messaging.comments.models import DraftComment
from coalition.messaging.exports.document import plain_text
from coalition.messaging.review import notify
from coalition.web.i18n import _l


@dataclass(frozen=True)
class Thread:
    """A comment and its replies; `attached` while the passage is still in the text."""

    comment: DraftComment
    replies: list
    attached: bool

    @property
    def passage_changed(self):
        return bool(self.comment.quote) and not self.attached


def _squeezed(text):
    return " ".join((text or "").split())


def passage_is_present(text, quote):
    """The quoted words are still in the text, as written or as read on the page (Markdown's
    marks aside); spaces and line breaks may differ."""
    wanted = _squeezed(quote)
    return wanted in _squeezed(text) or wanted in _squeezed(plain_text(text))


def add_comment(draft, body, quote, actor):
    """A comment on the draft, or on a passage that must be in its current text."""
    if quote and not passage_is_present(draft.text, quote):
        raise ActionRefused(
            _l("That passage is not in the current text: copy it from the text above."),
            field="quote",
        )
    comment = DraftComment(
        draft_id=draft.id,
        author_id=actor.id,
        body=body,
        quote=quote or "",
        revision_number=draft.revision_number,
    )
    db.session.add(comment)
    db.session.flush()
    return comment


def reply(draft, parent, body, actor, rules=None):
    """A reply in the thread `parent` opened (replies to a reply join the same thread);
    the author of the comment replied to is emailed (`rules`: messaging/access.EMAIL_RULES)."""
    thread_id = parent.parent_id or parent.id
    comment = DraftComment(
        draft_id=draft.id,
        parent_id=thread_id,
        author_id=actor.id,
        body=body,
        revision_number=draft.revision_number,
    )
    db.session.add(comment)
    db.session.flush()
    if rules is not None:
        notify.replied(draft, comment, parent, actor, rules)
    return comment


def resolve(comment, actor):
    """Mark the thread resolved (its replies stay)."""
    if comment.parent_id is not None:
        raise ActionRefused(_l("Only a thread as a whole is resolved."))
    if comment.resolved:
        raise ActionRefused(_l("This comment is already resolved."))
    comment.resolved_at = utcnow()
    comment.resolved_by_id = actor.id
    db.session.flush()
    return comment


def reopen(comment):
    """Open a resolved thread again."""
    if not comment.resolved:
        raise ActionRefused(_l("This comment is open already."))
    comment.resolved_at = None
    comment.resolved_by_id = None
    db.session.flush()
    return comment


def threads_of(draft):
    """The draft's threads, open ones first, each with its replies, in two queries at most."""
    comments = db.session.scalars(
        select(DraftComment)
        .where(DraftComment.draft_id == draft.id)
        .order_by(DraftComment.id)
        .options(selectinload(DraftComment.author), selectinload(DraftComment.resolved_by))
    ).all()
    replies = {}
    for comment in comments:
        if comment.parent_id is not None:
            replies.setdefault(comment.parent_id, []).append(comment)
    threads = [
        Thread(
            c, replies.get(c.id, []), passage_is_present(draft.text, c.quote) if c.quote else True
        )
        for c in comments
        if c.parent_id is None
    ]
    return sorted(threads, key=lambda thread: thread.comment.resolved)
