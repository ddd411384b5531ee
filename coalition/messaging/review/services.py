"""Review and sign-off: asking reviewers, sign-off rules, decisions on the current revision,
the draft's status that follows from them, publishing and archiving.

A decision belongs to the revision it was made on: only decisions on the current revision
count, so a new revision resets them (`after_new_revision`). Nobody decides on a draft they
saved a revision of. Services flush and never commit; the views pass `rules`
(messaging/access.EMAIL_RULES) for the emails, which follow the visibility rule.
"""

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import selectinload

from coalition.committees.models import Committee
from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.core.timezones import coalition_date
from coalition.members.people.models import Person
from coalition.messaging.models import Draft, DraftReviewer
from coalition.messaging.review import notify
from coalition.messaging.review.models import (
    APPROVED,
    CHANGES_REQUESTED,
    DECISIONS,
    DraftDecision,
    DraftPublication,
    DraftSignoffRule,
)
from coalition.messaging.review.signoff import rules_of, signoff_complete
from coalition.revisions.models import Revision, RevisionedText
from coalition.timeline.services import record_entry
from coalition.web.i18n import _l

REVIEWED = ("in_review", "approved")  # the statuses a decision may be made in


def authored(draft, person):
    """The person saved a revision of the draft."""
    query = select(Revision.id).where(
        Revision.text_id == draft.text_id, Revision.author_id == person.id
    )
    return db.session.scalar(query.limit(1)) is not None


def ask_reviewers(draft, people, actor, rules):
    """Ask people to review the draft (it goes in review) and email each of them."""
    if draft.status not in ("draft", *REVIEWED):
        raise ActionRefused(_l("This draft is no longer reviewed."))
    asked = set(db.session.scalars(select(DraftReviewer.person_id).filter_by(draft_id=draft.id)))
    added = [person for person in people if person.id not in asked]
    if not added:
        raise ActionRefused(_l("Choose someone who is not asked yet."), field="people")
    for person in added:
        db.session.add(DraftReviewer(draft_id=draft.id, person_id=person.id, asked_by_id=actor.id))
    if draft.status == "draft":
        draft.status = "in_review"
    db.session.flush()
    notify.review_requested(draft, added, actor, rules)
    return added


def set_rules(draft, minimums):
    """The sign-off rules as {committee id: approvals needed}; 0 removes a committee's rule."""
    if draft.status not in ("draft", *REVIEWED):
        raise ActionRefused(_l("This draft is no longer reviewed."))
    existing = {rule.committee_id: rule for rule in rules_of(draft)}
    for committee_id, minimum in minimums.items():
        rule = existing.get(committee_id)
        if minimum <= 0 and rule is not None:
            db.session.delete(rule)
        elif minimum > 0 and rule is None:
            db.session.add(
                DraftSignoffRule(draft_id=draft.id, committee_id=committee_id, minimum=minimum)
            )
        elif minimum > 0:
            rule.minimum = minimum
    db.session.flush()
    update_status(draft)
    return draft


def decide(draft, actor, decision, note, rules):
    """The actor's approval or request for changes, on the current revision."""
    _check_decision(draft, actor, decision, note)
    found = db.session.scalar(
        select(DraftDecision).filter_by(
            draft_id=draft.id, person_id=actor.id, revision_number=draft.revision_number
        )
    )
    if found is None:
        found = DraftDecision(
            draft_id=draft.id, person_id=actor.id, revision_number=draft.revision_number
        )
        db.session.add(found)
    found.decision, found.note, found.decided_at = decision, note or "", utcnow()
    db.session.flush()
    became_approved = update_status(draft)
    notify.decided(draft, found, actor, rules, became_approved)
    return found


def _check_decision(draft, actor, decision, note):
    if decision not in DECISIONS:
        raise ActionRefused(_l("Choose approve or ask for changes."), field="decision")
    if draft.status not in REVIEWED:
        raise ActionRefused(_l("This draft is not in review."))
    if authored(draft, actor):
        raise ActionRefused(
            _l("You saved a revision of this draft: someone who did not write it signs it off.")
        )
    if decision == CHANGES_REQUESTED and not (note or "").strip():
        raise ActionRefused(_l("Say what should change."), field="note")


def update_status(draft):
    """In review or approved, as the sign-off on the current revision stands; True when
    the draft has just become approved."""
    if draft.status not in REVIEWED:
        return False
    complete = signoff_complete(draft)
    before = draft.status
    draft.status = APPROVED if complete else "in_review"
    if draft.status != before:
        db.session.flush()
    return before != APPROVED and draft.status == APPROVED


def after_new_revision(draft):
    """A new revision of the text: the decisions on the older one no longer count."""
    update_status(draft)


def publish(draft, place, actor, rules):
    """Publish an approved draft: who, when and where; one timeline entry; emails."""
    if draft.status != APPROVED:
        raise ActionRefused(_l("Only an approved draft is published: every sign-off comes first."))
    publication = DraftPublication(
        draft_id=draft.id,
        published_by_id=actor.id,
        place=place,
        revision_number=draft.revision_number,
    )
    db.session.add(publication)
    draft.status = "published"
    db.session.flush()
    record_entry(  # its title is written when read, in the reader's language
        "milestone",
        draft.title,
        coalition_date(publication.published_at),
        source=("draft", draft.id, draft.title),
        event="published",
        actor=actor,
    )
    notify.published(draft, publication, actor, rules)
    return publication


def archive(draft):
    """Put the draft away: no more review; it stays readable by whoever read it."""
    if draft.status == "archived":
        raise ActionRefused(_l("This draft is archived already."))
    draft.status = "archived"
    db.session.flush()
    return draft


def publication_of(draft):
    return db.session.scalar(
        select(DraftPublication)
        .filter_by(draft_id=draft.id)
        .options(selectinload(DraftPublication.published_by))
    )


# First asked first.
WAITING_ORDER = (DraftReviewer.asked_at, Draft.id)


def waiting_for_query(viewer):
    """Drafts in review the viewer was asked to review and has not decided on this revision,
    as a select to list or count."""
    # The current revision is joined, not a nested subquery: PostgreSQL would not
    # correlate a subquery two levels down and found every draft's revision.
    decided = exists().where(
        DraftDecision.draft_id == Draft.id,
        DraftDecision.person_id == viewer.id,
        DraftDecision.revision_number == RevisionedText.current_number,
    )
    return (
        select(Draft)
        .join(RevisionedText, RevisionedText.id == Draft.text_id)
        .join(
            DraftReviewer,
            and_(DraftReviewer.draft_id == Draft.id, DraftReviewer.person_id == viewer.id),
        )
        .where(Draft.status == "in_review", ~decided)
    )


def reviewer_candidates(draft, visible_people):
    """People with an account the asker may see and who are not asked yet, by name."""
    asked = select(DraftReviewer.person_id).where(DraftReviewer.draft_id == draft.id)
    return db.session.scalars(
        select(Person)
        .where(
            visible_people,
            Person.password_hash.is_not(None),
            Person.is_active,
            Person.id.not_in(asked),
        )
        .order_by(Person.name_search, Person.id)
    ).all()


def people(person_id):
    """The person a form chose (already among those offered), as a list."""
    person = db.session.get(Person, int(person_id)) if person_id else None
    return [person] if person is not None else []


def committees_for_rules():
    """Active committees, by name: any of them may be asked to sign off."""
    return db.session.scalars(
        select(Committee).where(Committee.active.is_(True)).order_by(Committee.name)
    ).all()
