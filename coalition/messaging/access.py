"""Who sees and edits drafts: one rule, as an SQL condition and as a predicate.

A draft is read by its authors (anyone who saved a revision of it), the people asked to
review it, the members of its committee and coordinators; once approved or published, by
every member. `visible_drafts_clause` is that rule for lists, counts, search and exports;
`can_view_draft` asks the same clause about one draft, so the two never disagree.
"""

from sqlalchemy import false, or_, select, true

from coalition.committees.access import committee_roles
from coalition.committees.models import CommitteeMembership
from coalition.core.extensions import db
from coalition.messaging.models import SEEN_BY_ALL_STATUSES, Draft, DraftReviewer
from coalition.revisions.models import Revision
from coalition.web.authz import cached, is_coordinator, is_member


def _authored(viewer):
    """Ids of the texts the viewer saved a revision of."""
    return select(Revision.text_id).where(Revision.author_id == viewer.id)


def visible_drafts_clause(viewer):
    """can_view_draft as an SQL condition on Draft."""
    if is_coordinator(viewer):
        return true()
    if not is_member(viewer):
        return false()
    return or_(
        Draft.text_id.in_(_authored(viewer)),
        Draft.id.in_(select(DraftReviewer.draft_id).where(DraftReviewer.person_id == viewer.id)),
        Draft.committee_id.in_(
            select(CommitteeMembership.committee_id).where(
                CommitteeMembership.person_id == viewer.id
            )
        ),
        Draft.status.in_(SEEN_BY_ALL_STATUSES),
    )


def mine_clause(viewer):
    """The drafts the viewer saved a revision of (the list's "mine")."""
    return Draft.text_id.in_(_authored(viewer))


def can_use_messaging(user):
    """Any member reads the drafts they may see and starts new ones."""
    return is_member(user)


def can_start_draft(user):
    return is_member(user)


def can_view_draft(viewer, draft):
    """The visibility clause asked about this one draft (once per request)."""
    if is_coordinator(viewer) or (is_member(viewer) and _shortcut(viewer, draft)):
        return True
    if not is_member(viewer):
        return False
    return cached(
        f"draft-{draft.id}",
        viewer,
        lambda: (
            db.session.scalar(
                select(Draft.id).where(Draft.id == draft.id, visible_drafts_clause(viewer))
            )
            is not None
        ),
    )


def _shortcut(viewer, draft):
    """Parts of the rule known without a query: the committee's members, approved drafts."""
    return draft.status in SEEN_BY_ALL_STATUSES or _on_committee(viewer, draft)


def _on_committee(viewer, draft):
    return draft.committee_id is not None and draft.committee_id in committee_roles(viewer)


def is_author(viewer, draft):
    """Saved a revision of the draft."""
    return is_member(viewer) and cached(
        f"draft-author-{draft.id}",
        viewer,
        lambda: (
            db.session.scalar(
                select(Revision.id)
                .where(Revision.text_id == draft.text_id, Revision.author_id == viewer.id)
                .limit(1)
            )
            is not None
        ),
    )


def can_edit_draft(viewer, draft):
    """Coordinators, the members of the draft's committee, and its authors."""
    if not is_member(viewer):
        return False
    if is_coordinator(viewer) or _on_committee(viewer, draft):
        return True
    return is_author(viewer, draft)


def can_comment(viewer, draft):
    """Whoever reads a draft may comment on it and reply."""
    return can_view_draft(viewer, draft)


def can_resolve_comment(viewer, draft, comment):
    """A thread is resolved or reopened by its author or by whoever edits the draft."""
    if not can_view_draft(viewer, draft):
        return False
    return comment.author_id == viewer.id or can_edit_draft(viewer, draft)


def draft_committee_ids(viewer):
    """Committees a draft may be given by this viewer: coordinators any, others their own."""
    return None if is_coordinator(viewer) else set(committee_roles(viewer))
