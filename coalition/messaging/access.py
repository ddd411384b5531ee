"""Who sees and edits drafts: one rule, as an SQL condition and as a predicate.

A draft is read by its authors (anyone who saved a revision of it), the people asked to
review it, the members of its committee and coordinators; once approved or published, by
every member. `visible_drafts_clause` is that rule for lists, counts, search and exports;
`can_view_draft` asks the same clause about one draft, so the two never disagree.
"""

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import false, or_, select, true

from coalition.committees.access import committee_roles
from coalition.committees.models import CommitteeMembership
from coalition.core.extensions import db
from coalition.members.access import shown_name
from coalition.messaging.models import SEEN_BY_ALL_STATUSES, Draft, DraftReviewer
from coalition.revisions.models import Revision
from coalition.web.authz import cached, is_coordinator, is_member

OPEN_FOR_REVIEW = ("draft", "in_review", "approved")  # a decision or a request still counts


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


# --- Review and sign-off (issue 16) -----------------------------------------------------


def is_reviewer(viewer, draft):
    """Asked to review the draft."""
    return is_member(viewer) and cached(
        f"draft-reviewer-{draft.id}",
        viewer,
        lambda: (
            db.session.scalar(
                select(DraftReviewer.id).where(
                    DraftReviewer.draft_id == draft.id, DraftReviewer.person_id == viewer.id
                )
            )
            is not None
        ),
    )


def can_ask_for_review(viewer, draft):
    """Whoever edits a draft asks people to review it and sets its sign-off rules."""
    return draft.status in OPEN_FOR_REVIEW and can_edit_draft(viewer, draft)


def can_decide(viewer, draft):
    """A reviewer asked, who never saved a revision of it, approves or asks for changes."""
    if draft.status not in ("in_review", "approved") or not can_view_draft(viewer, draft):
        return False
    return is_reviewer(viewer, draft) and not is_author(viewer, draft)


def can_publish(viewer, draft):
    """Once approved, its authors or a coordinator publish it (the service checks approval)."""
    if not can_view_draft(viewer, draft) or draft.status in ("published", "archived"):
        return False
    return is_coordinator(viewer) or is_author(viewer, draft)


def can_archive(viewer, draft):
    """Whoever edits a draft archives it; an archived draft stays readable as before."""
    return draft.status != "archived" and can_edit_draft(viewer, draft)


def sees_advisory_members(viewer, committee_id):
    """The advisory committee's roster: its members and coordinators (DESIGN.md section 4)."""
    return is_coordinator(viewer) or committee_id in committee_roles(viewer)


def shown_reviewer(viewer, person, advisory_of):
    """A reviewer's name as the viewer may read it: a member of the participant advisory
    committee is that committee (`advisory_of`: the person's advisory committee, with its
    name) to anyone outside it; anyone else, their name where the viewer may see it."""
    if advisory_of is not None and not sees_advisory_members(viewer, advisory_of.id):
        return advisory_of.name
    return shown_name(viewer, person)


@dataclass(frozen=True)
class EmailRules:
    """What the review emails ask of each recipient: may they read the draft, and how a
    reviewer is named to them (views pass these, so services import no rules)."""

    may_read: Callable = can_view_draft
    reviewer_name: Callable = shown_reviewer
    person_name: Callable = shown_name


EMAIL_RULES = EmailRules()
